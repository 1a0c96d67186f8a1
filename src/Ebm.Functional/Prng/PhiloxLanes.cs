using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
namespace Ebm.Functional.Prng;

/// <summary>
/// Four Philox4x32-10 draw blocks at once with AVX2, bit-identical to <see cref="RngKey.Bits"/>: the engine of
/// <see cref="BulkDraws"/> (the per-site draws of a lattice sweep and the per-unit draws of a block-Gibbs layer are
/// those kernels' largest cost after their arithmetic).
/// </summary>
/// <remarks>
/// Each 64-bit lane holds one 32-bit word of one block, so the round's 32 x 32 -&gt; 64-bit products are single
/// <c>vpmuludq</c> instructions (Salmon et al., 2011, for the round function). Callers check
/// <see cref="IsAccelerated"/> and use the scalar <see cref="RngKey.Bits"/> otherwise; the words are the same.
/// Blocks are addressed by their low 32-bit counter word, the high one being 0: block indices below 2^32.
/// </remarks>
internal static class PhiloxLanes
{
    private const uint M0 = 0xD2511F53;
    private const uint M1 = 0xCD9E8D57;
    private const uint W0 = 0x9E3779B9;
    private const uint W1 = 0xBB67AE85;

    /// <summary>Whether this CPU runs the vector paths (AVX2).</summary>
    public static bool IsAccelerated => Avx2.IsSupported;

    /// <summary>
    /// The 53-bit uniforms of units 2 first .. 2 first + 7 in the block-Gibbs layout (unit u: first half of block
    /// u / 2 when u is even, second half when odd), in unit order; needs AVX2 (<see cref="IsAccelerated"/>) and
    /// first + 3 &lt; 2^32.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<double> Low, Vector256<double> High) EightUniforms(RngKey key, uint first)
    {
        var (c0, c1, c2, c3) = FourBlocks(key, first);
        var even = Unit(c0, c1);
        var odd = Unit(c2, c3);
        var pairsLow = Avx.UnpackLow(even, odd);
        var pairsHigh = Avx.UnpackHigh(even, odd);
        return (Avx.Permute2x128(pairsLow, pairsHigh, 0x20), Avx.Permute2x128(pairsLow, pairsHigh, 0x31));
    }

    /// <summary>The uniforms of blocks first .. first + 3, each from its block's first 64 bits (<see cref="RngKey.UniformAt"/>); needs AVX2 and first + 3 &lt; 2^32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> FourUniforms(RngKey key, uint first)
    {
        var (c0, c1, _, _) = FourBlocks(key, first);
        return Unit(c0, c1);
    }

    /// <summary>
    /// Words 0..3 of blocks first .. first + 3 in stream order (block first's four words, then the next block's):
    /// the 64-bit lanes (x1 x0) and (x3 x2) of each block, interleaved; needs AVX2 and first + 3 &lt; 2^32.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<uint> Low, Vector256<uint> High) SixteenWords(RngKey key, uint first)
    {
        var (c0, c1, c2, c3) = FourBlocks(key, first);
        var firstPair = c0 | (c1 << 32);
        var secondPair = c2 | (c3 << 32);
        var pairsLow = Avx2.UnpackLow(firstPair, secondPair);
        var pairsHigh = Avx2.UnpackHigh(firstPair, secondPair);
        return (Avx2.Permute2x128(pairsLow, pairsHigh, 0x20).AsUInt32(), Avx2.Permute2x128(pairsLow, pairsHigh, 0x31).AsUInt32());
    }

    /// <summary>
    /// ((hi 2^32 + lo) &gt;&gt; 11) 2^-53 per lane, as <see cref="RngKey.ToUnit"/>: hi 2^-32 + (lo &gt;&gt; 11) 2^-53, two exact
    /// conversions (a lane below 2^52 OR-ed into the bits of 2^52 is 2^52 + lane) whose sum is exact because their
    /// bits do not overlap. Avoids a 64-bit integer conversion, which AVX2 lacks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Unit(Vector256<ulong> hi, Vector256<ulong> lo)
    {
        var twoTo52 = Vector256.Create(4503599627370496.0);
        var exponent = twoTo52.AsUInt64();
        var high = ((hi | exponent).AsDouble() - twoTo52) * Vector256.Create(1.0 / 4294967296.0);
        var low = (((lo >>> 11) | exponent).AsDouble() - twoTo52) * Vector256.Create(1.0 / 9007199254740992.0);
        return high + low;
    }

    /// <summary>Whether this CPU runs the 512-bit paths (AVX-512 F).</summary>
    public static bool IsAccelerated512 => Avx512F.IsSupported;

    /// <summary>
    /// The 53-bit uniforms of units 2 first .. 2 first + 15 in the block-Gibbs layout, in unit order (as two calls of
    /// <see cref="EightUniforms"/>); needs AVX-512 F (<see cref="IsAccelerated512"/>) and first + 7 &lt; 2^32.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector512<double> Low, Vector512<double> High) SixteenUniforms(in PhiloxRoundKeys keys, uint first)
    {
        var (c0, c1, c2, c3) = EightBlocks(keys, first);
        var even = Unit(c0, c1);
        var odd = Unit(c2, c3);
        return (Avx512F.PermuteVar8x64x2(even, Vector512.Create(0L, 8, 1, 9, 2, 10, 3, 11), odd),
            Avx512F.PermuteVar8x64x2(even, Vector512.Create(4L, 12, 5, 13, 6, 14, 7, 15), odd));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Unit(Vector512<ulong> hi, Vector512<ulong> lo)
    {
        var twoTo52 = Vector512.Create(4503599627370496.0);
        var exponent = twoTo52.AsUInt64();
        var high = ((hi | exponent).AsDouble() - twoTo52) * Vector512.Create(1.0 / 4294967296.0);
        var low = (((lo >>> 11) | exponent).AsDouble() - twoTo52) * Vector512.Create(1.0 / 9007199254740992.0);
        return high + low;
    }

    /// <summary>
    /// Words 0..3 of draw blocks first .. first + 7, one block per 64-bit lane (as <see cref="FourBlocks"/>), under the
    /// round keys of <see cref="PhiloxRoundKeys.Of"/>; needs AVX-512 F.
    /// </summary>
    /// <remarks>
    /// <c>vpmuludq</c> reads only the low 32 bits of a lane, so the rounds leave the high halves unmasked (the words are
    /// right in the low halves) and one mask at the end clears them: four masks per eight blocks instead of twenty.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector512<ulong> X0, Vector512<ulong> X1, Vector512<ulong> X2, Vector512<ulong> X3) EightBlocks(in PhiloxRoundKeys keys, uint first)
    {
        var c0 = Vector512.Create((ulong)first) + Vector512.Create(0UL, 1, 2, 3, 4, 5, 6, 7);
        var c1 = Vector512<ulong>.Zero;
        var c2 = Vector512<ulong>.Zero;
        var c3 = Vector512<ulong>.Zero;
        var m0 = Vector512.Create((ulong)M0).AsUInt32();
        var m1 = Vector512.Create((ulong)M1).AsUInt32();
        for (var round = 0; round < 10; round++)
        {
            var p0 = Avx512F.Multiply(c0.AsUInt32(), m0);
            var p1 = Avx512F.Multiply(c2.AsUInt32(), m1);
            c0 = (p1 >>> 32) ^ c1 ^ keys[2 * round];
            c2 = (p0 >>> 32) ^ c3 ^ keys[2 * round + 1];
            c1 = p1;
            c3 = p0;
        }

        var low = Vector512.Create(0xFFFF_FFFFUL);
        return (c0 & low, c1 & low, c2 & low, c3 & low);
    }

    /// <summary>
    /// Words 0..3 of draw blocks first .. first + 3, one block per 64-bit lane (the word in the low 32 bits);
    /// needs AVX2.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<ulong> X0, Vector256<ulong> X1, Vector256<ulong> X2, Vector256<ulong> X3) FourBlocks(RngKey key, uint first)
    {
        var low = Vector256.Create(0xFFFF_FFFFUL);
        var c0 = Vector256.Create((ulong)first, first + 1UL, first + 2UL, first + 3UL);
        var c1 = Vector256<ulong>.Zero;
        var c2 = Vector256<ulong>.Zero;
        var c3 = Vector256<ulong>.Zero;
        var m0 = Vector256.Create((ulong)M0).AsUInt32();
        var m1 = Vector256.Create((ulong)M1).AsUInt32();
        uint k0 = key.K0, k1 = key.K1;
        for (var round = 0; round < 10; round++)
        {
            var p0 = Avx2.Multiply(c0.AsUInt32(), m0);
            var p1 = Avx2.Multiply(c2.AsUInt32(), m1);
            var next0 = (p1 >>> 32) ^ c1 ^ Vector256.Create((ulong)k0);
            var next2 = (p0 >>> 32) ^ c3 ^ Vector256.Create((ulong)k1);
            c1 = p1 & low;
            c3 = p0 & low;
            c0 = next0;
            c2 = next2;
            k0 += W0;
            k1 += W1;
        }

        return (c0, c1, c2, c3);
    }
}
