using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Prng;

/// <summary>
/// The bulk fills against the one-block-at-a-time generator: every word and every uniform the same bits, at block
/// offsets inside the vector range, across its 2^32 boundary and beyond it, for every length around the vector width.
/// </summary>
public class BulkDrawsTests
{
    private static readonly RngKey Key = RngKey.FromSeed(20240601).FoldIn(3);

    public static TheoryData<long, int> Offsets()
    {
        var data = new TheoryData<long, int>();
        foreach (var first in new[] { 0L, 1L, 5L, uint.MaxValue - 6L, uint.MaxValue, 1L << 40 })
        foreach (var length in new[] { 0, 1, 3, 4, 15, 16, 17, 31, 64, 257 })
            data.Add(first, length);
        return data;
    }

    [Theory]
    [MemberData(nameof(Offsets))]
    public void WordsAreTheBlockWordsInStreamOrder(long firstBlock, int length)
    {
        var words = new uint[length];

        BulkDraws.Words(Key, firstBlock, words);

        for (var i = 0; i < length; i++)
        {
            var (x0, x1, x2, x3) = Key.Bits(firstBlock + i / 4);
            Assert.Equal((i % 4) switch { 0 => x0, 1 => x1, 2 => x2, _ => x3 }, words[i]);
        }
    }

    [Theory]
    [MemberData(nameof(Offsets))]
    public void UniformsTakeTheFirstHalfOfEachBlock(long first, int length)
    {
        var uniforms = new double[length];
        var viaKey = new double[length];

        BulkDraws.Uniforms(Key, first, uniforms);
        Key.Uniform(viaKey, first);

        for (var i = 0; i < length; i++)
        {
            var (x0, x1, _, _) = Key.Bits(first + i);
            Assert.Equal(RngKey.ToUnit(x0, x1), uniforms[i]);
            Assert.Equal(uniforms[i], viaKey[i]);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(1001)]
    public void PairedUniformsTakeTwoWordsEach(int length)
    {
        var uniforms = new double[length];

        BulkDraws.PairedUniforms(Key, uniforms);

        for (var u = 0; u < length; u++)
        {
            var (x0, x1, x2, x3) = Key.Bits(u / 2);
            Assert.Equal(u % 2 == 0 ? RngKey.ToUnit(x0, x1) : RngKey.ToUnit(x2, x3), uniforms[u]);
            Assert.Equal(uniforms[u], BulkDraws.PairedUniformAt(Key, u));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(27)]
    [InlineData(784)]
    public void PairedBernoulliComparesEachPairedUniformWithItsProbability(int length)
    {
        var probabilities = new double[length];
        Key.FoldIn(99).Uniform(probabilities);
        var singles = probabilities.Select(p => (float)p).ToArray();
        var draws = new double[length];
        var drawsFromSingles = new double[length];
        var singleDraws = new float[length];

        BulkDraws.PairedBernoulli(Key, probabilities, draws);
        BulkDraws.PairedBernoulli(Key, singles, drawsFromSingles);
        BulkDraws.PairedBernoulli(Key, singles, singleDraws);

        for (var u = 0; u < length; u++)
        {
            var uniform = BulkDraws.PairedUniformAt(Key, u);
            Assert.Equal(uniform < probabilities[u] ? 1.0 : 0.0, draws[u]);
            Assert.Equal(uniform < singles[u] ? 1.0 : 0.0, drawsFromSingles[u]);
            Assert.Equal(uniform < singles[u] ? 1f : 0f, singleDraws[u]);
        }
    }

    /// <summary>
    /// A float32 probability compares with the 53-bit uniform in double, exactly: a probability one float step above a
    /// uniform draws 1, the float at or below it draws 0 (a comparison of the uniform rounded to float could say either).
    /// </summary>
    [Fact]
    public void FloatProbabilitiesCompareWithTheWholeUniform()
    {
        const int length = 48;
        var above = new float[length];
        var below = new float[length];
        for (var u = 0; u < length; u++)
        {
            var uniform = BulkDraws.PairedUniformAt(Key, u);
            var nearest = (float)uniform;
            below[u] = nearest > uniform ? MathF.BitDecrement(nearest) : nearest;
            above[u] = MathF.BitIncrement(below[u]);
        }

        var drawsAbove = new float[length];
        var drawsBelow = new float[length];
        BulkDraws.PairedBernoulli(Key, above, drawsAbove);
        BulkDraws.PairedBernoulli(Key, below, drawsBelow);

        Assert.All(drawsAbove, d => Assert.Equal(1f, d));
        Assert.All(drawsBelow, d => Assert.Equal(0f, d));
    }

    [Fact]
    public void MisuseIsAnArgumentException()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BulkDraws.Words(Key, -1, new uint[4]));
        Assert.Throws<ArgumentOutOfRangeException>(() => BulkDraws.Uniforms(Key, -1, new double[4]));
        Assert.Throws<ArgumentException>(() => BulkDraws.PairedBernoulli(Key, new double[3], new double[4]));
        Assert.Throws<ArgumentException>(() => BulkDraws.PairedBernoulli(Key, new float[3], new float[4]));
        Assert.Throws<ArgumentOutOfRangeException>(() => BulkDraws.PairedUniformAt(Key, -1));
    }
}
