using System.Numerics;

namespace Ebm.Functional.Numerics;

/// <summary>Argument checks and the trivial cases shared by every <see cref="IGemmBackend"/>.</summary>
internal static class GemmArguments
{
    /// <summary>
    /// Throws for invalid shapes or spans; returns true when the product is trivial (m = 0, n = 0,
    /// k = 0 or alpha = 0) and has been finished here by scaling C with beta.
    /// </summary>
    public static bool ValidateOrFinishTrivial<T>(
        bool transposeA, bool transposeB, int m, int n, int k,
        T alpha, ReadOnlySpan<T> a, int lda,
        ReadOnlySpan<T> b, int ldb,
        T beta, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        CheckStored("a", "lda", a.Length, transposeA ? k : m, transposeA ? m : k, lda);
        CheckStored("b", "ldb", b.Length, transposeB ? n : k, transposeB ? k : n, ldb);
        CheckStored("c", "ldc", c.Length, m, n, ldc);
        if (m == 0 || n == 0) return true;
        if (Overlap(c, a) || Overlap(c, b))
            throw new ArgumentException("c must not overlap a or b", nameof(c));
        if (k != 0 && alpha != T.Zero) return false;

        ScaleRows(m, n, beta, c, ldc);
        return true;
    }

    /// <summary>C = beta C over the m x n block (C = 0 when beta = 0, whatever C held).</summary>
    private static void ScaleRows<T>(int m, int n, T beta, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (beta == T.One) return;
        for (var i = 0; i < m; i++)
        {
            var row = c.Slice(i * ldc, n);
            if (beta == T.Zero) row.Clear();
            else
                for (var j = 0; j < n; j++) row[j] *= beta;
        }
    }

    private static void CheckStored(string name, string strideName, int length, int rows, int columns, int stride)
    {
        if (stride < Math.Max(1, columns))
            throw new ArgumentException($"{strideName} = {stride} is below max(1, {columns}), the stored row length of {name}", strideName);
        var needed = rows == 0 || columns == 0 ? 0 : (rows - 1L) * stride + columns;
        if (length < needed)
            throw new ArgumentException($"{name} has {length} elements; a {rows} x {columns} matrix with stride {stride} needs {needed}", name);
    }

    private static bool Overlap<T>(Span<T> c, ReadOnlySpan<T> other) =>
        !other.IsEmpty && ((ReadOnlySpan<T>)c).Overlaps(other);
}
