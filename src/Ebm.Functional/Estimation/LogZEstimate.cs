using Ebm.Functional.Numerics;
using LanguageExt;

namespace Ebm.Functional.Estimation;

/// <summary>How a <see cref="LogZEstimate.StandardError"/> was obtained.</summary>
public enum ErrorSource
{
    /// <summary>Delta method on the log-mean-exp of independent weights: sd(w) / (sqrt(M) mean(w)).</summary>
    DeltaMethod,

    /// <summary>Spread of independent repetitions of the whole estimator: sd / sqrt(R).</summary>
    Repetitions,

    /// <summary>Propagated from per-point Monte Carlo standard errors (thermodynamic integration).</summary>
    MonteCarloStandardError,

    /// <summary>The square root of the bridge estimator's relative mean-squared error (Frühwirth-Schnatter 2004).</summary>
    BridgeRelativeMeanSquaredError,

    /// <summary>Combined from the parts' errors (the sandwich of forward and reverse bounds).</summary>
    Combined,

    /// <summary>The value is exact; the error is zero.</summary>
    Exact,
}

/// <summary>Something the user should know before believing an estimate.</summary>
/// <param name="Code">A stable short name (<see cref="EstimateWarnings"/> lists them).</param>
/// <param name="Message">One sentence for people.</param>
public sealed record EstimateWarning(string Code, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Message}";
}

/// <summary>A running estimate along an annealing path: log Z at each recorded point t of the schedule.</summary>
/// <param name="Points">Path positions t in [0, 1] (inverse temperatures are t times the target beta on tempered paths).</param>
/// <param name="LogZ">The estimate of log Z_t at each point.</param>
public sealed record EstimateTrace(Vec Points, Vec LogZ)
{
    /// <summary>No trace.</summary>
    public static EstimateTrace Empty { get; } = new(Vec.Empty, Vec.Empty);

    /// <summary>Number of recorded points.</summary>
    public int Count => Points.Length;
}

/// <summary>
/// The one result of every log Z estimator: the estimate, its standard error and where that error comes
/// from, the weight diagnostics, the cost, and the warnings that say whether to believe it.
/// </summary>
/// <param name="Method">The estimator's name as the CLI spells it (ais, smc, bridge, ...).</param>
/// <param name="Beta">The inverse temperature of the target (log Z is log Z(beta)).</param>
/// <param name="LogZ">The estimate of log Z (or of a log ratio, for estimators between two models).</param>
/// <param name="StandardError">Standard error of <paramref name="LogZ"/>; +infinity when it cannot be estimated.</param>
/// <param name="ErrorSource">How the standard error was obtained.</param>
/// <param name="Ess">Effective sample size of the final weights, (sum w)^2 / sum w^2 (NaN where there are no weights).</param>
/// <param name="MaxNormalisedWeight">Largest w_i / sum w (NaN where there are no weights).</param>
/// <param name="Samples">Number of particles, draws or chains the estimate averages over.</param>
/// <param name="EnergyEvaluations">Per-particle evaluations of the energy (a sweep of local updates counts as one).</param>
/// <param name="Warnings">Reasons for doubt; empty when none were found.</param>
public sealed record LogZEstimate(
    string Method,
    double Beta,
    double LogZ,
    double StandardError,
    ErrorSource ErrorSource,
    double Ess,
    double MaxNormalisedWeight,
    int Samples,
    long EnergyEvaluations,
    Seq<EstimateWarning> Warnings)
{
    /// <summary>The default confidence level of <see cref="ConfidenceInterval"/>.</summary>
    public const double DefaultConfidence = 0.95;

    /// <summary>The final log weights (empty for estimators without weights); for plots.</summary>
    public Vec LogWeights { get; init; } = Vec.Empty;

    /// <summary>The running estimate along the path (empty where it does not apply).</summary>
    public EstimateTrace Trace { get; init; } = EstimateTrace.Empty;

    /// <summary>Component estimates: the forward and reverse runs of a sandwich, the repetitions of a repeated estimate.</summary>
    public Seq<LogZEstimate> Parts { get; init; } = Seq<LogZEstimate>.Empty;

    /// <summary>Normal-theory interval LogZ -/+ z SE at <paramref name="level"/> (0 &lt; level &lt; 1).</summary>
    public (double Lower, double Upper) ConfidenceInterval(double level = DefaultConfidence)
    {
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "a confidence level lies strictly between 0 and 1");
        var z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.5 + level / 2);
        return (LogZ - z * StandardError, LogZ + z * StandardError);
    }

    /// <summary>True when the estimate carries no warnings.</summary>
    public bool IsClean => Warnings.IsEmpty;
}
