using System.Numerics;

namespace Ebm.Functional.Numerics;

/// <summary>
/// The managed matrix product: a cache-blocked, packed SIMD kernel with <see cref="Vector{T}"/> fused
/// multiply-adds, parallel over row blocks for large products. Always available.
/// </summary>
/// <remarks>
/// <para>Computes C = alpha op(A) op(B) + beta C with the conventions of <see cref="IGemmBackend"/>.
/// Each C element is the sum over p of op(A)[i,p] op(B)[p,j] accumulated in increasing p with one fused
/// multiply-add per term, in slices of 256, so its bits depend on neither the thread count nor the
/// vector width: the same inputs give the same bits on every machine with FMA.</para>
/// <para>Goto and van de Geijn (2008), "Anatomy of high-performance matrix multiplication", ACM TOMS 34(3).</para>
/// <example><code>
/// var c = new double[m * n];
/// MatrixProduct.Managed.Gemm(false, false, m, n, k, 1.0, a, k, b, n, 0.0, c, n);
/// </code></example>
/// </remarks>
public sealed class ManagedGemm : IGemmBackend
{
    internal ManagedGemm()
    {
    }

    /// <inheritdoc />
    public string Name => "managed";

    /// <inheritdoc />
    public string Description =>
        $"managed SIMD ({Vector<double>.Count * 64}-bit vectors, up to {Environment.ProcessorCount} threads)";

    /// <inheritdoc />
    public void Gemm(
        bool transposeA, bool transposeB, int m, int n, int k,
        double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> b, int ldb,
        double beta, Span<double> c, int ldc)
    {
        if (GemmArguments.ValidateOrFinishTrivial(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)) return;
        ManagedGemmKernel<double>.Run(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    /// <inheritdoc />
    public void Gemm(
        bool transposeA, bool transposeB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb,
        float beta, Span<float> c, int ldc)
    {
        if (GemmArguments.ValidateOrFinishTrivial(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)) return;
        ManagedGemmKernel<float>.Run(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    /// <inheritdoc />
    public override string ToString() => Description;
}
