using Ebm.Functional.Estimation;
using Xunit;

namespace Ebm.Functional.Tests.Estimation;

/// <summary>
/// <see cref="WeightSummary"/> against hand-computed values: log mean weight, the delta-method error with the
/// n - 1 divisor, ESS = (sum w)^2 / sum w^2, the largest normalised weight, and the handling of -infinity, NaN and
/// +infinity log weights.
/// </summary>
public sealed class WeightSummaryTests
{
    [Fact]
    public void Four_weights_give_the_hand_computed_mean_error_ess_and_largest_weight()
    {
        // w = 1, 2, 3, 6: mean 3; squared deviations 4 + 1 + 0 + 9 = 14, so sd = sqrt(14 / 3) (divisor n - 1 = 3) and
        // SE = sd / (sqrt(4) * 3) = sqrt(14 / 3) / 6 = 0.36004; ESS = 12^2 / (1 + 4 + 9 + 36) = 144 / 50 = 2.88; max 6 / 12.
        var summary = WeightSummary.Of([0.0, Math.Log(2), Math.Log(3), Math.Log(6)]);
        Assert.Equal(4, summary.Count);
        Assert.Equal(Math.Log(3), summary.LogMeanWeight, 1e-15);
        Assert.Equal(Math.Sqrt(14.0 / 3) / 6, summary.StandardError, 1e-15);
        Assert.Equal(2.88, summary.Ess, 1e-14);
        Assert.Equal(0.5, summary.MaxNormalisedWeight, 1e-15);
        Assert.Equal(0, summary.NonFinite);
        AssertNone(summary, EstimateWarnings.NonFiniteWeights, EstimateWarnings.FewSamples, EstimateWarnings.WeightDegeneracy);
    }

    [Fact]
    public void A_common_shift_of_the_log_weights_moves_only_the_log_mean()
    {
        // The same four weights times e^700 (their exponentials would overflow): only log mean w moves, by 700.
        var summary = WeightSummary.Of([700.0, 700 + Math.Log(2), 700 + Math.Log(3), 700 + Math.Log(6)]);
        Assert.Equal(700 + Math.Log(3), summary.LogMeanWeight, 1e-12);
        Assert.Equal(Math.Sqrt(14.0 / 3) / 6, summary.StandardError, 1e-14);
        Assert.Equal(2.88, summary.Ess, 1e-13);
    }

    [Fact]
    public void Minus_infinity_is_a_weight_of_zero_and_nan_and_plus_infinity_are_left_out_as_zeros_and_counted()
    {
        // w = 2, 0 (-inf), left out (NaN), left out (+inf), 2: M = 5 counts every weight, the sum is 4, the mean 0.8.
        // Deviations 1.2, -0.8, -0.8, -0.8, 1.2: squares 2 * 1.44 + 3 * 0.64 = 4.8, sd^2 = 4.8 / 4 = 1.2,
        // SE = sqrt(1.2) / (sqrt(5) * 0.8) = 0.61237; ESS = 4^2 / (4 + 4) = 2; largest normalised weight 2 / 4.
        var summary = WeightSummary.Of([Math.Log(2), double.NegativeInfinity, double.NaN, double.PositiveInfinity, Math.Log(2)]);
        Assert.Equal(5, summary.Count);
        Assert.Equal(2, summary.NonFinite);
        Assert.Equal(Math.Log(0.8), summary.LogMeanWeight, 1e-15);
        Assert.Equal(Math.Sqrt(1.2) / (Math.Sqrt(5) * 0.8), summary.StandardError, 1e-15);
        Assert.Equal(2.0, summary.Ess, 1e-15);
        Assert.Equal(0.5, summary.MaxNormalisedWeight, 1e-15);
        var warning = Assert.Single(summary.Warnings(), w => w.Code == EstimateWarnings.NonFiniteWeights);
        Assert.Contains("2 of 5", warning.Message);
        AssertNone(summary, EstimateWarnings.FewSamples, EstimateWarnings.WeightDegeneracy);
    }

    [Fact]
    public void Minus_infinity_alone_is_not_reported_as_non_finite()
    {
        // w = 0, 1, 1, 1: a legitimate zero weight. Mean 3 / 4; squares 9/16 + 3 / 16 = 12 / 16, sd^2 = 1 / 4,
        // SE = (1 / 2) / (2 * 3 / 4) = 1 / 3; ESS = 9 / 3 = 3.
        var summary = WeightSummary.Of([double.NegativeInfinity, 0.0, 0.0, 0.0]);
        Assert.Equal(0, summary.NonFinite);
        Assert.Equal(Math.Log(0.75), summary.LogMeanWeight, 1e-15);
        Assert.Equal(1.0 / 3, summary.StandardError, 1e-15);
        Assert.Equal(3.0, summary.Ess, 1e-15);
        AssertNone(summary, EstimateWarnings.NonFiniteWeights, EstimateWarnings.FewSamples, EstimateWarnings.WeightDegeneracy);
    }

    [Fact]
    public void Weights_that_are_all_zero_or_left_out_give_minus_infinity_an_infinite_error_and_no_ess()
    {
        var summary = WeightSummary.Of([double.NegativeInfinity, double.NaN, double.PositiveInfinity]);
        Assert.Equal((3, 2), (summary.Count, summary.NonFinite));
        Assert.Equal(double.NegativeInfinity, summary.LogMeanWeight);
        Assert.Equal(double.PositiveInfinity, summary.StandardError);
        Assert.Equal(0.0, summary.Ess);
        Assert.Equal(double.NaN, summary.MaxNormalisedWeight);
        Assert.Contains(summary.Warnings(), w => w.Code == EstimateWarnings.NonFiniteWeights);
    }

    [Fact]
    public void One_weight_has_no_standard_error_and_says_so()
    {
        var summary = WeightSummary.Of([1.5]);
        Assert.Equal(1.5, summary.LogMeanWeight);
        Assert.Equal(double.PositiveInfinity, summary.StandardError);
        Assert.Equal(1.0, summary.Ess);
        Assert.Contains(summary.Warnings(), w => w.Code == EstimateWarnings.FewSamples);
    }

    [Theory]
    [InlineData(2.0, false)]
    [InlineData(20.0, true)]
    public void Degeneracy_is_raised_when_four_weights_carry_the_spread(double heavy, bool raised)
    {
        // Four weights a among 96 of 1 (M = 100). By hand:
        // ESS = (4a + 96)^2 / (4a^2 + 96): 96.57 at a = 2, 18.26 at a = 20.
        // Variance ESS = (4a^2 + 96)^2 / (4a^4 + 96): 78.40 at a = 2 (light), 4.494 at a = 20 (below 8: heavy, so the
        // ESS needed is a quarter, 25, not a tenth, 10).
        // Log-normal ESS = M exp(-(ln a)^2) (median 0, the four values above it at ln a): 61.87 at a = 2, 0.01266 at
        // a = 20 (below 1: the sample cannot have seen the weights that carry Z).
        // Pareto k is undefined for both: the 20 largest weights exceed the 21st by 0 in 16 cases, so the first quartile
        // of the exceedances is 0 and no generalized Pareto can be fitted. Largest normalised weight a / (4a + 96) < 0.2.
        // So a = 2 passes every rule and a = 20 fails two (ESS 18.26 < 25, log-normal ESS < 1).
        var logWeights = Enumerable.Range(0, 100).Select(i => i < 4 ? Math.Log(heavy) : 0.0).ToArray();
        var summary = WeightSummary.Of(logWeights);
        Assert.Equal((4 * heavy + 96) * (4 * heavy + 96) / (4 * heavy * heavy + 96), summary.Ess, 1e-12);
        var squares = 4 * heavy * heavy + 96;
        Assert.Equal(squares * squares / (4 * Math.Pow(heavy, 4) + 96), summary.VarianceEss, 1e-10);
        Assert.Equal(100 * Math.Exp(-Math.Log(heavy) * Math.Log(heavy)), summary.LognormalEss, 1e-10);
        Assert.True(double.IsNaN(summary.ParetoK));
        Assert.Equal(raised ? 25.0 : 10.0, summary.RequiredEss, 1e-12);
        Assert.Equal(raised, summary.Warnings().Exists(w => w.Code == EstimateWarnings.WeightDegeneracy));
    }

    [Theory]
    [InlineData(4.5, false)]
    [InlineData(4.6, true)]
    public void Degeneracy_is_raised_when_the_log_weights_spread_beyond_what_the_sample_can_see(double heavy, bool raised)
    {
        // One weight a among nine of 1 (M = 10): the log weights' median is 0 and the one value above it is ln a, so
        // the log-normal ESS 10 exp(-(ln a)^2) crosses 1 at ln a = sqrt(ln 10) = 1.51743, a = 4.5610: 1.7108 at a = 4.5,
        // 0.97393 at a = 4.6. The other rules hold on both sides: ESS (a + 9)^2 / (a^2 + 9) = 6.231 and 6.133, above
        // the quarter 2.5 needed (the variance ESS (a^2 + 9)^2 / (a^4 + 9), about 2, marks the tail heavy; Pareto k is
        // undefined, four of the five tail exceedances being 0); largest normalised weight a / (a + 9) below 0.34.
        var logWeights = Enumerable.Range(0, 10).Select(i => i == 0 ? Math.Log(heavy) : 0.0).ToArray();
        var summary = WeightSummary.Of(logWeights);
        Assert.Equal(10 * Math.Exp(-Math.Log(heavy) * Math.Log(heavy)), summary.LognormalEss, 1e-12);
        Assert.Equal((heavy + 9) * (heavy + 9) / (heavy * heavy + 9), summary.Ess, 1e-12);
        Assert.Equal(2.5, summary.RequiredEss, 1e-12);
        Assert.Equal(heavy / (heavy + 9), summary.MaxNormalisedWeight, 1e-15);
        Assert.Equal(raised, summary.Warnings().Exists(w => w.Code == EstimateWarnings.WeightDegeneracy));
    }

    private static void AssertNone(WeightSummary summary, params string[] codes) =>
        Assert.DoesNotContain(summary.Warnings(), w => codes.Contains(w.Code));
}
