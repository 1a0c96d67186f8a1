using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Tests.TestModels;

/// <summary>
/// The portable model recipe of the peer benchmarks (shared/bench/peers, "Data recipe"): a splitmix64 stream
/// turned into uniforms with IEEE double arithmetic in a fixed order, so this port rebuilds their models bit
/// for bit.
/// </summary>
/// <remarks>
/// splitmix64 (Steele, Lea and Flood 2014): state += 0x9E3779B97F4A7C15, then two xor-shift-multiply rounds.
/// A uniform is (x &gt;&gt; 11) 2^-53 in [0, 1). The "small20" RBM takes the seed-4 stream in order:
/// W[i][j] = 0.5 (2u - 1) for 784 x 20 draws row-major, then b[i] = 2 (2u - 1) - 1 (784 draws), then
/// c[j] = 2u - 1 (20 draws). Its fingerprint is the first 16 hex digits of the SHA-256 of W, b, c as
/// little-endian float64: ac2a55746bb93e22; its exact log Z is 443.1495042944.
/// </remarks>
public static class PeerRecipe
{
    /// <summary>Seed of the small20 stream.</summary>
    public const ulong Small20Seed = 4;

    /// <summary>SHA-256 prefix of W, b, c (float64 little-endian) of the small20 model.</summary>
    public const string Small20Fingerprint = "ac2a55746bb93e22";

    /// <summary>The published exact log Z(1) of the small20 model.</summary>
    public const double Small20LogPartition = 443.1495042944;

    /// <summary>The first splitmix64 output from seed 20240601, as printed by the peers' make_data.py.</summary>
    public const ulong FirstDataDraw = 470456245648421624;

    /// <summary>Output number <paramref name="index"/> (0-based) of the splitmix64 stream of <paramref name="seed"/>.</summary>
    public static ulong SplitMix64(ulong seed, long index)
    {
        unchecked
        {
            var z = seed + (ulong)(index + 1) * 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Uniform number <paramref name="index"/> of the stream: (x &gt;&gt; 11) 2^-53.</summary>
    public static double Uniform(ulong seed, long index) => (SplitMix64(seed, index) >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>The raw parameters of the small RBM: W (nv x nh row-major), b, c.</summary>
    public static (double[] Weights, double[] VisibleBias, double[] HiddenBias) SmallRbmParameters(int visible = 784, int hidden = 20)
    {
        var weights = new double[visible * hidden];
        var visibleBias = new double[visible];
        var hiddenBias = new double[hidden];
        long draw = 0;
        for (var k = 0; k < weights.Length; k++) weights[k] = 0.5 * (2.0 * Uniform(Small20Seed, draw++) - 1.0);
        for (var i = 0; i < visible; i++) visibleBias[i] = 2.0 * (2.0 * Uniform(Small20Seed, draw++) - 1.0) - 1.0;
        for (var j = 0; j < hidden; j++) hiddenBias[j] = 2.0 * Uniform(Small20Seed, draw++) - 1.0;
        return (weights, visibleBias, hiddenBias);
    }

    /// <summary>The small RBM as a model (784 x 20 by default: the peers' "small20").</summary>
    public static BernoulliRbm SmallRbm(int visible = 784, int hidden = 20)
    {
        var (weights, visibleBias, hiddenBias) = SmallRbmParameters(visible, hidden);
        return BernoulliRbm.Create(Mat.From(visible, hidden, weights), Vec.From(visibleBias), Vec.From(hiddenBias))
            .Match(model => model, errors => throw new InvalidOperationException(string.Join("; ", errors)));
    }

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
