using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Ebm.Functional.Prng;

/// <summary>
/// Bulk fills of a key's draw stream, four Philox blocks at a time with AVX2 where the CPU has it, bit-identical to
/// the one-block-at-a-time <see cref="RngKey.Bits"/> everywhere: the random words of the checkerboard and
/// Swendsen-Wang sweeps and of every block-Gibbs layer come from here (a Wolff cluster draws lazily as it grows).
/// </summary>
/// <remarks>
/// <para>The stream of a key from block b on is the words x0, x1, x2, x3 of block b, then of block b + 1, and so on
/// (Philox4x32-10, Salmon et al. 2011). <see cref="Words"/> copies it (the checkerboard sweep: one word per site);
/// <see cref="Uniforms"/> takes one uniform per block, as <see cref="RngKey.UniformAt"/> (Swendsen-Wang's bonds and
/// flips, <see cref="RngKey.Uniform"/>); the paired forms (every block-Gibbs layer) read one 53-bit uniform
/// from each pair of words, <see cref="RngKey.ToUnit"/>(word 2i, word 2i + 1): unit i takes the first half of
/// block b + i / 2 when i is even and its second half when odd, two uniforms per block.</para>
/// <para><see cref="Words"/>, <see cref="Uniforms"/> and <see cref="PairedUniforms"/> are compiled fully optimised at
/// once (AggressiveOptimization): a sweep calls them thousands of times with short loops, and left to tiered
/// compilation <see cref="Words"/> stayed at tier 0 in a process that sees one CPU (<c>DOTNET_PROCESSOR_COUNT=1</c>),
/// where the L = 256 checkerboard sweep ran 2.4 times slower. The Bernoulli fills keep tiered compilation and its
/// profile-guided code, measured as fast as before in block Gibbs.</para>
/// <para>Vector paths cover blocks with indices below 2^32; the rest, and CPUs without AVX2, run the scalar
/// block function. Either way the bits are those of <see cref="RngKey.Bits"/>.</para>
/// <example><code>
/// Span&lt;uint&gt; words = stackalloc uint[256];
/// BulkDraws.Words(chainKey, firstBlock: 0, words);           // words[i] = word i % 4 of block i / 4
/// BulkDraws.PairedBernoulli(layerKey, probabilities, units);  // units[u] = uniform u &lt; p[u] ? 1 : 0
/// </code></example>
/// </remarks>
public static class BulkDraws
{
    /// <summary>destination[i] = word i mod 4 of block <paramref name="firstBlock"/> + i / 4 of <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstBlock"/> is negative.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Words(RngKey key, long firstBlock, Span<uint> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstBlock);
        var i = 0;
        if (PhiloxLanes.IsAccelerated)
        {
            for (; i + 16 <= destination.Length && VectorBlocks(firstBlock + i / 4, 4); i += 16)
            {
                var (low, high) = PhiloxLanes.SixteenWords(key, (uint)(firstBlock + i / 4));
                low.CopyTo(destination.Slice(i, 8));
                high.CopyTo(destination.Slice(i + 8, 8));
            }
        }

        for (; i < destination.Length; i += 4)
        {
            var (x0, x1, x2, x3) = key.Bits(firstBlock + i / 4);
            var rest = destination[i..];
            rest[0] = x0;
            if (rest.Length > 1) rest[1] = x1;
            if (rest.Length > 2) rest[2] = x2;
            if (rest.Length > 3) rest[3] = x3;
        }
    }

    /// <summary>
    /// destination[i] = <paramref name="key"/>.UniformAt(<paramref name="first"/> + i): one uniform from the first 64 bits
    /// of each block, the layout of <see cref="RngKey.Uniform"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="first"/> is negative.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Uniforms(RngKey key, long first, Span<double> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        var i = 0;
        if (PhiloxLanes.IsAccelerated)
            for (; i + 4 <= destination.Length && VectorBlocks(first + i, 4); i += 4)
                PhiloxLanes.FourUniforms(key, (uint)(first + i)).CopyTo(destination.Slice(i, 4));
        for (; i < destination.Length; i++) destination[i] = key.UniformAt(first + i);
    }

    /// <summary>destination[u] = the paired uniform u of the stream from block 0 (see the class remarks), in [0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PairedUniforms(RngKey key, Span<double> destination)
    {
        var n = destination.Length;
        var u = 0;
        if (PhiloxLanes.IsAccelerated)
        {
            for (; u + 8 <= n && VectorBlocks(u / 2, 4); u += 8)
            {
                var (low, high) = PhiloxLanes.EightUniforms(key, (uint)(u / 2));
                low.CopyTo(destination.Slice(u, 4));
                high.CopyTo(destination.Slice(u + 4, 4));
            }
        }

        for (; u < n; u++) destination[u] = PairedUniformAt(key, u);
    }

    /// <summary>
    /// destination[u] = 1 when the paired uniform u of the stream from block 0 is below probabilities[u], else 0: one
    /// Bernoulli draw per unit, two units per Philox block.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void PairedBernoulli(RngKey key, ReadOnlySpan<double> probabilities, Span<double> destination)
    {
        var n = CheckLengths(probabilities.Length, destination.Length);
        var u = 0;
        if (PhiloxLanes.IsAccelerated512)
        {
            var keys = PhiloxRoundKeys.Of(key);
            var one = Vector512.Create(1.0);
            for (; u + 16 <= n && VectorBlocks(u / 2, 8); u += 16)
            {
                var (low, high) = PhiloxLanes.SixteenUniforms(keys, (uint)(u / 2));
                (Vector512.LessThan(low, Vector512.Create(probabilities.Slice(u, 8))) & one).CopyTo(destination.Slice(u, 8));
                (Vector512.LessThan(high, Vector512.Create(probabilities.Slice(u + 8, 8))) & one).CopyTo(destination.Slice(u + 8, 8));
            }
        }

        if (PhiloxLanes.IsAccelerated)
        {
            var one = Vector256.Create(1.0);
            for (; u + 8 <= n && VectorBlocks(u / 2, 4); u += 8)
            {
                var (low, high) = PhiloxLanes.EightUniforms(key, (uint)(u / 2));
                (Vector256.LessThan(low, Vector256.Create(probabilities.Slice(u, 4))) & one).CopyTo(destination.Slice(u, 4));
                (Vector256.LessThan(high, Vector256.Create(probabilities.Slice(u + 4, 4))) & one).CopyTo(destination.Slice(u + 4, 4));
            }
        }

        for (; u < n; u++) destination[u] = PairedUniformAt(key, u) < probabilities[u] ? 1.0 : 0.0;
    }

    /// <summary>As <see cref="PairedBernoulli(RngKey, ReadOnlySpan{double}, Span{double})"/> for float32 probabilities (the same uniforms).</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void PairedBernoulli(RngKey key, ReadOnlySpan<float> probabilities, Span<double> destination)
    {
        var n = CheckLengths(probabilities.Length, destination.Length);
        var u = 0;
        if (PhiloxLanes.IsAccelerated512)
        {
            var keys = PhiloxRoundKeys.Of(key);
            var one = Vector512.Create(1.0);
            for (; u + 16 <= n && VectorBlocks(u / 2, 8); u += 16)
            {
                var (low, high) = PhiloxLanes.SixteenUniforms(keys, (uint)(u / 2));
                var (pLow, pHigh) = Vector512.Widen(Vector512.Create(probabilities.Slice(u, 16)));
                (Vector512.LessThan(low, pLow) & one).CopyTo(destination.Slice(u, 8));
                (Vector512.LessThan(high, pHigh) & one).CopyTo(destination.Slice(u + 8, 8));
            }
        }

        if (PhiloxLanes.IsAccelerated)
        {
            var one = Vector256.Create(1.0);
            for (; u + 8 <= n && VectorBlocks(u / 2, 4); u += 8)
            {
                var (low, high) = PhiloxLanes.EightUniforms(key, (uint)(u / 2));
                var (pLow, pHigh) = Vector256.Widen(Vector256.Create(probabilities.Slice(u, 8)));
                (Vector256.LessThan(low, pLow) & one).CopyTo(destination.Slice(u, 4));
                (Vector256.LessThan(high, pHigh) & one).CopyTo(destination.Slice(u + 4, 4));
            }
        }

        for (; u < n; u++) destination[u] = PairedUniformAt(key, u) < probabilities[u] ? 1.0 : 0.0;
    }

    /// <summary>
    /// As <see cref="PairedBernoulli(RngKey, ReadOnlySpan{double}, Span{double})"/> for float32 probabilities and a
    /// float32 destination: the same uniforms, each compared in double with its probability widened (exactly), so the
    /// draws are those of the double overloads; the 0 or 1 is written as a float.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void PairedBernoulli(RngKey key, ReadOnlySpan<float> probabilities, Span<float> destination)
    {
        var n = CheckLengths(probabilities.Length, destination.Length);
        var u = 0;
        if (PhiloxLanes.IsAccelerated512)
        {
            var keys = PhiloxRoundKeys.Of(key);
            var one = Vector512.Create(1f);
            for (; u + 16 <= n && VectorBlocks(u / 2, 8); u += 16)
            {
                var (low, high) = PhiloxLanes.SixteenUniforms(keys, (uint)(u / 2));
                var (pLow, pHigh) = Vector512.Widen(Vector512.Create(probabilities.Slice(u, 16)));
                var below = Vector512.Narrow(Vector512.LessThan(low, pLow).AsInt64(), Vector512.LessThan(high, pHigh).AsInt64());
                (below.AsSingle() & one).CopyTo(destination.Slice(u, 16));
            }
        }

        if (PhiloxLanes.IsAccelerated)
        {
            var one = Vector256.Create(1f);
            for (; u + 8 <= n && VectorBlocks(u / 2, 4); u += 8)
            {
                var (low, high) = PhiloxLanes.EightUniforms(key, (uint)(u / 2));
                var (pLow, pHigh) = Vector256.Widen(Vector256.Create(probabilities.Slice(u, 8)));
                var below = Vector256.Narrow(Vector256.LessThan(low, pLow).AsInt64(), Vector256.LessThan(high, pHigh).AsInt64());
                (below.AsSingle() & one).CopyTo(destination.Slice(u, 8));
            }
        }

        for (; u < n; u++) destination[u] = PairedUniformAt(key, u) < probabilities[u] ? 1f : 0f;
    }

    /// <summary>Unit u's uniform: the first 64 bits of block u / 2 for even u, the last 64 for odd u.</summary>
    public static double PairedUniformAt(RngKey key, long unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unit);
        var (x0, x1, x2, x3) = key.Bits(unit / 2);
        return unit % 2 == 0 ? RngKey.ToUnit(x0, x1) : RngKey.ToUnit(x2, x3);
    }

    /// <summary>Whether blocks first .. first + count - 1 all have a zero high counter word (the vector paths' range).</summary>
    private static bool VectorBlocks(long first, int count) => first >= 0 && first <= uint.MaxValue - (count - 1);

    private static int CheckLengths(int probabilities, int destination) =>
        probabilities == destination ? destination : throw new ArgumentException("destination and probabilities differ in length", nameof(destination));
}
