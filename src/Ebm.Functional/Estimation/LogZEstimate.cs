using Ebm.Functional.Numerics;
using LanguageExt;

namespace Ebm.Functional.Estimation;

/// <summary>
/// The one result of every log Z estimator: the estimate, its standard error and where that error comes
/// from, the weight diagnostics, the cost, and the warnings that say whether to believe it.
/// </summary>
/// <remarks>
/// <see cref="Warnings"/> is never silent about a number that cannot be right: besides the estimator's own
/// warnings it always carries those of <see cref="EstimateChecks"/> (a non-finite log Z or interval, a standard
/// error that is 0, infinite or NaN, an ESS that is NaN), whoever built the record and however it was changed
/// with <c>with</c>.
/// </remarks>
/// <param name="Method">The estimator's name as the CLI spells it (ais, smc, bridge, ...).</param>
/// <param name="Beta">The inverse temperature of the target (log Z is log Z(beta)).</param>
/// <param name="LogZ">The estimate of log Z (or of a log ratio, for estimators between two models).</param>
/// <param name="StandardError">Standard error of <paramref name="LogZ"/>; +infinity when it cannot be estimated.</param>
/// <param name="ErrorSource">How the standard error was obtained.</param>
/// <param name="Ess">
/// Effective sample size: of the final weights, (sum w)^2 / sum w^2, for the weighting estimators; of the bridge's
/// two weighted sums (the smaller) for bridge sampling; of the integrand at the worst point for thermodynamic integration.
/// </param>
/// <param name="MaxNormalisedWeight">Largest w_i / sum w (NaN where there are no weights).</param>
/// <param name="Samples">Number of particles, draws or chains the estimate averages over.</param>
/// <param name="EnergyEvaluations">Per-particle evaluations of the energy (a sweep of local updates counts as one).</param>
/// <param name="Warnings">The estimator's reasons for doubt; <see cref="EstimateChecks"/> adds its own on reading.</param>
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

    private readonly Seq<EstimateWarning> _warnings = Warnings;

    /// <summary>
    /// Reasons for doubt, empty when none were found: the estimator's own warnings, then those of
    /// <see cref="EstimateChecks.Of"/> for this record's numbers (a code already present is not repeated).
    /// </summary>
    public Seq<EstimateWarning> Warnings
    {
        get => EstimateChecks.Complete(this, _warnings);
        init => _warnings = value;
    }

    /// <summary>
    /// The estimator's own warnings, without the checks of <see cref="EstimateChecks"/> that <see cref="Warnings"/> adds
    /// (for combining parts, and for carrying an estimate to another machine: an estimate rebuilt with these as its
    /// warnings has the same <see cref="Warnings"/>).
    /// </summary>
    public Seq<EstimateWarning> EstimatorWarnings => _warnings;

    /// <summary>The final log weights (empty for estimators without weights); for plots.</summary>
    public Vec LogWeights { get; init; } = Vec.Empty;

    /// <summary>The running estimate along the path (empty where it does not apply).</summary>
    public EstimateTrace Trace { get; init; } = EstimateTrace.Empty;

    /// <summary>Component estimates: the forward and reverse runs of a sandwich, the repetitions of a repeated estimate.</summary>
    public Seq<LogZEstimate> Parts { get; init; } = Seq<LogZEstimate>.Empty;

    /// <summary>
    /// The Pareto k̂ of the final weights' upper tail (<see cref="Estimation.ParetoK"/>; for repetitions and a
    /// sandwich the largest of the parts'); NaN where there are no weights or the tail cannot be fitted.
    /// </summary>
    public double ParetoK { get; init; } = double.NaN;

    /// <summary>
    /// The annealing steps (transitions t_{k-1} to t_k) the estimator actually ran: K of the schedule for AIS, reverse
    /// AIS, the sandwich and linked importance sampling, the points visited minus one for SMC (for repetitions, the
    /// rounded mean over the runs), the intervals of the ladder for thermodynamic integration; 0 for estimators
    /// without a path.
    /// </summary>
    public int Steps { get; init; }

    /// <summary>Normal-theory interval LogZ -/+ z SE at <paramref name="level"/> (0 &lt; level &lt; 1).</summary>
    public (double Lower, double Upper) ConfidenceInterval(double level = DefaultConfidence)
    {
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "a confidence level lies strictly between 0 and 1");
        var z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 0.5 + level / 2);
        return (LogZ - z * StandardError, LogZ + z * StandardError);
    }

    /// <summary>True when the estimate carries no warnings.</summary>
    public bool IsClean => Warnings.IsEmpty;

    /// <summary>False when some warning means "do not trust this number" (<see cref="EstimateWarning.MeansUnreliable"/>).</summary>
    public bool IsReliable => !Warnings.Exists(w => w.MeansUnreliable);
}
