using Ebm.Functional.Prng;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Prng;

/// <summary>Laws of the counter-based key: draws are pure functions of (key, index), children are distinct.</summary>
public class RngKeyProperties
{
    [Property(MaxTest = 300)]
    public bool DrawsArePureFunctionsOfSeedAndIndex(ulong seed, long index)
    {
        var first = RngKey.FromSeed(seed);
        var second = RngKey.FromSeed(seed);
        return first == second
               && first.Bits(index) == second.Bits(index)
               && first.UniformAt(index).Equals(second.UniformAt(index))
               && first.NormalAt(index).Equals(second.NormalAt(index));
    }

    [Property(MaxTest = 100)]
    public bool FillOrderDoesNotChangeTheBuffer(ulong seed, byte length, long offset)
    {
        var key = RngKey.FromSeed(seed);
        offset /= 2; // keeps offset + j inside long
        var forwards = new double[length];
        key.Uniform(forwards, offset);

        var halvesSwapped = new double[length];
        var half = length / 2;
        key.Uniform(halvesSwapped.AsSpan(half), offset + half);
        key.Uniform(halvesSwapped.AsSpan(0, half), offset);

        var backwards = new double[length];
        for (var j = length - 1; j >= 0; j--) backwards[j] = key.UniformAt(offset + j);

        return forwards.AsSpan().SequenceEqual(halvesSwapped) && forwards.AsSpan().SequenceEqual(backwards);
    }

    [Property(MaxTest = 500)]
    public bool UniformsLieInZeroOneAndNormalsAreFinite(ulong seed, long index)
    {
        var key = RngKey.FromSeed(seed);
        var u = key.UniformAt(index);
        return u >= 0.0 && u < 1.0 && double.IsFinite(key.NormalAt(index));
    }

    [Property(MaxTest = 300)]
    public bool SplitChildrenAreDistinctFromEachOtherAndTheParent(ulong seed)
    {
        var parent = RngKey.FromSeed(seed);
        var (left, right) = parent.Split();
        var three = parent.Split(3);
        var all = new[] { parent, left, right, three[0], three[1], three[2] };
        return all.Distinct().Count() == all.Length;
    }

    [Property(MaxTest = 300)]
    public bool FoldInOfDistinctIndicesGivesDistinctKeys(ulong seed, long i, long j)
    {
        var key = RngKey.FromSeed(seed);
        return i == j ? key.FoldIn(i) == key.FoldIn(j) : key.FoldIn(i) != key.FoldIn(j);
    }

    [Property(MaxTest = 200)]
    public bool CategoricalNeverDrawsAnImpossibleCategory(ulong seed, bool[] possible, int[] weights)
    {
        if (!possible.Contains(true)) return true;
        var logits = possible.Select((p, c) => p ? (weights.Length == 0 ? 0 : weights[c % weights.Length] % 50) : double.NegativeInfinity).ToArray();
        var draws = new int[16];

        RngKey.FromSeed(seed).Categorical(Enumerable.Repeat(logits, draws.Length).SelectMany(l => l).ToArray(), logits.Length, draws);

        return draws.All(d => possible[d]);
    }
}
