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
    [InlineData(20.0, false)]
    [InlineData(50.0, true)]
    public void Degeneracy_is_raised_when_the_ess_falls_below_a_tenth_of_the_weights(double heavy, bool raised)
    {
        // Four weights a among 96 of 1: ESS = (4a + 96)^2 / (4a^2 + 96) is 18.26 at a = 20 and 8.68 at a = 50, against
        // the threshold 0.1 * 100 = 10; the largest normalised weight a / (4a + 96) stays below 0.2, far from 1/2.
        var logWeights = Enumerable.Range(0, 100).Select(i => i < 4 ? Math.Log(heavy) : 0.0).ToArray();
        var summary = WeightSummary.Of(logWeights);
        Assert.Equal((4 * heavy + 96) * (4 * heavy + 96) / (4 * heavy * heavy + 96), summary.Ess, 1e-12);
        Assert.Equal(raised, summary.Warnings().Exists(w => w.Code == EstimateWarnings.WeightDegeneracy));
    }

    [Theory]
    [InlineData(8.9, false)]
    [InlineData(9.1, true)]
    public void Degeneracy_is_raised_when_one_weight_carries_more_than_half_the_mass(double heavy, bool raised)
    {
        // One weight a among nine of 1: the largest normalised weight a / (a + 9) crosses 1/2 at a = 9; the ESS,
        // (a + 9)^2 / (a^2 + 9) = 3.6, stays above the threshold 0.1 * 10 = 1.
        var logWeights = Enumerable.Range(0, 10).Select(i => i == 0 ? Math.Log(heavy) : 0.0).ToArray();
        var summary = WeightSummary.Of(logWeights);
        Assert.Equal(heavy / (heavy + 9), summary.MaxNormalisedWeight, 1e-15);
        Assert.Equal(raised, summary.Warnings().Exists(w => w.Code == EstimateWarnings.WeightDegeneracy));
    }

    private static void AssertNone(WeightSummary summary, params string[] codes) =>
        Assert.DoesNotContain(summary.Warnings(), w => codes.Contains(w.Code));
}
