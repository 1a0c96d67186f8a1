using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;
using Ebm.Functional.Estimation;

namespace Ebm.Functional.Estimators;

/// <summary>The discretisation-error check of a thermodynamic-integration quadrature, from its points, means and standard errors.</summary>
internal static class DiscretisationCheck
{
    /// <summary>
    /// A <see cref="EstimateWarnings.DiscretisationError"/> warning when, with three points or more, Simpson and trapezoid
    /// differ by more than the standard error, or else the same rule on every other point differs by more than the
    /// standard error and by more than <see cref="ThermodynamicIntegration.GapSignificance"/> of its own Monte Carlo error.
    /// </summary>
    /// <param name="points">The points of the ladder.</param>
    /// <param name="means">The integrand's mean at each point.</param>
    /// <param name="standardErrors">Its standard error at each point.</param>
    /// <param name="rule">The rule of the estimate.</param>
    /// <param name="weights">That rule's weights on <paramref name="points"/>.</param>
    /// <param name="integral">The estimate's integral.</param>
    /// <param name="standardError">The estimate's standard error.</param>
    public static Seq<EstimateWarning> Warnings(
        Vec points, Vec means, Vec standardErrors, IntegrationRule rule, double[] weights, double integral, double standardError)
    {
        if (points.Length < 3) return Seq<EstimateWarning>();
        var other = Dot(IntegrationWeights.Of(points.Span, rule == IntegrationRule.Simpson ? IntegrationRule.Trapezoid : IntegrationRule.Simpson), means);
        var gap = Math.Abs(integral - other);
        if (gap > standardError)
            return Seq1(EstimateWarnings.Of(EstimateWarnings.DiscretisationError,
                $"Simpson and trapezoid differ by {gap:G3}, more than the standard error {standardError:G3}: the estimate may be off by about that much, " +
                "beyond its error bar; do not trust it until points are added where the integrand bends"));
        if (CoarseGap(points, means, standardErrors, rule, weights) is var (coarse, noise) && coarse > standardError &&
            coarse > ThermodynamicIntegration.GapSignificance * noise)
            return Seq1(EstimateWarnings.Of(EstimateWarnings.DiscretisationError,
                $"the same rule on every other point differs by {coarse:G3}, more than the standard error {standardError:G3} and beyond Monte Carlo noise: " +
                "the estimate may be off by about that much, beyond its error bar; do not trust it until points are added where the integrand bends"));
        return Seq<EstimateWarning>();
    }

    /// <summary>
    /// |I_h - I_2h|, the integral on every other point (the last always kept) against the full one, with the Monte
    /// Carlo standard error of that difference, sqrt(sum_k (w_h,k - w_2h,k)^2 MCSE_k^2). A Richardson-style check
    /// that also sees integrands too steep for Simpson and trapezoid to notice each other (e.g. a broad reference
    /// whose energy dominates near t = 0).
    /// </summary>
    private static (double Gap, double Noise) CoarseGap(Vec points, Vec means, Vec standardErrors, IntegrationRule rule, double[] fine)
    {
        var keep = Enumerable.Range(0, points.Length).Where(k => k % 2 == 0 || k == points.Length - 1).ToArray();
        var coarsePoints = keep.Select(k => points[k]).ToArray();
        var coarseRule = rule == IntegrationRule.Simpson && keep.Length >= 3 ? IntegrationRule.Simpson : IntegrationRule.Trapezoid;
        var coarseWeights = IntegrationWeights.Of(coarsePoints, coarseRule);
        var difference = (double[])fine.Clone();
        for (var i = 0; i < keep.Length; i++) difference[keep[i]] -= coarseWeights[i];
        double gap = 0, variance = 0;
        for (var k = 0; k < difference.Length; k++)
        {
            gap += difference[k] * means[k];
            variance += difference[k] * difference[k] * standardErrors[k] * standardErrors[k];
        }

        return (Math.Abs(gap), Math.Sqrt(variance));
    }

    private static double Dot(double[] weights, Vec values)
    {
        var s = 0.0;
        for (var k = 0; k < weights.Length; k++) s += weights[k] * values[k];
        return s;
    }
}
