using LanguageExt.Common;

namespace Ebm.Functional.Annealing;

/// <summary>Errors of the RBM annealing paths and base rates (codes 7030-7031, 7034-7049; 7032-7033 are <see cref="Exact.ExactDrawErrors"/>).</summary>
public static class RbmAnnealingErrors
{
    /// <summary>Code of <see cref="InvalidSmoothing"/>.</summary>
    public const int InvalidSmoothingCode = 7030;

    /// <summary>Code of <see cref="DataOutOfRange"/>.</summary>
    public const int DataOutOfRangeCode = 7031;

    /// <summary>Code of <see cref="StateWidth"/>.</summary>
    public const int StateWidthCode = 7034;

    /// <summary>States whose rows are not as wide as the model's visible (or joint) units.</summary>
    public static Error StateWidth(string what, int columns, int expected) =>
        Error.New(StateWidthCode, $"RBM annealing state: the {what} rows have {columns} columns, the model {expected}");

    /// <summary>A base-rate smoothing that is not positive and finite.</summary>
    public static Error InvalidSmoothing(double smoothing) =>
        Error.New(InvalidSmoothingCode, $"base rate: the smoothing must be positive and finite, not {smoothing}");

    /// <summary>Data entries outside [0, 1] (or not numbers).</summary>
    public static Error DataOutOfRange(int row, int column, double value) =>
        Error.New(DataOutOfRangeCode, $"base rate: entry ({row}, {column}) is {value}; visible data must lie in [0, 1]");
}
