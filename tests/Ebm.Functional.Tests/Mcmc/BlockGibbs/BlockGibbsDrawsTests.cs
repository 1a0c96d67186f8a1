using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Mcmc.BlockGibbs;

/// <summary>
/// The block-Gibbs draws follow the documented layout exactly: the vectorised Philox blocks equal the scalar
/// <see cref="RngKey.Bits"/>, and unit u's uniform is the first (u even) or second (u odd) 53-bit half of block u / 2.
/// </summary>
public sealed class BlockGibbsDrawsTests
{
    [Theory]
    [InlineData(1UL, 0U)]
    [InlineData(42UL, 5U)]
    [InlineData(9_999UL, 1_000_003U)]
    [InlineData(7UL, uint.MaxValue - 3)]
    public void Four_vectorised_blocks_equal_the_scalar_blocks(ulong seed, uint first)
    {
        if (!PhiloxLanes.IsAccelerated) return;
        var key = RngKey.FromSeed(seed).FoldIn(3);
        var (w0, w1, w2, w3) = PhiloxLanes.FourBlocks(key, first);
        for (var lane = 0; lane < 4; lane++)
        {
            var (x0, x1, x2, x3) = key.Bits(first + lane);
            Assert.Equal([x0, x1, x2, x3], new[] { (uint)w0[lane], (uint)w1[lane], (uint)w2[lane], (uint)w3[lane] });
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(500)]
    public void Bernoulli_thresholds_unit_u_with_half_of_block_u_over_2(int units)
    {
        var key = RngKey.FromSeed(11).FoldIn(units);
        var uniforms = new double[units];
        for (var u = 0; u < units; u++)
        {
            var (x0, x1, x2, x3) = key.Bits(u / 2);
            uniforms[u] = u % 2 == 0 ? RngKey.ToUnit(x0, x1) : RngKey.ToUnit(x2, x3);
        }

        // u < p is false at p = u and true at the next double up, so each unit's uniform is pinned exactly.
        var atUniform = new double[units];
        BlockGibbsDraws.Bernoulli(key, uniforms, atUniform);
        var justAbove = new double[units];
        BlockGibbsDraws.Bernoulli(key, uniforms.Select(Math.BitIncrement).ToArray(), justAbove);
        Assert.All(atUniform, x => Assert.Equal(0.0, x));
        Assert.All(justAbove, x => Assert.Equal(1.0, x));
        // Float32 probabilities: (float)u rounds up or down, so the draw is 1 exactly when it rounded up.
        var single = new double[units];
        BlockGibbsDraws.Bernoulli(key, uniforms.Select(x => (float)x).ToArray(), single);
        for (var u = 0; u < units; u++) Assert.Equal((double)(float)uniforms[u] > uniforms[u] ? 1.0 : 0.0, single[u]);
    }
}
