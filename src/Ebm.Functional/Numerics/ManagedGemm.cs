using System.Numerics;
using System.Runtime.Intrinsics;

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
    /// <summary>The managed kernel running at most <paramref name="maxDegreeOfParallelism"/> row blocks at a time.</summary>
    /// <param name="maxDegreeOfParallelism">-1 for no limit (the executor's choice), otherwise the most threads; the bits do not depend on it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    public ManagedGemm(int maxDegreeOfParallelism = -1)
    {
        Batch.CheckParallelism(maxDegreeOfParallelism);
        MaxDegreeOfParallelism = maxDegreeOfParallelism;
    }

    /// <summary>The most row blocks of one product run at a time (-1: no limit).</summary>
    public int MaxDegreeOfParallelism { get; }

    /// <inheritdoc />
    public string Name => "managed";

    /// <inheritdoc />
    public string Description =>
        $"managed SIMD ({VectorBits}-bit vectors, up to {Batch.Workers(MaxDegreeOfParallelism)} threads)";

    private static int VectorBits => Vector512.IsHardwareAccelerated ? 512 : Vector<byte>.Count * 8;

    /// <inheritdoc />
    public void Gemm(
        bool transposeA, bool transposeB, int m, int n, int k,
        double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> b, int ldb,
        double beta, Span<double> c, int ldc)
    {
        if (GemmArguments.ValidateOrFinishTrivial(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)) return;
        if (Vector512.IsHardwareAccelerated)
            ManagedGemmKernel<double, Vector512<double>, WideLanes<double>>.Run(MaxDegreeOfParallelism, transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        else
            ManagedGemmKernel<double, Vector<double>, PreferredLanes<double>>.Run(MaxDegreeOfParallelism, transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    /// <inheritdoc />
    public void Gemm(
        bool transposeA, bool transposeB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb,
        float beta, Span<float> c, int ldc)
    {
        if (GemmArguments.ValidateOrFinishTrivial(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)) return;
        if (Vector512.IsHardwareAccelerated)
            ManagedGemmKernel<float, Vector512<float>, WideLanes<float>>.Run(MaxDegreeOfParallelism, transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        else
            ManagedGemmKernel<float, Vector<float>, PreferredLanes<float>>.Run(MaxDegreeOfParallelism, transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    /// <inheritdoc />
    public override string ToString() => Description;
}
