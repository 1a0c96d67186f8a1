using Ebm.Functional.Annealing;
using Ebm.Functional.Estimators;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Xunit;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;

namespace Ebm.Functional.Tests.Annealing;

/// <summary>One base-rate definition (Salakhutdinov and Murray 2008) for the annealing base and the importance-sampling proposal.</summary>
public sealed class BaseRateDefinitionTests
{
    private static readonly Mat Data = Mat.FromRows([[1.0, 0.0, 1.0], [1.0, 0.0, 0.0], [1.0, 1.0, 0.0], [0.0, 0.0, 1.0]]);

    [Fact]
    public void The_logit_is_the_log_odds_of_the_smoothed_frequency()
    {
        // h = 3 of N = 4 with s = 1: p = 4 / 6, log-odds log 2; h = 0 with s = 0.05: p = 0.05 / 4.1.
        Assert.Equal(Math.Log(2.0), BaseRate.Logit(3, 4, 1.0), 1e-15);
        Assert.Equal(Math.Log(0.05 / 4.05), BaseRate.Logit(0, 4, 0.05), 1e-14);
        Assert.Equal(0.0, BaseRate.Logit(0, 0, BaseRate.DefaultSmoothing));
    }

    [Fact]
    public void The_proposal_and_the_annealing_base_are_the_same_distribution_at_the_same_smoothing()
    {
        foreach (var smoothing in new[] { BaseRate.DefaultSmoothing, 1.0, 0.3 })
        {
            var proposal = Valid(Proposal.BaseRate(Data, StateConvention.Binary, smoothing));
            var annealingBase = Valid(Proposal.BernoulliLogits(Valid(BaseRate.VisibleBias(Data, smoothing)), StateConvention.Binary));
            var states = Mat.FromRows([[0.0, 0.0, 0.0], [1.0, 0.0, 1.0], [1.0, 1.0, 1.0], [0.0, 1.0, 0.0]]);
            var (a, b) = (proposal.LogDensity(states), annealingBase.LogDensity(states));
            Assert.All(Enumerable.Range(0, states.Rows), r => Assert.Equal(BitConverter.DoubleToInt64Bits(b[r]), BitConverter.DoubleToInt64Bits(a[r])));
        }
    }
}
