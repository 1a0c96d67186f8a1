using LanguageExt.Common;

namespace Ebm.Functional.Exact;

/// <summary>The catalogue of errors from 2-D numerical quadrature of partition functions (codes 2101-2199).</summary>
public static class QuadratureErrors
{
    /// <summary>Code of <see cref="InvalidRegion"/>.</summary>
    public const int InvalidRegionCode = 2101;

    /// <summary>Code of <see cref="NotConverged"/>.</summary>
    public const int NotConvergedCode = 2102;

    /// <summary>Code of <see cref="NonFiniteEnergy"/>.</summary>
    public const int NonFiniteEnergyCode = 2103;

    /// <summary>Code of <see cref="TooFine"/>.</summary>
    public const int TooFineCode = 2104;

    /// <summary>Code of <see cref="FieldOutOfRange"/>.</summary>
    public const int FieldOutOfRangeCode = 2105;

    /// <summary>An integration box that is empty, not finite, or has a non-positive feature scale.</summary>
    public static Error InvalidRegion(string problem) => Error.New(InvalidRegionCode, $"quadrature region: {problem}");

    /// <summary>The grid reached its size limit before two successive refinements agreed to the tolerance.</summary>
    public static Error NotConverged(string model, double estimatedError, double tolerance, int intervals) =>
        Error.New(NotConvergedCode,
            $"quadrature of {model} did not converge: estimated relative error {estimatedError:G3} exceeds the tolerance {tolerance:G3} " +
            $"at {intervals} intervals per axis (the energy has features too narrow for the grid at this beta; raise the interval limit or estimate log Z instead)");

    /// <summary>The region's feature scales ask for a first grid beyond the interval limit.</summary>
    public static Error TooFine(string model, double neededIntervals, int limit) =>
        Error.New(TooFineCode,
            $"quadrature of {model}: resolving its narrowest feature needs {neededIntervals:G3} intervals per axis, more than the limit of {limit} " +
            "(the energy is too sharply peaked for its box at this beta; estimate log Z instead)");

    /// <summary>The energy returned NaN inside the integration box, or the integrand vanished everywhere.</summary>
    public static Error NonFiniteEnergy(string model, string problem) =>
        Error.New(NonFiniteEnergyCode, $"quadrature of {model}: {problem}");

    /// <summary>
    /// A model field whose value at this beta makes the quadrature impossible: its box is not finite, its peaks are
    /// below the rounding of the coordinates, or it needs more intervals than the limit.
    /// </summary>
    public static Error FieldOutOfRange(string model, string field, string value, double beta, string why) =>
        Error.New(FieldOutOfRangeCode,
            $"quadrature of {model}: {field} ({value}) at beta {ExactErrors.Number(beta)}: {why}; estimate log Z instead");
}
