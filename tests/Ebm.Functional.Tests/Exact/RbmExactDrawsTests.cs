using Ebm.Functional.Annealing;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using Ebm.Functional.Tests.Annealing;

namespace Ebm.Functional.Tests.Exact;

/// <summary>Exact RBM draws against the enumerated joint distribution.</summary>
public sealed class RbmExactDrawsTests
{
    [Theory]
    [InlineData(3, 3, 0.8, 71UL)]
    [InlineData(2, 4, 1.5, 72UL)]
    public void Draws_follow_the_enumerated_joint_distribution(int visible, int hidden, double beta, ulong seed)
    {
        var model = RbmTestModels.Bernoulli(visible, hidden, 1.5, 1.0, seed);
        const int draws = 60_000;
        var sample = RbmExactDraws.Sample(RngKey.FromSeed(seed), model, draws, beta).Match(s => s, e => throw new InvalidOperationException(e.Message));
        var counts = new long[1 << model.Dimension];
        for (var r = 0; r < draws; r++) counts[RbmTestSupport.Index(sample.Row(r))]++;
        var probabilities = Enumeration.Probabilities(model, beta).Match(p => p.ToArray(), e => throw new InvalidOperationException(e.Message));
        var (statistic, dof) = RbmTestSupport.ChiSquare(counts, probabilities);
        // Pearson's chi-square (64 cells, 60,000 draws) above its 1e-6 quantile: false-failure probability < 1e-6
        // while every expected count is large enough for the chi-square limit; the smallest is asserted.
        Assert.True(probabilities.Min() * draws > 5, $"smallest expected count {probabilities.Min() * draws}");
        Assert.True(statistic < RbmTestSupport.ChiSquareBound(dof), $"chi2 {statistic} with {dof} dof");
    }

    [Fact]
    public void Too_many_hidden_units_is_an_error_value()
    {
        var model = BernoulliRbm.Create(Mat.Zeros(1, 25), Vec.Zeros(1), Vec.Zeros(25)).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        Assert.Equal(ExactDrawErrors.HiddenLayerTooLargeCode, RbmExactDraws.Sample(RngKey.FromSeed(1), model, 1).Match(_ => 0, e => e.Code));
        Assert.Equal(ExactDrawErrors.InvalidBetaCode, RbmExactDraws.Sample(RngKey.FromSeed(1), RbmTestModels.Bernoulli(2, 2, 1, 1, 3), 1, -1).Match(_ => 0, e => e.Code));
    }
}
