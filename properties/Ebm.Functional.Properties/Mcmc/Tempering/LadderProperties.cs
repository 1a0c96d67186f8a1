using Ebm.Functional.Mcmc.Tempering;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Mcmc.Tempering;

/// <summary>Laws of the geometric ladder and of the rate-equalising adaptation.</summary>
public sealed class LadderProperties
{
    private static double[] Succeeded(LanguageExt.Fin<LanguageExt.Arr<double>> ladder) =>
        ladder.Match(b => b.ToArray(), e => throw new InvalidOperationException(e.Message));

    [Property(MaxTest = 200)]
    public void Geometric_ladders_have_equal_ratios_and_exact_ends(int minSeed, int spanSeed, int countSeed)
    {
        var betaMin = 0.001 + Math.Abs(minSeed % 1000) / 1000.0;
        var betaMax = betaMin * (1.001 + Math.Abs(spanSeed % 1000));
        var count = 2 + Math.Abs(countSeed % 30);
        var betas = Succeeded(Ladder.Geometric(betaMin, betaMax, count));
        Assert.Equal(count, betas.Length);
        Assert.Equal(betaMin, betas[0]);
        Assert.Equal(betaMax, betas[^1]);
        var ratio = Math.Pow(betaMax / betaMin, 1.0 / (count - 1));
        for (var k = 1; k < count; k++) Assert.Equal(ratio, betas[k] / betas[k - 1], 1e-12 * ratio);
    }

    // The barrier Λ is recomputed here by linear interpolation of the cumulative rejection at each new
    // rung; the adapted ladder must split it into R-1 equal parts, keep both ends and stay increasing.
    [Property(MaxTest = 300)]
    public void Adapted_rungs_split_the_rejection_barrier_equally(int[] gapSeeds, int[] rateSeeds)
    {
        var gaps = gapSeeds is { Length: > 0 } ? gapSeeds : [1];
        var rungs = 2 + gaps.Length % 8;
        var betas = new double[rungs];
        for (var k = 1; k < rungs; k++) betas[k] = betas[k - 1] + 0.001 + Math.Abs(gaps[(k - 1) % gaps.Length] % 1000) / 1000.0;
        var rates = Enumerable.Range(0, rungs - 1)
            .Select(j => rateSeeds is { Length: > 0 } ? Math.Abs(rateSeeds[j % rateSeeds.Length] % 1001) / 1000.0 : 0.5).ToArray();
        var adapted = Succeeded(Ladder.Adapt(betas, rates));

        var barrier = new double[rungs];
        for (var j = 0; j < rungs - 1; j++) barrier[j + 1] = barrier[j] + Math.Max(1 - rates[j], Ladder.MinimumRejection);
        double BarrierAt(double beta)
        {
            var j = 0;
            while (j < rungs - 2 && betas[j + 1] < beta) j++;
            return barrier[j] + (beta - betas[j]) / (betas[j + 1] - betas[j]) * (barrier[j + 1] - barrier[j]);
        }

        Assert.Equal(betas[0], adapted[0]);
        Assert.Equal(betas[^1], adapted[^1]);
        for (var k = 1; k < rungs; k++)
        {
            Assert.True(adapted[k] > adapted[k - 1], $"rung {k}: {adapted[k]} after {adapted[k - 1]}");
            Assert.Equal(barrier[^1] * k / (rungs - 1), BarrierAt(adapted[k]), 1e-9 * barrier[^1]);
        }
    }

    [Property(MaxTest = 100)]
    public void Equal_swap_rates_leave_the_ladder_unchanged(int rateSeed, int countSeed)
    {
        var count = 2 + Math.Abs(countSeed % 10);
        var betas = Succeeded(Ladder.Geometric(0.1, 2.0, count));
        var rate = Math.Abs(rateSeed % 1000) / 1000.0;
        var adapted = Succeeded(Ladder.Adapt(betas, Enumerable.Repeat(rate, count - 1).ToArray()));
        for (var k = 0; k < count; k++) Assert.Equal(betas[k], adapted[k], 1e-12);
    }
}
