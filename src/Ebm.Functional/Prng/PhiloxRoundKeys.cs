using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Ebm.Functional.Prng;

/// <summary>
/// The ten round keys of a Philox4x32-10 key, each word broadcast to a 512-bit vector (round r: k0 + r W0 at 2r,
/// k1 + r W1 at 2r + 1): a bulk fill computes them once per key instead of once per eight blocks.
/// </summary>
[InlineArray(20)]
internal struct PhiloxRoundKeys
{
    private Vector512<ulong> _element;

    /// <summary>The round keys of <paramref name="key"/>.</summary>
    public static PhiloxRoundKeys Of(RngKey key)
    {
        var keys = default(PhiloxRoundKeys);
        uint k0 = key.K0, k1 = key.K1;
        for (var round = 0; round < 10; round++)
        {
            keys[2 * round] = Vector512.Create((ulong)k0);
            keys[2 * round + 1] = Vector512.Create((ulong)k1);
            k0 += Philox.W0;
            k1 += Philox.W1;
        }

        return keys;
    }
}
