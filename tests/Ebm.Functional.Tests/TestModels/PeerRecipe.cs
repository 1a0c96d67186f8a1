using Ebm.Functional.Models;
using Ebm.Functional.Data;

namespace Ebm.Functional.Tests.TestModels;

/// <summary>
/// The peers' names for the library's portable data recipe (<see cref="SplitMix64"/>, <see cref="ReferenceRbms"/>),
/// kept for the tests written against them.
/// </summary>
public static class PeerRecipe
{
    /// <summary>Seed of the small20 stream.</summary>
    public const ulong Small20Seed = ReferenceRbms.SmallSeed;

    /// <summary>SHA-256 prefix of W, b, c (float64 little-endian) of the small20 model.</summary>
    public const string Small20Fingerprint = "ac2a55746bb93e22";

    /// <summary>
    /// The exact log Z(1) of the small20 model (784 x 20), a literal here so that no test reads it from the code under
    /// test. Derivation: the visible units summed out, log Z = logsumexp over the 2^20 hidden states h of
    /// c.h + sum_i softplus(b_i + (W h)_i), in float64 by the NumPy peer, independently of this library:
    /// <c>/usr/bin/python3 w4_exact_logz.py --reps 1</c> in a copy of <c>shared/bench/peers</c> prints logZ=443.1495042944.
    /// </summary>
    public const double Small20LogPartition = 443.1495042944;

    /// <summary>The first splitmix64 output from seed 20240601, as printed by the peers' make_data.py.</summary>
    public const ulong FirstDataDraw = 470456245648421624;

    /// <summary>Output number <paramref name="index"/> (0-based) of the splitmix64 stream of <paramref name="seed"/>.</summary>
    public static ulong SplitMix64(ulong seed, long index) => Ebm.Functional.Data.SplitMix64.Output(seed, index);

    /// <summary>Uniform number <paramref name="index"/> of the stream: (x &gt;&gt; 11) 2^-53.</summary>
    public static double Uniform(ulong seed, long index) => Ebm.Functional.Data.SplitMix64.Uniform(seed, index);

    /// <summary>The raw parameters of the small RBM: W (nv x nh row-major), b, c.</summary>
    public static (double[] Weights, double[] VisibleBias, double[] HiddenBias) SmallRbmParameters(int visible = 784, int hidden = 20) =>
        ReferenceRbms.SmallParameters(visible, hidden);

    /// <summary>The small RBM as a model (784 x 20 by default: the peers' "small20").</summary>
    public static BernoulliRbm SmallRbm(int visible = 784, int hidden = 20) => ReferenceRbms.Small(visible, hidden);

    /// <summary>First 16 hex digits of the SHA-256 of the concatenated arrays as little-endian float64.</summary>
    public static string Fingerprint(params double[][] arrays)
    {
        var bytes = new byte[arrays.Sum(a => a.Length) * sizeof(double)];
        var at = 0;
        foreach (var array in arrays)
        foreach (var value in array)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(at), value);
            at += sizeof(double);
        }

        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)).ToLowerInvariant()[..16];
    }
}
