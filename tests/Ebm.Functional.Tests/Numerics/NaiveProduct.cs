namespace Ebm.Functional.Tests.Numerics;

/// <summary>The textbook triple loop that every GEMM backend is checked against, with its error bound.</summary>
internal static class NaiveProduct
{
    public static double OpA(bool transpose, double[] a, int lda, int i, int p) => transpose ? a[p * lda + i] : a[i * lda + p];

    public static double OpB(bool transpose, double[] b, int ldb, int p, int j) => transpose ? b[j * ldb + p] : b[p * ldb + j];

    /// <summary>C = alpha op(A) op(B) + beta C, and for each entry the scale alpha sum |a||b| + |beta c|.</summary>
    public static (double[] Product, double[] Scale) Gemm(
        bool transposeA, bool transposeB, int m, int n, int k,
        double alpha, double[] a, int lda, double[] b, int ldb, double beta, double[] c, int ldc)
    {
        var product = (double[])c.Clone();
        var scale = new double[c.Length];
        for (var i = 0; i < m; i++)
        for (var j = 0; j < n; j++)
        {
            var sum = 0.0;
            var magnitude = 0.0;
            for (var p = 0; p < k; p++)
            {
                var term = OpA(transposeA, a, lda, i, p) * OpB(transposeB, b, ldb, p, j);
                sum += term;
                magnitude += Math.Abs(term);
            }

            var old = c[i * ldc + j];
            product[i * ldc + j] = alpha * sum + (beta == 0 ? 0 : beta * old);
            scale[i * ldc + j] = Math.Abs(alpha) * magnitude + (beta == 0 ? 0 : Math.Abs(beta * old));
        }

        return (product, scale);
    }

    /// <summary>
    /// Both the reference and the backend sum k products in some order: each is within gamma_(k+2) scale
    /// of the exact value (Higham 2002, "Accuracy and Stability of Numerical Algorithms", section 3.5),
    /// with gamma_j = j u / (1 - j u), u the unit roundoff; their difference is within twice that.
    /// </summary>
    public static double Bound(int k, double scale, double unitRoundoff)
    {
        var j = (k + 2) * unitRoundoff;
        return 2 * j / (1 - j) * scale;
    }
}
