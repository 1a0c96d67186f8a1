using Ebm.Functional.Estimation;
using MathNet.Numerics.Distributions;
using Xunit;

namespace Ebm.Functional.Tests.Estimation;

/// <summary>
/// The Pareto k̂ diagnostic against values computed independently: pareto_k_reference.py (beside this file) implements
/// Vehtari et al. (2024) and Zhang and Stephens (2009) from the papers' equations in numpy and printed the numbers below.
/// </summary>
/// <remarks>The two implementations share the arithmetic but not the code: they agree to round-off, 1e-9.</remarks>
public sealed class ParetoKTests
{
    private const double RoundOff = 1e-9;

    [Fact]
    public void The_generalized_Pareto_fit_of_one_to_five_matches_the_reference()
    {
        var (shape, scale) = ParetoK.FitGeneralizedPareto([1.0, 2.0, 3.0, 4.0, 5.0]);
        Assert.Equal(0.12653389959211314, shape, RoundOff);
        Assert.Equal(4.3842428707068715, scale, RoundOff);
    }

    [Fact]
    public void The_fit_of_exponential_quantiles_matches_the_reference()
    {
        var x = Positions(20).Select(p => -Math.Log(1 - p)).ToArray();
        var (shape, scale) = ParetoK.FitGeneralizedPareto(x);
        Assert.Equal(0.22755764625376979, shape, RoundOff);
        Assert.Equal(0.9035570538605131, scale, RoundOff);
    }

    [Fact]
    public void Weights_one_to_twenty_use_a_tail_of_five_over_the_sixteenth_largest_and_match_the_reference()
    {
        // S = 20: M = floor(min(4, 13.4)) = 4, lengthened to 5; cutoff 15, exceedances 1..5, the same fit as above.
        var logWeights = Enumerable.Range(1, 20).Select(i => Math.Log(i)).Reverse().ToArray();
        Assert.Equal(5, ParetoK.TailLength(20));
        Assert.Equal(0.1265338995921132, ParetoK.OfLogWeights(logWeights), RoundOff);
    }

    [Theory]
    [InlineData(100, 0.7606343422864346)]
    [InlineData(1000, 0.9038838531530001)]
    public void Weights_exp_of_an_exponential_times_0_97_match_the_reference(int draws, double expected)
    {
        // w = exp(0.97 E), E exponential, is Pareto with shape 0.97: the estimate approaches it as the sample grows.
        var logWeights = Positions(draws).Select(p => -0.97 * Math.Log(1 - p)).ToArray();
        Assert.Equal(expected, ParetoK.OfLogWeights(logWeights), RoundOff);
    }

    [Fact]
    public void Lomax_quantiles_of_shape_one_half_give_one_half()
    {
        var logWeights = Positions(1000).Select(p => Math.Log((Math.Pow(1 - p, -0.5) - 1) / 0.5)).ToArray();
        Assert.Equal(0.49663017516362734, ParetoK.OfLogWeights(logWeights), RoundOff);
    }

    [Fact]
    public void Lognormal_quantiles_match_the_reference()
    {
        var logWeights = Positions(1000).Select(p => Normal.InvCDF(0, 1, p)).ToArray();
        Assert.Equal(0.2904924281456574, ParetoK.OfLogWeights(logWeights), RoundOff);
    }

    [Fact]
    public void The_threshold_follows_the_sample_size_and_stops_at_0_7()
    {
        Assert.Equal(1 - 1 / Math.Log10(50), ParetoK.Threshold(50), 1e-15);
        Assert.Equal(0.5, ParetoK.Threshold(100), 1e-15);
        Assert.Equal(0.7, ParetoK.Threshold(100_000));
        Assert.Equal(20, ParetoK.TailLength(100));
        Assert.Equal(94, ParetoK.TailLength(1000));
        Assert.Equal(300, ParetoK.TailLength(10_000));
    }

    [Fact]
    public void Order_and_a_common_offset_of_the_log_weights_do_not_matter()
    {
        var logWeights = Positions(200).Select(p => -0.6 * Math.Log(1 - p)).ToArray();
        var shuffled = logWeights.Select((x, i) => (x, key: (i * 7919) % 200)).OrderBy(t => t.key).Select(t => t.x + 1e3).ToArray();
        Assert.Equal(ParetoK.OfLogWeights(logWeights), ParetoK.OfLogWeights(shuffled), 1e-9);
    }

    [Fact]
    public void Too_few_weights_a_flat_tail_or_no_weight_at_all_give_no_estimate()
    {
        Assert.True(double.IsNaN(ParetoK.OfLogWeights([0.1, 0.2, 0.3, 0.4, 0.5])));
        Assert.True(double.IsNaN(ParetoK.OfLogWeights(Enumerable.Repeat(2.0, 100).ToArray())));
        Assert.True(double.IsNaN(ParetoK.OfLogWeights(Enumerable.Repeat(double.NegativeInfinity, 100).ToArray())));
    }

    private static double[] Positions(int count) => Enumerable.Range(1, count).Select(i => (i - 0.5) / count).ToArray();
}
