namespace Ebm.Functional.Numerics;

/// <summary>
/// One implementation of the row-major general matrix product C = alpha op(A) op(B) + beta C.
/// </summary>
/// <remarks>
/// <para>op(X) is X, or its transpose when the matching flag is set. After op, A is m x k, B is k x n and
/// C is m x n. Leading dimensions are the row strides of the matrices as stored (before op): A is stored
/// m x k (lda &gt;= k) or, transposed, k x m (lda &gt;= m); likewise B; C is stored m x n (ldc &gt;= n).</para>
/// <para>BLAS conventions hold: with beta = 0 the old C is never read (NaN there is overwritten), with
/// alpha = 0 or k = 0 A and B are not read, and m = 0 or n = 0 does nothing. Invalid shapes, too-short
/// spans or C overlapping A or B throw <see cref="ArgumentException"/>: they are programmer errors.</para>
/// <para>Implementations: <see cref="ManagedGemm"/> (always there) and <see cref="OpenBlasGemm"/> (when the
/// system library loads); <see cref="MatrixProduct.Backend"/> is the one in use.</para>
/// </remarks>
public interface IGemmBackend
{
    /// <summary>A short identifier: "openblas" or "managed".</summary>
    string Name { get; }

    /// <summary>A human-readable description, e.g. "OpenBLAS 0.3.21 (libopenblas.so.0, 2 threads)".</summary>
    string Description { get; }

    /// <summary>Double precision C = alpha op(A) op(B) + beta C, row-major.</summary>
    void Gemm(
        bool transposeA, bool transposeB, int m, int n, int k,
        double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> b, int ldb,
        double beta, Span<double> c, int ldc);

    /// <summary>Single precision C = alpha op(A) op(B) + beta C, row-major.</summary>
    void Gemm(
        bool transposeA, bool transposeB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb,
        float beta, Span<float> c, int ldc);
}
