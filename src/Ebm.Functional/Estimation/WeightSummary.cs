using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Estimation;

/// <summary>
/// Statistics of a set of importance weights given in log space: log mean w, the delta-method standard
/// error of that log mean, the weight ESS and the largest normalised weight, computed stably
/// (weights are scaled by their maximum before exponentiating).
/// </summary>
/// <param name="Count">Number of weights, including those left out as non-finite.</param>
/// <param name="LogMeanWeight">log((1/M) sum_i w_i) over the finite weights (M counts every weight; a left-out weight counts as zero).</param>
/// <param name="StandardError">sd(w) / (sqrt(M) mean(w)) with ddof = 1: the delta-method standard error of <see cref="LogMeanWeight"/>; +infinity for fewer than two weights or when every weight is zero.</param>
/// <param name="Ess">(sum w)^2 / sum w^2.</param>
/// <param name="MaxNormalisedWeight">max_i w_i / sum w.</param>
/// <param name="NonFinite">How many log weights were NaN or +infinity and were left out.</param>
public sealed record WeightSummary(int Count, double LogMeanWeight, double StandardError, double Ess, double MaxNormalisedWeight, int NonFinite)
{
    /// <summary>The Pareto k̂ of the weights' upper tail (<see cref="Estimation.ParetoK"/>); NaN where it cannot be estimated.</summary>
    public double ParetoK { get; init; } = double.NaN;

    /// <summary>
    /// (sum w^2)^2 / sum w^4: the number of weights that carry the spread behind <see cref="StandardError"/> (the Kish
    /// effective size of the squared weights). The relative error of the sample variance is about 1 / sqrt of it, and
    /// a spread carried by a handful of weights makes the error bar a guess. NaN where there are no positive weights.
    /// </summary>
    public double VarianceEss { get; init; } = double.NaN;

    /// <summary>
    /// The spread of the upper half of the log weights, mean of (log w - median)^2 over the log weights above their median:
    /// the variance sigma^2 of log w were it normal, as AIS log weights (sums of many increments) nearly are, read from the
    /// half that carries the mass (a long lower tail of negligible weights does not inflate it). 0 for fewer than two weights.
    /// </summary>
    public double UpperLogVariance { get; init; }

    /// <summary>
    /// S exp(-sigma^2) with sigma^2 = <see cref="UpperLogVariance"/>: the ESS that log-normal weights of that spread would have
    /// in the long run, (E w)^2 / E w^2 = exp(-sigma^2) of the sample size. Below 1, the sample is too small to have seen
    /// the weights that carry Z (importance sampling needs about exp(KL) draws, and KL = sigma^2 / 2 for log-normal weights:
    /// Chatterjee and Diaconis 2018, "The sample size required in importance sampling", Ann. Appl. Probab. 28), and its
    /// own ESS overstates it: 20 uniform draws of a 4 x 4 Ising torus at beta = 1, whose log weights -beta E spread with a
    /// variance of about 32, have an ESS of 6 of 20 and missed log Z by 55 standard errors.
    /// </summary>
    public double LognormalEss => Count * Math.Exp(-UpperLogVariance);

    /// <summary>Summarises <paramref name="logWeights"/>; -infinity is a legitimate weight of zero, NaN and +infinity are left out and counted.</summary>
    public static WeightSummary Of(ReadOnlySpan<double> logWeights)
    {
        var m = logWeights.Length;
        var nonFinite = 0;
        var max = double.NegativeInfinity;
        foreach (var x in logWeights)
        {
            if (double.IsNaN(x) || double.IsPositiveInfinity(x)) nonFinite++;
            else if (x > max) max = x;
        }

        if (m == 0 || double.IsNegativeInfinity(max))
            return new WeightSummary(m, double.NegativeInfinity, double.PositiveInfinity, 0.0, double.NaN, nonFinite);

        double sum = 0, sumSquares = 0, sumFourth = 0, largest = 0;
        foreach (var x in logWeights)
        {
            if (double.IsNaN(x) || double.IsPositiveInfinity(x)) continue;
            var w = Math.Exp(x - max);
            sum += w;
            sumSquares += w * w;
            sumFourth += w * w * w * w;
            if (w > largest) largest = w;
        }

        var mean = sum / m;
        var logMean = max + Math.Log(mean);
        var standardError = double.PositiveInfinity;
        if (m >= 2)
        {
            // sum (w - mean)^2 = sumSquares - m mean^2, computed as a two-pass sum for accuracy.
            var squares = 0.0;
            foreach (var x in logWeights)
            {
                var w = double.IsNaN(x) || double.IsPositiveInfinity(x) ? 0.0 : Math.Exp(x - max);
                squares += (w - mean) * (w - mean);
            }

            standardError = Math.Sqrt(squares / (m - 1)) / (Math.Sqrt(m) * mean);
        }

        // One sorted copy serves both tail diagnostics; its first nonFinite entries are the NaN and +infinity weights
        // (made -infinity there), which the spread leaves out.
        var sorted = Estimation.ParetoK.SortedAsWeights(logWeights);
        return new WeightSummary(m, logMean, standardError, sum * sum / sumSquares, largest / sum, nonFinite)
        {
            ParetoK = Estimation.ParetoK.OfSortedLogWeights(sorted),
            VarianceEss = sumSquares * sumSquares / sumFourth,
            UpperLogVariance = UpperSpread(sorted.AsSpan(nonFinite)),
        };
    }

    /// <summary>Mean of (x - median)^2 over the sorted values <paramref name="kept"/> above their median (-infinity counts as the lowest).</summary>
    private static double UpperSpread(ReadOnlySpan<double> kept)
    {
        if (kept.Length < 2) return 0.0;
        var n = kept.Length;
        var median = n % 2 == 1 ? kept[n / 2] : 0.5 * (kept[n / 2 - 1] + kept[n / 2]);
        if (!double.IsFinite(median)) return double.PositiveInfinity;
        double sum = 0;
        var count = 0;
        foreach (var x in kept)
        {
            if (!(x > median)) continue;
            sum += (x - median) * (x - median);
            count++;
        }

        return count == 0 ? 0.0 : sum / count;
    }

    /// <summary>
    /// True when the tail diagnostics call the weights heavy: the Pareto k̂ above the sample-size threshold
    /// <see cref="Estimation.ParetoK.Threshold"/>(M) = min(1 - 1 / log10 M, 0.7) of Vehtari et al. (2024), or the spread
    /// carried by fewer than <see cref="EstimateWarnings.MinimumVarianceEss"/> weights (<see cref="VarianceEss"/>; fewer than
    /// half the weights when there are under 16).
    /// </summary>
    public bool HasHeavyTail =>
        ParetoK > Estimation.ParetoK.Threshold(Count) || VarianceEss < Math.Min(EstimateWarnings.MinimumVarianceEss, Count / 2.0);

    /// <summary>
    /// The weight ESS these weights need, decided from their own tail: <see cref="EstimateWarnings.HeavyTailEssFraction"/>
    /// of the weights when <see cref="HasHeavyTail"/> (a heavy tail hides mass the sample has not seen yet, so the mean
    /// must rest on more of them), else <see cref="EstimateWarnings.DegenerateEssFraction"/>.
    /// </summary>
    public double RequiredEss => (HasHeavyTail ? EstimateWarnings.HeavyTailEssFraction : EstimateWarnings.DegenerateEssFraction) * Count;

    /// <summary>
    /// True when a few weights dominate, so that neither the log mean weight nor its delta-method standard error can be
    /// trusted (<see cref="EstimateWarnings.WeightDegeneracy"/>): the ESS is below <see cref="RequiredEss"/>, one
    /// normalised weight exceeds <see cref="EstimateWarnings.DegenerateMaxWeight"/>, or the spread of the log weights says
    /// the sample cannot have seen the weights that matter (<see cref="LognormalEss"/> below 1).
    /// </summary>
    public bool IsDegenerate =>
        Count >= 2 && (Ess < RequiredEss || MaxNormalisedWeight > EstimateWarnings.DegenerateMaxWeight || LognormalEss < 1.0);

    /// <summary>The warnings these weights call for (degeneracy, left-out weights, too few samples), for an estimate that errs low when they degenerate.</summary>
    public Seq<EstimateWarning> Warnings() => Warnings(estimateErrsHigh: false);

    /// <summary>
    /// The warnings these weights call for; <paramref name="estimateErrsHigh"/> says which way a degenerate log mean
    /// weight moves the estimate (high for reverse AIS, which subtracts it).
    /// </summary>
    public Seq<EstimateWarning> Warnings(bool estimateErrsHigh)
    {
        var warnings = Seq<EstimateWarning>();
        if (NonFinite > 0)
            warnings = warnings.Add(EstimateWarnings.Of(EstimateWarnings.NonFiniteWeights,
                $"{NonFinite} of {Count} log weights were NaN or +infinity and count as weight zero; the estimate is biased {(estimateErrsHigh ? "high" : "low")}"));
        if (Count < 2)
            warnings = warnings.Add(EstimateWarnings.Of(EstimateWarnings.FewSamples, $"{Count} weight(s): no standard error can be estimated"));
        else if (IsDegenerate)
            warnings = warnings.Add(EstimateWarnings.Of(EstimateWarnings.WeightDegeneracy,
                $"{(estimateErrsHigh ? "reverse " : "")}weight ESS {Ess:G3} of {Count} (these weights need {RequiredEss:G3}: Pareto k {ParetoText}, " +
                $"reliable below {Estimation.ParetoK.Threshold(Count):G2}; spread carried by {VarianceEss:G3} weights), largest normalised weight {MaxNormalisedWeight:G3}, " +
                $"log-weight spread {UpperLogVariance:G3} (a sample of {Count} sees log-normal weights of spread up to {Math.Log(Count):G3}): " +
                $"a few weights dominate, so the estimate is likely {(estimateErrsHigh ? "high" : "low")} " +
                "and its standard error too small; do not trust it (anneal longer or use a proposal closer to the target)"));
        return warnings;
    }

    private string ParetoText => double.IsNaN(ParetoK) ? "n/a" : ParetoK.ToString("G3");
}
