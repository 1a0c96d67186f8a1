using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Numerics;

/// <summary>
/// Laws of the GEMM seam on random small shapes (0 to 40 in each dimension) and every transpose.
/// </summary>
public class MatrixProductProperties
{
    private const double UnitRoundoff = 1.1102230246251565e-16;

    private static (double[] A, double[] B, double[] C) Operands(ulong seed, int m, int n, int k)
    {
        var key = RngKey.FromSeed(seed);
        var a = new double[m * k];
        var b = new double[k * n];
        var c = new double[m * n];
        key.FoldIn(0).Normal(a);
        key.FoldIn(1).Normal(b);
        key.FoldIn(2).Normal(c);
        return (a, b, c);
    }

    [Property(MaxTest = 150)]
    public bool ManagedGemmOfTheTransposedProblemIsTheTransposeBitForBit(ulong seed, byte m, byte n, byte k, bool transposeA, bool transposeB)
    {
        var (rows, columns, depth) = (m % 41, n % 41, k % 41);
        var (a, b, _) = Operands(seed, rows, columns, depth);
        var lda = Math.Max(1, transposeA ? rows : depth);
        var ldb = Math.Max(1, transposeB ? depth : columns);
        var c = new double[rows * columns];
        var cTransposed = new double[rows * columns];

        // (op(A) op(B))^T = op(B)^T op(A)^T: the same products summed in the same order.
        MatrixProduct.Managed.Gemm(transposeA, transposeB, rows, columns, depth, 1.0, a, lda, b, ldb, 0.0, c, Math.Max(1, columns));
        MatrixProduct.Managed.Gemm(!transposeB, !transposeA, columns, rows, depth, 1.0, b, ldb, a, lda, 0.0, cTransposed, Math.Max(1, rows));

        for (var i = 0; i < rows; i++)
        for (var j = 0; j < columns; j++)
            if (!c[i * columns + j].Equals(cTransposed[j * rows + i])) return false;
        return true;
    }

    [Property(MaxTest = 150)]
    public bool ScalingAlphaByAPowerOfTwoScalesTheProductExactly(ulong seed, byte m, byte n, byte k)
    {
        var (rows, columns, depth) = (m % 41, n % 41, k % 41);
        var (a, b, _) = Operands(seed, rows, columns, depth);
        var once = new double[rows * columns];
        var eightfold = new double[rows * columns];

        MatrixProduct.Gemm(false, false, rows, columns, depth, 1.0, a, Math.Max(1, depth), b, Math.Max(1, columns), 0.0, once, Math.Max(1, columns));
        MatrixProduct.Gemm(false, false, rows, columns, depth, 8.0, a, Math.Max(1, depth), b, Math.Max(1, columns), 0.0, eightfold, Math.Max(1, columns));

        return once.Select(v => 8 * v).SequenceEqual(eightfold);
    }

    [Property(MaxTest = 150)]
    public bool BothBackendsAgreeWithTheNaiveProductWithinTheRoundingBound(ulong seed, byte m, byte n, byte k, bool transposeA, bool transposeB)
    {
        var (rows, columns, depth) = (m % 41, n % 41, k % 41);
        var (a, b, c) = Operands(seed, rows, columns, depth);
        var lda = Math.Max(1, transposeA ? rows : depth);
        var ldb = Math.Max(1, transposeB ? depth : columns);
        var ldc = Math.Max(1, columns);

        var backends = new List<IGemmBackend> { MatrixProduct.Managed };
        if (MatrixProduct.OpenBlas is { } openBlas) backends.Add(openBlas);
        foreach (var backend in backends)
        {
            var result = (double[])c.Clone();
            backend.Gemm(transposeA, transposeB, rows, columns, depth, -1.5, a, lda, b, ldb, 0.5, result, ldc);
            for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++)
            {
                double sum = 0, magnitude = 0;
                for (var p = 0; p < depth; p++)
                {
                    var term = (transposeA ? a[p * lda + i] : a[i * lda + p]) * (transposeB ? b[j * ldb + p] : b[p * ldb + j]);
                    sum += term;
                    magnitude += Math.Abs(term);
                }

                var expected = -1.5 * sum + 0.5 * c[i * ldc + j];
                // Higham (2002) section 3.5: each of the two sums is within gamma_(k+2) of the exact value.
                var gamma = (depth + 2) * UnitRoundoff / (1 - (depth + 2) * UnitRoundoff);
                var bound = 2 * gamma * (1.5 * magnitude + 0.5 * Math.Abs(c[i * ldc + j]));
                if (Math.Abs(result[i * ldc + j] - expected) > bound) return false;
            }
        }

        return true;
    }
}
