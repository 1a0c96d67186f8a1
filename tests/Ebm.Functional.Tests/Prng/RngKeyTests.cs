using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Prng;

/// <summary>The key's contract: pure draws, fill order irrelevant, [0, 1) uniforms, distinct children.</summary>
public class RngKeyTests
{
    private const int Length = 10_007;
    private static readonly RngKey Key = RngKey.FromSeed(20240917);

    [Fact]
    public void TheSameKeyAndIndexGiveTheSameBits()
    {
        var again = RngKey.FromSeed(20240917);

        Assert.Equal(Key, again);
        Assert.Equal(Key.Bits(123_456_789_012), again.Bits(123_456_789_012));
        Assert.Equal(Key.UniformAt(77), again.UniformAt(77));
        Assert.Equal(Key.NormalAt(77), again.NormalAt(77));
    }

    [Fact]
    public void FillingForwardsBackwardsOrInParallelChunksGivesIdenticalBuffers()
    {
        var forwards = new double[Length];
        Key.Normal(forwards, offset: 5);

        var backwards = new double[Length];
        for (var j = Length - 1; j >= 0; j--) backwards[j] = Key.NormalAt(5 + j);

        var chunked = new double[Length];
        const int chunk = 1000;
        Parallel.For(0, (Length + chunk - 1) / chunk, c =>
        {
            var start = c * chunk;
            Key.Normal(chunked.AsSpan(start, Math.Min(chunk, Length - start)), offset: 5 + start);
        });

        Assert.Equal(forwards, backwards);
        Assert.Equal(forwards, chunked);
    }

    [Fact]
    public void UniformFillWithAnOffsetReadsTheSameDrawsAsUniformAt()
    {
        var buffer = new double[100];
        Key.Uniform(buffer, offset: 1L << 40);

        for (var j = 0; j < buffer.Length; j++) Assert.Equal(Key.UniformAt((1L << 40) + j), buffer[j]);
    }

    [Fact]
    public void UnitConversionSpansZeroToOneMinusTwoToTheMinus53()
    {
        Assert.Equal(0.0, RngKey.ToUnit(0, 0));
        Assert.Equal(1.0 - Math.Pow(2, -53), RngKey.ToUnit(uint.MaxValue, uint.MaxValue));
        Assert.Equal(0.5, RngKey.ToUnit(0x80000000, 0));
    }

    [Fact]
    public void UniformsLieInTheHalfOpenUnitInterval()
    {
        var buffer = new double[Length];
        Key.Uniform(buffer);

        Assert.All(buffer, u => Assert.InRange(u, 0.0, Math.BitDecrement(1.0)));
    }

    [Fact]
    public void SplitChildrenDifferFromEachOtherAndFromTheParent()
    {
        var (left, right) = Key.Split();
        var many = Key.Split(64);

        var all = new[] { Key, left, right }.Concat(many).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void FoldInGivesADistinctChildPerIndex()
    {
        var indices = Enumerable.Range(-500, 1000).Select(i => (long)i).Append(long.MaxValue).Append(long.MinValue).Append(1L << 32);

        var children = indices.Select(Key.FoldIn).Append(Key).ToList();

        Assert.Equal(children.Count, children.Distinct().Count());
    }

    [Fact]
    public void DifferentSeedsGiveDifferentKeys()
    {
        var keys = Enumerable.Range(0, 1000).Select(s => RngKey.FromSeed((ulong)s)).Append(RngKey.FromSeed(ulong.MaxValue)).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void BernoulliIsOneExactlyWhenTheUniformFallsBelowTheProbability()
    {
        var probabilities = Enumerable.Range(0, 1000).Select(j => j / 999.0).ToArray();
        var draws = new double[probabilities.Length];

        Key.Bernoulli(probabilities, draws, offset: 9);

        for (var j = 0; j < draws.Length; j++)
            Assert.Equal(Key.UniformAt(9 + j) < probabilities[j] ? 1.0 : 0.0, draws[j]);
        Assert.Equal(0.0, draws[0]);
        Assert.Equal(1.0, draws[^1]);
    }

    [Fact]
    public void BernoulliRejectsMismatchedLengths() =>
        Assert.Throws<ArgumentException>(() => Key.Bernoulli(new double[3], new double[4]));
}
