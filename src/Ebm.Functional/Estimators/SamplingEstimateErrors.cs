using LanguageExt.Common;

namespace Ebm.Functional.Estimators;

/// <summary>
/// Errors of proposals, importance sampling, bridge sampling and thermodynamic integration (codes 7070-7089).
/// </summary>
public static class SamplingEstimateErrors
{
    /// <summary>Code of <see cref="InvalidArgument"/>.</summary>
    public const int InvalidArgumentCode = 7070;

    /// <summary>Code of <see cref="DimensionMismatch"/>.</summary>
    public const int DimensionMismatchCode = 7071;

    /// <summary>Code of <see cref="ConventionMismatch"/>.</summary>
    public const int ConventionMismatchCode = 7072;

    /// <summary>Code of <see cref="InvalidProposal"/>.</summary>
    public const int InvalidProposalCode = 7073;

    /// <summary>Code of <see cref="LengthMismatch"/>.</summary>
    public const int LengthMismatchCode = 7074;

    /// <summary>Code of <see cref="InvalidPoints"/>.</summary>
    public const int InvalidPointsCode = 7075;

    /// <summary>Code of <see cref="PointStatistics"/>.</summary>
    public const int PointStatisticsCode = 7076;

    /// <summary>An option outside its accepted range.</summary>
    public static Error InvalidArgument(string field, string value, string requirement) =>
        Error.New(InvalidArgumentCode, $"{field} is {value}: {requirement}");

    /// <summary>The proposal (or the samples) and the model have different dimensions.</summary>
    public static Error DimensionMismatch(string what, int got, int expected) =>
        Error.New(DimensionMismatchCode, $"{what} has dimension {got}, the model {expected}");

    /// <summary>The proposal's support is not the model's (binary vs spin vs continuous).</summary>
    public static Error ConventionMismatch(string proposal, string model) =>
        Error.New(ConventionMismatchCode, $"the proposal is over {proposal} states, the model over {model} states");

    /// <summary>A proposal that cannot be built from the given parameters.</summary>
    public static Error InvalidProposal(string field, string why) =>
        Error.New(InvalidProposalCode, $"proposal: {field} {why}");

    /// <summary>Two inputs that must have the same length do not.</summary>
    public static Error LengthMismatch(string first, int firstLength, string second, int secondLength) =>
        Error.New(LengthMismatchCode, $"{first} has {firstLength} entries, {second} has {secondLength}; they must match");

    /// <summary>Integration points that are not finite and strictly increasing, or too few for the rule.</summary>
    public static Error InvalidPoints(string why) => Error.New(InvalidPointsCode, $"integration points: {why}");

    /// <summary>The per-point mean or Monte Carlo standard error could not be computed from the draws.</summary>
    public static Error PointStatistics(int point, string why) =>
        Error.New(PointStatisticsCode, $"integration point {point}: {why}");
}
