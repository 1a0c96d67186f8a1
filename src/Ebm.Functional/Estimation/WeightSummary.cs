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

        double sum = 0, sumSquares = 0, largest = 0;
        foreach (var x in logWeights)
        {
            if (double.IsNaN(x) || double.IsPositiveInfinity(x)) continue;
            var w = Math.Exp(x - max);
            sum += w;
            sumSquares += w * w;
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

        return new WeightSummary(m, logMean, standardError, sum * sum / sumSquares, largest / sum, nonFinite);
    }

    /// <summary>The warnings these weights call for (degeneracy, left-out weights, too few samples).</summary>
    public Seq<EstimateWarning> Warnings()
    {
        var warnings = Seq<EstimateWarning>();
        if (NonFinite > 0)
            warnings = warnings.Add(EstimateWarnings.Of(EstimateWarnings.NonFiniteWeights,
                $"{NonFinite} of {Count} log weights were NaN or +infinity and count as weight zero; the estimate is biased low"));
        if (Count < 2)
            warnings = warnings.Add(EstimateWarnings.Of(EstimateWarnings.FewSamples, $"{Count} weight(s): no standard error can be estimated"));
        else if (Ess < EstimateWarnings.DegenerateEssFraction * Count || MaxNormalisedWeight > EstimateWarnings.DegenerateMaxWeight)
            warnings = warnings.Add(EstimateWarnings.Of(EstimateWarnings.WeightDegeneracy,
                $"weight ESS {Ess:G3} of {Count} (largest normalised weight {MaxNormalisedWeight:G3}): a few weights dominate, so the estimate is likely low and its standard error unreliable"));
        return warnings;
    }
}
