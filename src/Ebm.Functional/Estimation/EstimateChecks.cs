using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Estimation;

/// <summary>
/// The checks every <see cref="LogZEstimate"/> passes whatever estimator made it: log Z, the standard error, the ESS
/// and the confidence interval must be finite numbers, and the standard error positive (0 only for an exact value).
/// Each failure is a warning with its own code and a message that says not to trust the number, so an estimate is
/// never silently reported as <c>± 0</c>, <c>± Infinity</c> or with an ESS of NaN.
/// </summary>
/// <remarks>
/// <see cref="LogZEstimate.Warnings"/> applies these checks on every read, so a record built by any estimator (or
/// changed with <c>with</c>) cannot escape them. A standard error that is infinite because the estimator has none is
/// already explained by its <see cref="EstimateWarnings.FewSamples"/> warning and is not reported twice.
/// </remarks>
public static class EstimateChecks
{
    /// <summary>The warnings the numbers of <paramref name="estimate"/> call for (empty when they are all sound).</summary>
    public static Seq<EstimateWarning> Of(LogZEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return Checks(estimate, estimate.EstimatorWarnings);
    }

    /// <summary>The estimator's warnings followed by the checks' warnings whose code is not already among them.</summary>
    internal static Seq<EstimateWarning> Complete(LogZEstimate estimate, Seq<EstimateWarning> own)
    {
        var result = own;
        foreach (var w in Checks(estimate, own))
            if (!result.Exists(x => x.Code == w.Code)) result = result.Add(w);
        return result;
    }

    private static Seq<EstimateWarning> Checks(LogZEstimate e, Seq<EstimateWarning> own)
    {
        var warnings = Seq<EstimateWarning>();
        if (!double.IsFinite(e.LogZ))
            warnings = warnings.Add(EstimateWarnings.Of(EstimateWarnings.NonFiniteEstimate,
                $"log Z is {e.LogZ}: the estimator produced no number (every weight was zero, or an energy overflowed); do not trust this result"));
        else if (double.IsFinite(e.StandardError) && e.ConfidenceInterval() is var (low, high) && !(double.IsFinite(low) && double.IsFinite(high)))
            warnings = warnings.Add(EstimateWarnings.Of(EstimateWarnings.NonFiniteEstimate,
                $"the {LogZEstimate.DefaultConfidence:P0} interval [{low}, {high}] is not finite: the estimate is at the edge of double precision; do not trust it"));

        var se = e.StandardError;
        var exactZero = se == 0 && e.ErrorSource == ErrorSource.Exact;
        var explained = double.IsPositiveInfinity(se) && own.Exists(w => w.Code == EstimateWarnings.FewSamples);
        if (!exactZero && !explained && !(se > 0 && double.IsFinite(se)))
            warnings = warnings.Add(EstimateWarnings.Of(EstimateWarnings.InvalidStandardError, se switch
            {
                0 => "the standard error is 0, which no Monte Carlo estimate can honestly have: the draws behind it never varied " +
                     "(chains that never moved, or weights that are all equal because the sampler froze); the error bar is meaningless, do not trust this estimate",
                double.PositiveInfinity => "the standard error is infinite: there is no error bar; do not trust this estimate",
                _ => $"the standard error is {se}: there is no usable error bar; do not trust this estimate",
            }));

        if (!(e.Ess > 0) || !double.IsFinite(e.Ess))
            warnings = warnings.Add(EstimateWarnings.Of(EstimateWarnings.InvalidEss,
                $"the effective sample size is {e.Ess}: the weights or draws behind the estimate carry no usable information; do not trust this estimate"));
        return warnings;
    }
}
