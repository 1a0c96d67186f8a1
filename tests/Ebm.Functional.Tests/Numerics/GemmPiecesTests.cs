using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Numerics;

/// <summary>
/// Products cut into pieces (rows of C or columns of C) against the naive loop, the piece-count rule, the bits on any
/// number of threads, and OpenBLAS's one-thread scopes.
/// </summary>
public class GemmPiecesTests
{
    private const double DoubleUnitRoundoff = 1.1102230246251565e-16;

    [Theory]
    [InlineData(100, 500, 784, 2)]
    [InlineData(784, 500, 200, 2)]
    [InlineData(1000, 500, 784, 8)]
    [InlineData(1, 1, 1, 1)]
    [InlineData(64, 300, 200, 1)]
    [InlineData(10_000, 500, 784, 16)]
    public void The_piece_count_is_the_largest_power_of_two_not_above_the_operations_over_two_to_the_26(int m, int n, int k, int expected)
    {
        Assert.Equal(expected, GemmPieces.Pieces(m, n, k));
    }

    [Theory]
    [InlineData(false, false, 37, 150, 60, 3)]
    [InlineData(true, false, 37, 150, 60, 4)]
    [InlineData(false, true, 37, 150, 60, 2)]
    [InlineData(true, true, 37, 150, 60, 7)]
    [InlineData(false, false, 170, 41, 33, 4)]
    [InlineData(true, false, 170, 41, 33, 3)]
    [InlineData(false, true, 170, 41, 33, 16)]
    [InlineData(true, true, 170, 41, 33, 5)]
    [InlineData(false, false, 9, 9, 5, 4)]
    public void A_cut_product_matches_the_naive_loop(bool transposeA, bool transposeB, int m, int n, int k, int pieces)
    {
        var key = RngKey.FromSeed((ulong)(m * 7919 + n * 31 + k + pieces));
        var (a, lda) = Random(key.FoldIn(1), transposeA ? k : m, transposeA ? m : k, pad: 3);
        var (b, ldb) = Random(key.FoldIn(2), transposeB ? n : k, transposeB ? k : n, pad: 1);
        var (c, ldc) = Random(key.FoldIn(3), m, n, pad: 2);
        var (expected, scale) = NaiveProduct.Gemm(transposeA, transposeB, m, n, k, -0.75, a, lda, b, ldb, 2.0, c, ldc);

        using (OneThread())
            GemmPieces.Gemm(pieces, -1, transposeA, transposeB, m, n, k, -0.75, a, lda, b, ldb, 2.0, c, ldc);

        for (var i = 0; i < c.Length; i++)
        {
            var bound = NaiveProduct.Bound(k, scale[i], DoubleUnitRoundoff);
            Assert.True(Math.Abs(c[i] - expected[i]) <= bound, $"entry {i} is {c[i]:R}, expected {expected[i]:R} within {bound:R}");
        }
    }

    [Theory]
    [InlineData(false, false, 100, 500, 784)]
    [InlineData(false, true, 100, 784, 500)]
    [InlineData(true, false, 784, 500, 200)]
    public void The_bits_of_a_cut_product_do_not_depend_on_the_thread_count(bool transposeA, bool transposeB, int m, int n, int k)
    {
        var key = RngKey.FromSeed(5);
        var (a, lda) = Random(key.FoldIn(1), transposeA ? k : m, transposeA ? m : k, pad: 0);
        var (b, ldb) = Random(key.FoldIn(2), transposeB ? n : k, transposeB ? k : n, pad: 0);
        var (singleA, singleB) = (a.Select(x => (float)x).ToArray(), b.Select(x => (float)x).ToArray());
        var (one, many) = (new double[m * n], new double[m * n]);
        var (oneSingle, manySingle) = (new float[m * n], new float[m * n]);

        using (OneThread())
        {
            GemmPieces.Gemm(1, transposeA, transposeB, m, n, k, 1.0, a, lda, b, ldb, 0.0, one, n);
            GemmPieces.Gemm(-1, transposeA, transposeB, m, n, k, 1.0, a, lda, b, ldb, 0.0, many, n);
            GemmPieces.Gemm(1, transposeA, transposeB, m, n, k, 1f, singleA, lda, singleB, ldb, 0f, oneSingle, n);
            GemmPieces.Gemm(-1, transposeA, transposeB, m, n, k, 1f, singleA, lda, singleB, ldb, 0f, manySingle, n);
        }

        Assert.True(GemmPieces.Pieces(m, n, k) > 1);
        Assert.Equal(one, many);
        Assert.Equal(oneSingle, manySingle);
    }

    [Fact]
    public void A_one_thread_scope_sets_one_thread_and_restores_the_count_when_the_last_closes()
    {
        if (MatrixProduct.OpenBlas is not { Threads: { } } openBlas) return;
        // Other tests open scopes at the same time: the configured count is the one outside every scope.
        var before = openBlas.ConfiguredThreads;
        var outer = openBlas.UseOneThread();
        Assert.Equal(1, openBlas.Threads);
        Assert.Equal(before, openBlas.ConfiguredThreads);
        Assert.Contains($", {before} threads", openBlas.Description);
        using (openBlas.UseOneThread()) Assert.Equal(1, openBlas.Threads);
        Assert.Equal(1, openBlas.Threads);
        outer.Dispose();
        outer.Dispose();
        Assert.Equal(before, openBlas.ConfiguredThreads);
    }

    [Fact]
    public void A_product_from_another_thread_waits_until_the_scope_closes()
    {
        if (MatrixProduct.OpenBlas is not { Threads: { } } openBlas) return;
        var c = new double[4];
        var product = new Thread(() => openBlas.Gemm(false, false, 2, 2, 3, 1.0, [1, 2, 3, 4, 5, 6], 3, [1, 0, 0, 1, 1, 1], 2, 0.0, c, 2));
        using (openBlas.UseOneThread())
        {
            product.Start();
            // A correct guard never lets the product finish inside the scope, however long this waits.
            Assert.False(product.Join(TimeSpan.FromMilliseconds(300)));
        }

        Assert.True(product.Join(TimeSpan.FromSeconds(60)));
        Assert.Equal(new[] { 4.0, 5.0, 10.0, 11.0 }, c);
    }

    private static IDisposable? OneThread() => MatrixProduct.OpenBlas is { } openBlas && MatrixProduct.Backend is OpenBlasGemm ? openBlas.UseOneThread() : null;

    private static (double[] Values, int Stride) Random(RngKey key, int rows, int columns, int pad)
    {
        var stride = Math.Max(1, columns + pad);
        var values = new double[Math.Max(0, rows * stride)];
        key.Normal(values);
        return (values, stride);
    }
}
