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
        var key = RngKey.FromSeed(seed).FoldIn(3);
        var words = new uint[16];
        PhiloxLanes.FourBlocks(key, first, words);
        for (var lane = 0; lane < 4; lane++)
        {
            var (x0, x1, x2, x3) = key.Bits(first + lane);
            Assert.Equal([x0, x1, x2, x3], new[] { words[lane], words[4 + lane], words[8 + lane], words[12 + lane] });
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
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
    }
}
