namespace Ebm.Functional.Numerics;

/// <summary>
/// The one matrix-product seam: C = alpha op(A) op(B) + beta C on row-major spans.
/// </summary>
/// <remarks>
/// op(X) is X or its transpose. A is m x k after op, B is k x n after op, C is m x n.
/// Leading dimensions are the row strides of the stored (un-transposed) matrices.
/// </remarks>
public static class MatrixProduct
{
    /// <summary>Row-major GEMM: C = alpha op(A) op(B) + beta C.</summary>
    public static void Gemm(
        bool transposeA, bool transposeB, int m, int n, int k,
        double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> b, int ldb,
        double beta, Span<double> c, int ldc)
    {
        for (var i = 0; i < m; i++)
        for (var j = 0; j < n; j++)
        {
            var s = 0.0;
            for (var p = 0; p < k; p++)
                s += (transposeA ? a[p * lda + i] : a[i * lda + p]) * (transposeB ? b[j * ldb + p] : b[p * ldb + j]);
            c[i * ldc + j] = alpha * s + (beta == 0 ? 0 : beta * c[i * ldc + j]);
        }
    }

    /// <summary>A B as a new matrix.</summary>
    public static Mat Multiply(Mat a, Mat b)
    {
        if (a.Columns != b.Rows) throw new ArgumentException($"cannot multiply {a} by {b}");
        return Mat.Create(a.Rows, b.Columns, c => Gemm(false, false, a.Rows, b.Columns, a.Columns, 1.0, a.Span, a.Columns, b.Span, b.Columns, 0.0, c, b.Columns));
    }
}
