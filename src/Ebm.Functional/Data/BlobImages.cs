using Ebm.Functional.Numerics;

namespace Ebm.Functional.Data;

/// <summary>
/// The library's deterministic synthetic binary data set: 28 x 28 "blob images", smooth blobs with a
/// 10-class structure (density about 0.46), made from one splitmix64 stream so any language can rebuild it
/// bit for bit. A stand-in for binarised MNIST in tests, examples and benchmarks.
/// </summary>
/// <remarks>
/// <para>Stream <see cref="Seed"/>: uniforms 0..639 are 10 prototypes P[k] of an 8 x 8 grid (k-major, then row,
/// then column); image n then takes the next 64 uniforms U[n] and forms the coarse grid
/// g = 0.6 P[n mod 10] + 0.4 U[n]. Pixel (i, j) bilinearly interpolates g at p = 7 i / 27 (rows; columns
/// alike), with cell i0 = min(floor p, 6) and offset fy = p - i0, and is 1 when the interpolated value
/// exceeds 0.5. Every operation is IEEE double in the order written, without fused multiply-add.</para>
/// <para>Fingerprints of the full set (10,000 images): 3,624,148 ones; the first 16 hex digits of the SHA-256
/// of its 0/1 bytes are b752489615af30b4.</para>
/// </remarks>
public static class BlobImages
{
    /// <summary>The seed of the stream.</summary>
    public const ulong Seed = 20240601;

    /// <summary>Images in the standard set.</summary>
    public const int StandardCount = 10_000;

    /// <summary>Pixels per side.</summary>
    public const int Side = 28;

    /// <summary>Pixels per image (784).</summary>
    public const int Pixels = Side * Side;

    private const int Grid = 8;
    private const int Classes = 10;

    /// <summary>The first <paramref name="count"/> images, one per row (pixel 28 i + j), entries 0 or 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static Mat Generate(int count = StandardCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        const int cells = Grid * Grid;
        var prototypes = new double[Classes * cells];
        for (var k = 0; k < prototypes.Length; k++) prototypes[k] = SplitMix64.Uniform(Seed, k);
        var (cell, offset) = (new int[Side], new double[Side]);
        for (var i = 0; i < Side; i++)
        {
            var p = i * (Grid - 1) / (double)(Side - 1);
            cell[i] = Math.Min((int)Math.Floor(p), Grid - 2);
            offset[i] = p - cell[i];
        }

        return Mat.Create(count, Pixels, x =>
        {
            var g = new double[cells];
            for (var n = 0; n < count; n++)
            {
                var prototype = n % Classes * cells;
                long draw = prototypes.Length + (long)n * cells;
                for (var k = 0; k < cells; k++) g[k] = 0.6 * prototypes[prototype + k] + 0.4 * SplitMix64.Uniform(Seed, draw + k);
                for (var i = 0; i < Side; i++)
                for (var j = 0; j < Side; j++)
                {
                    double fy = offset[i], fx = offset[j];
                    int r = cell[i], c = cell[j];
                    var v = (1 - fy) * ((1 - fx) * g[r * Grid + c] + fx * g[r * Grid + c + 1])
                            + fy * ((1 - fx) * g[(r + 1) * Grid + c] + fx * g[(r + 1) * Grid + c + 1]);
                    x[n * Pixels + i * Side + j] = v > 0.5 ? 1.0 : 0.0;
                }
            }
        });
    }
}
