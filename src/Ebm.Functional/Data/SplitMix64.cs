namespace Ebm.Functional.Data;

/// <summary>
/// The splitmix64 stream (Steele, Lea and Flood, 2014) as a pure function of (seed, index): the generator
/// behind the library's portable synthetic data set and reference models, chosen because any language can
/// reproduce it bit for bit. It is NOT the library's sampling generator (that is Philox, <c>RngKey</c>).
/// </summary>
/// <remarks>
/// Output n (0-based) of seed s: z = s + (n + 1) 0x9E3779B97F4A7C15 (wrapping), then
/// z = (z ^ z &gt;&gt; 30) 0xBF58476D1CE4E5B9, z = (z ^ z &gt;&gt; 27) 0x94D049BB133111EB, output z ^ z &gt;&gt; 31.
/// A uniform is (x &gt;&gt; 11) 2^-53 in [0, 1). Worked number: output 0 of seed 20240601 is 470456245648421624.
/// </remarks>
public static class SplitMix64
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private const double UnitScale = 1.0 / 9007199254740992.0;

    /// <summary>Output <paramref name="index"/> (0-based) of the stream started from state <paramref name="seed"/>.</summary>
    public static ulong Output(ulong seed, long index)
    {
        unchecked
        {
            var z = seed + (ulong)(index + 1) * Gamma;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Uniform number <paramref name="index"/> of the stream: (x &gt;&gt; 11) 2^-53, in [0, 1).</summary>
    public static double Uniform(ulong seed, long index) => (Output(seed, index) >> 11) * UnitScale;

    /// <summary>
    /// <paramref name="count"/> standard normals scaled by <paramref name="scale"/>, by Box-Muller (Box and Muller, 1958)
    /// on outputs 2k, 2k+1: u1 = ((x_2k &gt;&gt; 11) + 1) 2^-53 in (0, 1], u2 = (x_2k+1 &gt;&gt; 11) 2^-53,
    /// r = sqrt(-2 ln u1), a = 2 pi u2, normal 2k = r cos a, normal 2k+1 = r sin a.
    /// </summary>
    /// <remarks>ln, cos and sin are the platform's C library's, so the last bit can differ across C libraries.</remarks>
    public static double[] Normals(ulong seed, int count, double scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var normals = new double[count];
        for (var k = 0; k < count; k += 2)
        {
            var u1 = ((Output(seed, k) >> 11) + 1.0) * UnitScale;
            var u2 = (Output(seed, k + 1) >> 11) * UnitScale;
            double radius = Math.Sqrt(-2.0 * Math.Log(u1)), angle = 2.0 * 3.141592653589793 * u2;
            normals[k] = scale * (radius * Math.Cos(angle));
            if (k + 1 < count) normals[k + 1] = scale * (radius * Math.Sin(angle));
        }

        return normals;
    }
}
