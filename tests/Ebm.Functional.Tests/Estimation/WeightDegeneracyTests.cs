using Ebm.Functional.Estimation;
using MathNet.Numerics.Distributions;
using Xunit;

namespace Ebm.Functional.Tests.Estimation;

/// <summary>
/// The weight-degeneracy rule on weights built to show each of its parts: the ESS a sample needs rises from a tenth to a
/// quarter of the weights when the Pareto k̂ or the spread of the squared weights calls the tail heavy, and a spread of
/// the log weights beyond log S says the sample cannot have seen the weights that matter.
/// </summary>
/// <remarks>
/// The weights are quantiles (deterministic); each case states the statistic that decides it, its values computed
/// independently with the formulas of pareto_k_reference.py.
/// </remarks>
public sealed class WeightDegeneracyTests
{
    [Fact]
    public void Nearly_equal_weights_are_never_degenerate_whatever_their_tail_shape()
    {
        // 50 weights 1 + 0.001 x with x Lomax-distributed (k = 0.9): k̂ is above the threshold of 50 weights, but the
        // ESS is 50 of 50, so the tail cannot move the mean.
        var summary = WeightSummary.Of(Positions(50).Select(p => Math.Log(1 + 0.001 * (Math.Pow(1 - p, -0.9) - 1) / 0.9)).ToArray());
        Assert.True(summary.Ess > 49);
        Assert.False(summary.IsDegenerate);
        Assert.Empty(summary.Warnings());
    }

    [Theory]
    [InlineData(0.8, 50.0, true)]
    [InlineData(0.5, 50.0, false)]
    [InlineData(0.5, 7.5, true)]
    public void A_heavy_tail_by_pareto_k_or_by_the_spread_of_the_squared_weights_raises_the_ess_needed_to_a_quarter(double k, double varianceEss, bool heavy)
    {
        // 1000 weights with an ESS of 200 (a fifth): enough for a light tail (a tenth), too few for a heavy one (a quarter).
        // k > min(1 - 1/3, 0.7) = 0.667 or a spread carried by fewer than 8 weights makes the tail heavy.
        var summary = new WeightSummary(1000, 0.0, 0.05, 200, 0.01, 0) { ParetoK = k, VarianceEss = varianceEss, UpperLogVariance = 1.0 };
        Assert.Equal(heavy, summary.HasHeavyTail);
        Assert.Equal(heavy ? 250 : 100, summary.RequiredEss, 1e-9);
        Assert.Equal(heavy, summary.IsDegenerate);
    }

    [Fact]
    public void A_lomax_tail_between_a_tenth_and_a_quarter_of_ess_is_degenerate()
    {
        // 400 Lomax quantiles of shape 0.6: ESS 52 of 400 (13%, which the fixed 10% accepted), k̂ 0.577 and the spread
        // carried by 3.9 weights: heavy, so 100 are needed (values from pareto_k_reference.py's formulas).
        var summary = WeightSummary.Of(Positions(400).Select(p => Math.Log((Math.Pow(1 - p, -0.6) - 1) / 0.6)).ToArray());
        Assert.InRange(summary.Ess / 400, 0.1, 0.25);
        Assert.True(summary.VarianceEss < EstimateWarnings.MinimumVarianceEss, $"{summary.VarianceEss}");
        Assert.True(summary.HasHeavyTail);
        Assert.True(summary.IsDegenerate);
    }

    [Fact]
    public void A_light_tail_with_an_ess_between_a_tenth_and_a_quarter_is_accepted()
    {
        // Log-normal quantiles with sigma = 1.3, 1000 weights: ESS 21%, k̂ 0.40 < 0.667, spread carried by 16 weights,
        // S exp(-sigma^2) = 185: a light tail, so a tenth suffices.
        var summary = WeightSummary.Of(Positions(1000).Select(p => 1.3 * Normal.InvCDF(0, 1, p)).ToArray());
        Assert.False(summary.HasHeavyTail, $"k {summary.ParetoK}, variance ESS {summary.VarianceEss}");
        Assert.InRange(summary.Ess / 1000, 0.1, 0.25);
        Assert.True(summary.LognormalEss > 1);
        Assert.False(summary.IsDegenerate);
    }

    [Fact]
    public void A_spread_carried_by_four_weights_needs_a_quarter()
    {
        // Four weights of 1 among 46 of 0.05: ESS 9.6 of 50 (19%, which the fixed 10% accepted), spread carried by 4.2 weights.
        var logWeights = Enumerable.Repeat(0.0, 4).Concat(Enumerable.Repeat(Math.Log(0.05), 46)).ToArray();
        var summary = WeightSummary.Of(logWeights);
        Assert.Equal(9.645200486026736, summary.Ess, 1e-9);
        Assert.Equal(4.233002002981034, summary.VarianceEss, 1e-9);
        Assert.True(summary.HasHeavyTail);
        Assert.True(summary.IsDegenerate);
    }

    [Fact]
    public void Log_weights_too_spread_for_the_sample_are_degenerate_even_with_a_fair_ess()
    {
        // 20 log weights spread like a normal of variance 32 (uniform draws of a 4 x 4 torus at beta 1), the top five tied:
        // ESS 6.9 of 20 (35%) and no weight above 0.17, but the upper half spreads by 9.5, and 20 e^-9.5 = 0.0014 is far
        // below one: the weights that carry Z were never drawn.
        var cap = Math.Sqrt(32) * Normal.InvCDF(0, 1, 0.75);
        var logWeights = Positions(20).Select(p => Math.Min(Math.Sqrt(32) * Normal.InvCDF(0, 1, p), cap)).ToArray();
        var summary = WeightSummary.Of(logWeights);
        Assert.Equal(6.942506767152599, summary.Ess, 1e-9);
        Assert.True(summary.Ess >= summary.RequiredEss);
        Assert.Equal(9.533210792113561, summary.UpperLogVariance, 1e-9);
        Assert.True(summary.LognormalEss < 1, $"{summary.LognormalEss}");
        Assert.True(summary.IsDegenerate);
        var warning = Assert.Single(summary.Warnings(), w => w.Code == EstimateWarnings.WeightDegeneracy);
        Assert.Contains("do not trust", warning.Message);
    }

    [Fact]
    public void Reverse_weights_are_said_to_err_high()
    {
        var logWeights = Enumerable.Repeat(0.0, 1).Concat(Enumerable.Repeat(-10.0, 49)).ToArray();
        var warning = Assert.Single(WeightSummary.Of(logWeights).Warnings(estimateErrsHigh: true));
        Assert.Contains("likely high", warning.Message);
    }

    private static double[] Positions(int count) => Enumerable.Range(1, count).Select(i => (i - 0.5) / count).ToArray();
}
