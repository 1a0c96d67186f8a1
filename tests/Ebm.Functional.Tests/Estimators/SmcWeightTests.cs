using Ebm.Functional.Annealing;
using Xunit;
using Ebm.Functional.Estimators;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>
/// The weight arithmetic of one SMC step against hand-computed values: the ESS 1 / sum W^2 that decides resampling,
/// the conditional ESS of adaptive tempering, the reweighting and the resampling rule.
/// </summary>
public sealed class SmcWeightTests
{
    [Fact]
    public void The_ess_of_normalised_weights_is_one_over_their_sum_of_squares()
    {
        // W = 1/2, 1/4, 1/4: sum W^2 = 1/4 + 1/16 + 1/16 = 3/8, ESS = 8/3; equal weights give N.
        Assert.Equal(8.0 / 3, Smc.Ess([Math.Log(0.5), Math.Log(0.25), Math.Log(0.25)]), 1e-15);
        Assert.Equal(4.0, Smc.Ess(Enumerable.Repeat(Math.Log(0.25), 4).ToArray()), 1e-15);
    }

    [Fact]
    public void The_conditional_ess_weighs_the_increments_by_the_incoming_weights()
    {
        // W = 1/2, 1/2 and w = 1, 3: (sum W w)^2 / sum W w^2 = 2^2 / 5 = 0.8. A common factor of w cancels (w = e^10, 3 e^10).
        Assert.Equal(0.8, Smc.ConditionalEss([Math.Log(0.5), Math.Log(0.5)], [0.0, Math.Log(3)]), 1e-15);
        Assert.Equal(0.8, Smc.ConditionalEss([Math.Log(0.5), Math.Log(0.5)], [10.0, 10 + Math.Log(3)]), 1e-14);
        // W = 3/4, 1/4 and w = 1, 3: (3/4 + 3/4)^2 / (3/4 + 9/4) = 2.25 / 3 = 0.75.
        Assert.Equal(0.75, Smc.ConditionalEss([Math.Log(0.75), Math.Log(0.25)], [0.0, Math.Log(3)]), 1e-15);
    }

    [Fact]
    public void Reweighting_returns_the_log_mean_weight_and_the_renormalised_weights()
    {
        // W = 3/4, 1/4 and w = 1, 3: m = 3/4 + 3/4 = 3/2; new W = (3/4) / (3/2), (3/4) / (3/2) = 1/2, 1/2.
        var (logMean, logWeights) = Smc.Reweight([Math.Log(0.75), Math.Log(0.25)], [0.0, Math.Log(3)]);
        Assert.Equal(Math.Log(1.5), logMean, 1e-15);
        Assert.Equal(Math.Log(0.5), logWeights[0], 1e-15);
        Assert.Equal(Math.Log(0.5), logWeights[1], 1e-15);
    }

    [Theory]
    [InlineData(4.9, 10, 0.5, true)]
    [InlineData(5.0, 10, 0.5, false)]
    [InlineData(10.0, 10, 1.0, true)]
    [InlineData(1.0, 10, 0.0, false)]
    public void Resampling_happens_when_the_ess_falls_below_the_threshold_times_the_particles(double ess, int particles, double threshold, bool resample) =>
        Assert.Equal(resample, Smc.ShouldResample(ess, particles, threshold));
}
