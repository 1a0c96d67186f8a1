using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Mcmc.BlockGibbs;

/// <summary>
/// Four Philox4x32-10 draw blocks at once with AVX2, bit-identical to <see cref="RngKey.Bits"/>: the per-unit
/// draws of a block-Gibbs layer are the kernel's largest cost after its two matrix products.
/// </summary>
/// <remarks>
/// Each 64-bit lane holds one 32-bit word of one block, so the round's 32 x 32 -&gt; 64-bit products are single
/// <c>vpmuludq</c> instructions (Salmon et al., 2011, for the round function). Without AVX2 the scalar
/// <see cref="RngKey.Bits"/> is used; the words are the same either way.
/// </remarks>
internal static class PhiloxLanes
{
    private const uint M0 = 0xD2511F53;
    private const uint M1 = 0xCD9E8D57;
    private const uint W0 = 0x9E3779B9;
    private const uint W1 = 0xBB67AE85;

    /// <summary>Whether <see cref="FourBlocks"/> runs vectorised on this CPU.</summary>
    public static bool IsAccelerated => Avx2.IsSupported;

    /// <summary>
    /// Words of draw blocks <paramref name="first"/> .. first + 3 of <paramref name="key"/> (first &lt; 2^32 - 3):
    /// words[4 w + lane] is word w of block first + lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FourBlocks(RngKey key, uint first, Span<uint> words)
    {
        if (!Avx2.IsSupported)
        {
            for (var lane = 0; lane < 4; lane++)
            {
                var (x0, x1, x2, x3) = key.Bits(first + lane);
                (words[lane], words[4 + lane], words[8 + lane], words[12 + lane]) = (x0, x1, x2, x3);
            }

            return;
        }

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

        Narrow(c0, words[..4]);
        Narrow(c1, words.Slice(4, 4));
        Narrow(c2, words.Slice(8, 4));
        Narrow(c3, words.Slice(12, 4));
    }

    private static void Narrow(Vector256<ulong> lanes, Span<uint> destination)
    {
        for (var lane = 0; lane < 4; lane++) destination[lane] = (uint)lanes.GetElement(lane);
    }
}
