using System.Numerics;
using System.Runtime.InteropServices;

namespace Ebm.Functional.Numerics;

/// <summary>
/// A matrix product through <see cref="MatrixProduct"/> cut into pieces of C, one per worker, each piece its own product
/// run by one of the caller's threads: for a kernel that runs OpenBLAS on one thread (<see cref="OpenBlasGemm.UseOneThread"/>)
/// so that the products and its own per-row work share the same threads instead of competing with OpenBLAS's. With
/// OpenBLAS, the pieces call it directly: the caller must hold a one-thread scope.
/// </summary>
/// <remarks>
/// <para>The cut: rows of C when C has more rows than columns (each piece then reads all of B and its rows of A), columns
/// otherwise (each piece reads all of A); piece boundaries are multiples of 8 (whole vector blocks) as close to equal shares as that allows. The
/// layout depends on the sizes alone (<see cref="Pieces"/>), never on the threads, so the bits are the same on any number
/// of threads. They may differ from one uncut product's: OpenBLAS's float32 kernels round differently on pieces of
/// another shape (its float64 kernels, on the machines measured, do not).</para>
/// </remarks>
internal static class GemmPieces
{
    /// <summary>Piece boundaries are multiples of this many rows or columns.</summary>
    private const int Alignment = 8;

    /// <summary>The operations (2 m n k) per piece the count aims at: 2^26.</summary>
    private const double OperationsPerPiece = 1 << 26;

    /// <summary>Pieces are at most this many.</summary>
    private const int MostPieces = 16;

    /// <summary>
    /// How many pieces an m x n x k product is cut into: the largest power of two not above ⌈2 m n k / 2^26⌉, at most 16
    /// (a 100 x 784 x 500 product and a 784 x 500 x 200 one: 2; 10,000 x 500 x 784: 16). Depends on the sizes alone, so
    /// the bits of a cut product do not depend on the thread count; powers of two share out evenly over 2, 4, 8 or 16
    /// threads. Each piece reads all of one operand (<see cref="GemmPieces"/>), which costs on one thread: the five products
    /// of a 784 x 500 RBM's CD-1 step took 2 % longer in 2 pieces than whole, 6 % in 4 and 15 % in 8 (float32, OpenBLAS
    /// 0.3.21, AMD EPYC).
    /// </summary>
    public static int Pieces(int m, int n, int k)
    {
        var share = Math.Ceiling(2.0 * m * n * k / OperationsPerPiece);
        var pieces = 1;
        while (pieces < MostPieces && 2 * pieces <= share) pieces *= 2;
        return pieces;
    }

    /// <summary>
    /// C = alpha op(A) op(B) + beta C cut into <see cref="Pieces"/> pieces (fewer when C is too narrow to cut), run with
    /// <paramref name="maxDegreeOfParallelism"/>; one piece is one plain product.
    /// </summary>
    public static void Gemm<T>(
        int maxDegreeOfParallelism, bool transposeA, bool transposeB, int m, int n, int k,
        T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Gemm(Pieces(m, n, k), maxDegreeOfParallelism, transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    /// <summary>
    /// C = alpha op(A) op(B) + beta C in at most <paramref name="pieces"/> pieces (fewer when C is too small to cut),
    /// run with <paramref name="maxDegreeOfParallelism"/>; one piece is one plain product.
    /// </summary>
    public static unsafe void Gemm<T>(
        int pieces, int maxDegreeOfParallelism, bool transposeA, bool transposeB, int m, int n, int k,
        T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var byRows = m > n;
        var length = byRows ? m : n;
        var count = Math.Clamp(Math.Min(pieces, length / Alignment), 1, length);
        if (count <= 1)
        {
            Product(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            return;
        }

        fixed (T* pa = a)
        fixed (T* pb = b)
        fixed (T* pc = c)
        {
            var (aAt, bAt, cAt, aLength, bLength, cLength) = ((nint)pa, (nint)pb, (nint)pc, a.Length, b.Length, c.Length);
            Batch.ForEachRow(maxDegreeOfParallelism, count, piece =>
            {
                var first = Boundary(piece, count, length);
                var size = Boundary(piece + 1, count, length) - first;
                // Rows of C: A's rows (columns when transposed) from `first`; columns of C: B's columns (rows when transposed).
                var aOffset = byRows ? (transposeA ? first : first * lda) : 0;
                var bOffset = byRows ? 0 : (transposeB ? first * ldb : first);
                var cOffset = byRows ? first * ldc : first;
                Product(transposeA, transposeB, byRows ? size : m, byRows ? n : size, k, alpha,
                    new ReadOnlySpan<T>((T*)aAt + aOffset, aLength - aOffset), lda,
                    new ReadOnlySpan<T>((T*)bAt + bOffset, bLength - bOffset), ldb, beta,
                    new Span<T>((T*)cAt + cOffset, cLength - cOffset), ldc);
            });
        }
    }

    /// <summary>Where piece i of <paramref name="count"/> starts: i/count of the length, rounded down to the alignment (the last ends at the length).</summary>
    private static int Boundary(int piece, int count, int length) =>
        piece >= count ? length : (int)((long)piece * length / count / Alignment * Alignment);

    private static void Product<T>(
        bool transposeA, bool transposeB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var openBlas = MatrixProduct.Backend as OpenBlasGemm;
        if (typeof(T) == typeof(double) && openBlas is not null)
            openBlas.Product(transposeA, transposeB, m, n, k, double.CreateTruncating(alpha), MemoryMarshal.Cast<T, double>(a), lda,
                MemoryMarshal.Cast<T, double>(b), ldb, double.CreateTruncating(beta), MemoryMarshal.Cast<T, double>(c), ldc);
        else if (typeof(T) == typeof(float) && openBlas is not null)
            openBlas.Product(transposeA, transposeB, m, n, k, float.CreateTruncating(alpha), MemoryMarshal.Cast<T, float>(a), lda,
                MemoryMarshal.Cast<T, float>(b), ldb, float.CreateTruncating(beta), MemoryMarshal.Cast<T, float>(c), ldc);
        else if (typeof(T) == typeof(double))
            MatrixProduct.Gemm(transposeA, transposeB, m, n, k, double.CreateTruncating(alpha), MemoryMarshal.Cast<T, double>(a), lda,
                MemoryMarshal.Cast<T, double>(b), ldb, double.CreateTruncating(beta), MemoryMarshal.Cast<T, double>(c), ldc);
        else if (typeof(T) == typeof(float))
            MatrixProduct.Gemm(transposeA, transposeB, m, n, k, float.CreateTruncating(alpha), MemoryMarshal.Cast<T, float>(a), lda,
                MemoryMarshal.Cast<T, float>(b), ldb, float.CreateTruncating(beta), MemoryMarshal.Cast<T, float>(c), ldc);
        else
            throw new NotSupportedException($"matrix products of {typeof(T).Name} are not supported; use double or float");
    }
}
