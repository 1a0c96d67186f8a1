namespace Ebm.Functional.Numerics;

/// <summary>
/// The one matrix-product seam: C = alpha op(A) op(B) + beta C on row-major spans, through the system
/// OpenBLAS when it loads and a managed SIMD kernel otherwise.
/// </summary>
/// <remarks>
/// <para>op(X) is X or its transpose. A is m x k after op, B is k x n after op, C is m x n. Leading
/// dimensions are the row strides of the stored (un-transposed) matrices; see <see cref="IGemmBackend"/>
/// for the full conventions (beta = 0 ignores the old C, alpha = 0 or k = 0 ignores A and B).</para>
/// <para>Backend choice: explicit. The shell (the <c>ebm</c> start-up, or an application's own start-up) calls
/// <see cref="Use"/> once, before the first product, with the backend it picked (for example from <c>EBM_GEMM</c>,
/// read by the shell); the core never reads or changes the process environment. Without such a call the first
/// product fixes the automatic choice, <see cref="Choose"/>(null, ...): OpenBLAS when it loads and runs vector
/// kernels on this CPU (<see cref="OpenBlasGemm.HasVectorKernels"/>), else the managed kernel. Once fixed, the
/// backend stays for the life of the process, so that every caller sees one choice; <see cref="BackendDescription"/>
/// reports it and why (as <c>ebm --version</c> does).</para>
/// <para>Warning: the two backends round differently; a computation is bit-reproducible only with the
/// same backend (and, for OpenBLAS, the same library and thread setting).</para>
/// <example><code>
/// var c = new double[m * n];
/// MatrixProduct.Gemm(false, true, m, n, k, 1.0, a, k, b, k, 0.0, c, n);   // C = A Bᵀ
/// var product = MatrixProduct.Multiply(x, y);                              // Mat x Mat
/// Console.WriteLine(MatrixProduct.BackendDescription);
/// </code></example>
/// </remarks>
public static class MatrixProduct
{
    /// <summary>The environment variable the shell reads to pick the backend: "managed", "openblas" or "auto" (the default).</summary>
    public const string BackendVariable = "EBM_GEMM";

    private static readonly Lazy<OpenBlasGemm?> LoadedOpenBlas = new(OpenBlasGemm.TryLoad);
    private static readonly Lock Gate = new();
    private static Choice? _chosen;

    /// <summary>The managed SIMD kernel with no limit on its threads, always available.</summary>
    public static ManagedGemm Managed { get; } = new();

    /// <summary>
    /// The system OpenBLAS binding, or null when no OpenBLAS library loads; the library is loaded on first use, with
    /// whatever OpenBLAS settings the process environment holds at that moment (set them in the shell before).
    /// </summary>
    public static OpenBlasGemm? OpenBlas => LoadedOpenBlas.Value;

    /// <summary>The backend every <see cref="Gemm(bool, bool, int, int, int, double, ReadOnlySpan{double}, int, ReadOnlySpan{double}, int, double, Span{double}, int)"/> call uses (fixed on first use, see <see cref="Use"/>).</summary>
    public static IGemmBackend Backend => Chosen().Backend;

    /// <summary>One line naming the backend in use and why it was chosen, for version reports and logs.</summary>
    public static string BackendDescription => Chosen().Description;

    /// <summary>
    /// Fixes the backend of every later product, once per process: the shell's explicit choice. Calling it again
    /// with the same backend does nothing.
    /// </summary>
    /// <param name="backend">The backend, e.g. <see cref="Managed"/>, a <see cref="ManagedGemm"/> with a thread limit, or <see cref="OpenBlas"/>.</param>
    /// <param name="description">The line <see cref="BackendDescription"/> gives, starting with the backend's own description
    /// (e.g. from <see cref="Describe"/>); null for the backend's description alone.</param>
    /// <exception cref="InvalidOperationException">Another backend is already in use (chosen before, or fixed by a first product).</exception>
    public static void Use(IGemmBackend backend, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        lock (Gate)
        {
            if (_chosen is { } chosen)
            {
                if (ReferenceEquals(chosen.Backend, backend)) return;
                throw new InvalidOperationException(
                    $"the matrix-product backend is already {chosen.Backend.Description}; choose it once, before the first product");
            }

            Volatile.Write(ref _chosen, new Choice(backend, string.IsNullOrEmpty(description) ? backend.Description : description));
        }
    }

    private static Choice Chosen()
    {
        if (Volatile.Read(ref _chosen) is { } chosen) return chosen;
        lock (Gate)
        {
            if (_chosen is null)
            {
                var automatic = Choose(null, OpenBlas, Managed);
                Volatile.Write(ref _chosen, new Choice(automatic, Describe(null, automatic, OpenBlas)));
            }

            return _chosen;
        }
    }

    /// <summary>The backend in use and the line that describes it, published as one reference.</summary>
    private sealed record Choice(IGemmBackend Backend, string Description);

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

    /// <summary>
    /// The backend for a value of <see cref="BackendVariable"/>: "managed" takes <paramref name="managed"/>;
    /// "openblas" takes <paramref name="openBlas"/> whenever it loaded; anything else (null, "auto") takes OpenBLAS
    /// when it loaded and runs vector kernels, else <paramref name="managed"/>. A pure function, for the shell.
    /// </summary>
    public static IGemmBackend Choose(string? setting, OpenBlasGemm? openBlas, ManagedGemm managed) =>
        (Normalise(setting), openBlas) switch
        {
            (_, null) or ("managed", _) => managed,
            ("openblas", { } forced) => forced,
            (_, { HasVectorKernels: true } tuned) => tuned,
            _ => managed,
        };

    /// <summary>The chosen backend's description and, for the managed kernel, the reason OpenBLAS is not used.</summary>
    public static string Describe(string? setting, IGemmBackend backend, OpenBlasGemm? openBlas) =>
        (backend, openBlas) switch
        {
            (OpenBlasGemm, _) => backend.Description,
            (_, null) => $"{backend.Description}; no OpenBLAS library found",
            _ when Normalise(setting) == "managed" => $"{backend.Description}; {BackendVariable}=managed",
            _ => $"{backend.Description}; {openBlas.Library} not used: its generic {openBlas.CoreName} kernels are slower " +
                 $"on this CPU ({OpenBlasGemm.CoreTypeVariable}={OpenBlasGemm.SupportedCoreType ?? "Haswell"} selects its vector kernels; {BackendVariable}=openblas forces it)",
        };

    private static string Normalise(string? setting) => setting?.Trim().ToLowerInvariant() ?? "auto";
}
