using System.Runtime.CompilerServices;

namespace Ebm.Functional.Prng;

/// <summary>
/// The Philox4x32-10 block function: a keyed bijection of 128-bit counters.
/// </summary>
/// <remarks>
/// Salmon, Moraes, Dror and Shaw, "Parallel random numbers: as easy as 1, 2, 3", SC 2011.
/// Ten rounds of two 32x32-&gt;64 multiplies with the constants 0xD2511F53 and 0xCD9E8D57,
/// the key bumped by the Weyl constants 0x9E3779B9 and 0xBB67AE85 between rounds.
/// </remarks>
public static class Philox
{
    private const uint M0 = 0xD2511F53;
    private const uint M1 = 0xCD9E8D57;
    internal const uint W0 = 0x9E3779B9;
    internal const uint W1 = 0xBB67AE85;

    /// <summary>One 128-bit output block for counter (c0..c3) under key (k0, k1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (uint X0, uint X1, uint X2, uint X3) Block(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1)
    {
        for (var round = 0; round < 10; round++)
        {
            var p0 = (ulong)M0 * c0;
            var p1 = (ulong)M1 * c2;
            var hi0 = (uint)(p0 >> 32);
            var lo0 = (uint)p0;
            var hi1 = (uint)(p1 >> 32);
            var lo1 = (uint)p1;
            c0 = hi1 ^ c1 ^ k0;
            c1 = lo1;
            c2 = hi0 ^ c3 ^ k1;
            c3 = lo0;
            k0 += W0;
            k1 += W1;
        }

        return (c0, c1, c2, c3);
    }
}
