using Ebm.Functional.Numerics;

namespace Ebm.Functional.Annealing;

/// <summary>
/// The matrix products of the RBM path, split into column panels run in parallel when the managed GEMM runs them.
/// </summary>
/// <remarks>
/// With M = 100 particles the managed kernel sees one row block (it parallelises over blocks of 96 rows) and
/// would run on one core; splitting the n columns of C into one panel per core keeps both cores busy, and each
/// panel packs only its own part of B. The managed kernel's bits do not depend on how the columns are split (each
/// element sums its k-slices in a fixed order), so results stay independent of the thread count. OpenBLAS
/// threads itself and gets the whole product.
/// </remarks>
internal static class RbmPathProducts
{
    private const long SplitWork = 1L << 21;
    private const int PanelAlignment = 32;

    /// <summary>C = alpha A op(B) + beta C with A m x k, op(B) k x n (B stored n x k when transposed), all row-major and packed.</summary>
    public static void Gemm(bool transposeB, int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c, int maxDegreeOfParallelism)
    {
        var panels = Panels(m, n, k, maxDegreeOfParallelism);
        if (panels == 1)
        {
            MatrixProduct.Gemm(false, transposeB, m, n, k, alpha, a.AsSpan(0, m * k), Math.Max(1, k), b, Math.Max(1, transposeB ? k : n), beta, c.AsSpan(0, m * n), Math.Max(1, n));
            return;
        }

        var width = RoundUp((n + panels - 1) / panels, PanelAlignment);
        Batch.ForEachRow(maxDegreeOfParallelism, (n + width - 1) / width, panel =>
        {
            var (start, columns) = (panel * width, Math.Min(width, n - panel * width));
            MatrixProduct.Gemm(false, transposeB, m, columns, k, alpha, a.AsSpan(0, m * k), k, b.AsSpan(transposeB ? start * k : start), transposeB ? k : n, beta, c.AsSpan(start, (m - 1) * n + columns), n);
        });
    }

    /// <summary>As the double overload, in float32.</summary>
    public static void Gemm(bool transposeB, int m, int n, int k, float alpha, float[] a, float[] b, float beta, float[] c, int maxDegreeOfParallelism)
    {
        var panels = Panels(m, n, k, maxDegreeOfParallelism);
        if (panels == 1)
        {
            MatrixProduct.Gemm(false, transposeB, m, n, k, alpha, a.AsSpan(0, m * k), Math.Max(1, k), b, Math.Max(1, transposeB ? k : n), beta, c.AsSpan(0, m * n), Math.Max(1, n));
            return;
        }

        var width = RoundUp((n + panels - 1) / panels, PanelAlignment);
        Batch.ForEachRow(maxDegreeOfParallelism, (n + width - 1) / width, panel =>
        {
            var (start, columns) = (panel * width, Math.Min(width, n - panel * width));
            MatrixProduct.Gemm(false, transposeB, m, columns, k, alpha, a.AsSpan(0, m * k), k, b.AsSpan(transposeB ? start * k : start), transposeB ? k : n, beta, c.AsSpan(start, (m - 1) * n + columns), n);
        });
    }

    private static int Panels(int m, int n, int k, int maxDegreeOfParallelism)
    {
        if (MatrixProduct.Backend is not ManagedGemm || (long)m * n * k < SplitWork || m == 0 || n == 0 || k == 0) return 1;
        return Math.Clamp(Math.Min(Batch.Workers(maxDegreeOfParallelism), n / PanelAlignment), 1, 64);
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
