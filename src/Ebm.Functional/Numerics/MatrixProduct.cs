namespace Ebm.Functional.Numerics;

/// <summary>
/// The one matrix-product seam: C = alpha op(A) op(B) + beta C on row-major spans, through the system
/// OpenBLAS when it loads and a managed SIMD kernel otherwise.
/// </summary>
/// <remarks>
/// <para>op(X) is X or its transpose. A is m x k after op, B is k x n after op, C is m x n. Leading
/// dimensions are the row strides of the stored (un-transposed) matrices; see <see cref="IGemmBackend"/>
/// for the full conventions (beta = 0 ignores the old C, alpha = 0 or k = 0 ignores A and B).</para>
/// <para>Backend choice, made once when this type is first used: <see cref="OpenBlas"/> when
/// <c>libopenblas.so.0</c> (or <c>libopenblas.so</c>) loads, else <see cref="Managed"/>. Setting the
/// environment variable <c>EBM_GEMM=managed</c> forces the managed kernel. Reading the environment is a
/// shell concern let in here once, at type initialisation, so that every caller sees one fixed choice;
/// the choice is reported by <see cref="Backend"/> (and by <c>ebm --version</c>).</para>
/// <para>Warning: the two backends round differently; a computation is bit-reproducible only with the
/// same backend (and, for OpenBLAS, the same library and thread setting).</para>
/// <example><code>
/// var c = new double[m * n];
/// MatrixProduct.Gemm(false, true, m, n, k, 1.0, a, k, b, k, 0.0, c, n);   // C = A Bᵀ
/// var product = MatrixProduct.Multiply(x, y);                              // Mat x Mat
/// Console.WriteLine(MatrixProduct.Backend.Description);
/// </code></example>
/// </remarks>
public static class MatrixProduct
{
    /// <summary>The environment variable that forces the managed kernel when set to "managed".</summary>
    public const string BackendVariable = "EBM_GEMM";

    /// <summary>The managed SIMD kernel, always available.</summary>
    public static ManagedGemm Managed { get; } = new();

    /// <summary>The system OpenBLAS binding, or null when no OpenBLAS library loads.</summary>
    public static OpenBlasGemm? OpenBlas { get; } = OpenBlasGemm.TryLoad();

    /// <summary>The backend every <see cref="Gemm(bool, bool, int, int, int, double, ReadOnlySpan{double}, int, ReadOnlySpan{double}, int, double, Span{double}, int)"/> call uses.</summary>
    public static IGemmBackend Backend { get; } =
        Choose(Environment.GetEnvironmentVariable(BackendVariable), OpenBlas, Managed);

    /// <summary>Row-major double GEMM through <see cref="Backend"/>: C = alpha op(A) op(B) + beta C.</summary>
    /// <exception cref="ArgumentException">Negative sizes, leading dimensions below the stored row length,
    /// spans too short for their matrices, or C overlapping A or B.</exception>
    public static void Gemm(
        bool transposeA, bool transposeB, int m, int n, int k,
        double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> b, int ldb,
        double beta, Span<double> c, int ldc) =>
        Backend.Gemm(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    /// <summary>Row-major single-precision GEMM through <see cref="Backend"/>: C = alpha op(A) op(B) + beta C.</summary>
    /// <remarks>For GEMM-heavy sampling only where a test shows float harmless; sums of weights and
    /// log Z stay in double.</remarks>
    /// <exception cref="ArgumentException">As for the double overload.</exception>
    public static void Gemm(
        bool transposeA, bool transposeB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb,
        float beta, Span<float> c, int ldc) =>
        Backend.Gemm(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    /// <summary>A B as a new matrix.</summary>
    /// <exception cref="ArgumentException">The inner dimensions differ.</exception>
    public static Mat Multiply(Mat a, Mat b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Columns != b.Rows) throw new ArgumentException($"cannot multiply {a} by {b}");
        return Mat.Create(a.Rows, b.Columns, c =>
            Gemm(false, false, a.Rows, b.Columns, a.Columns, 1.0, a.Span, Math.Max(1, a.Columns), b.Span, Math.Max(1, b.Columns), 0.0, c, Math.Max(1, b.Columns)));
    }

    /// <summary>The backend for a value of <see cref="BackendVariable"/>: managed when asked for or when OpenBLAS is absent.</summary>
    internal static IGemmBackend Choose(string? setting, OpenBlasGemm? openBlas, ManagedGemm managed) =>
        string.Equals(setting?.Trim(), "managed", StringComparison.OrdinalIgnoreCase) || openBlas is null
            ? managed
            : openBlas;
}
