using LanguageExt.Common;

namespace Ebm.Functional.Thermo;

/// <summary>The catalogue of errors from temperature sweeps with error bars (codes 7101-7149).</summary>
public static class ThermoErrors
{
    /// <summary>Code of <see cref="InvalidBetas"/>.</summary>
    public const int InvalidBetasCode = 7101;

    /// <summary>Code of <see cref="UnsupportedModel"/>.</summary>
    public const int UnsupportedModelCode = 7102;

    /// <summary>Code of <see cref="InvalidSettings"/>.</summary>
    public const int InvalidSettingsCode = 7103;

    /// <summary>Code of <see cref="NotConverged"/>.</summary>
    public const int NotConvergedCode = 7104;

    /// <summary>Code of <see cref="OutsideSampledRange"/>.</summary>
    public const int OutsideSampledRangeCode = 7105;

    /// <summary>Code of <see cref="TooFewPoints"/>.</summary>
    public const int TooFewPointsCode = 7106;

    /// <summary>The inverse temperatures of a sweep are not usable: empty, negative, not finite or repeated.</summary>
    public static Error InvalidBetas(string problem) => Error.New(InvalidBetasCode, $"beta: {problem}");

    /// <summary>The method has no sampler for this kind of model.</summary>
    public static Error UnsupportedModel(string method, string kind, string supported) =>
        Error.New(UnsupportedModelCode, $"method {method} does not apply to a {kind} model; it applies to {supported}");

    /// <summary>A setting of a sweep is out of range, naming the field.</summary>
    public static Error InvalidSettings(string field, string problem) => Error.New(InvalidSettingsCode, $"{field}: {problem}");

    /// <summary>The reweighting equations did not reach their tolerance.</summary>
    public static Error NotConverged(int iterations, double residual) =>
        Error.New(NotConvergedCode, $"reweighting did not converge in {iterations} iterations (residual {residual:G3}); the sampled betas may not overlap: use a finer grid or more steps");

    /// <summary>A beta asked of reweighting lies outside the sampled betas, where it would extrapolate.</summary>
    public static Error OutsideSampledRange(double beta, double low, double high) =>
        Error.New(OutsideSampledRangeCode, $"beta: {beta} lies outside the sampled range [{low}, {high}]; reweighting does not extrapolate");

    /// <summary>A finite-size tool needs more points than it was given.</summary>
    public static Error TooFewPoints(string tool, int needed, int given) =>
        Error.New(TooFewPointsCode, $"{tool}: needs at least {needed} points, got {given}");
}
