using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Ebm.Functional.Numerics;

/// <summary>
/// The matrix product through the system OpenBLAS (<c>cblas_dgemm</c> / <c>cblas_sgemm</c>), bound at
/// run time with <see cref="NativeLibrary"/>; absent when no OpenBLAS library loads.
/// </summary>
/// <remarks>
/// <para>Looks for <c>libopenblas.so.0</c>, then <c>libopenblas.so</c> (Debian/Ubuntu:
/// <c>apt-get install libopenblas0-pthread</c>), <c>libopenblas.dylib</c> and <c>libopenblas.dll</c>.
/// Nothing requires it: without it <see cref="MatrixProduct"/> uses <see cref="ManagedGemm"/>.</para>
/// <para>Spans are pinned for the call and passed row-major (CblasRowMajor = 101, CblasNoTrans = 111,
/// CblasTrans = 112). OpenBLAS uses its own threads (OPENBLAS_NUM_THREADS); its results are fixed for a
/// given library, machine and thread setting.</para>
/// </remarks>
public sealed unsafe partial class OpenBlasGemm : IGemmBackend
{
    private const int RowMajor = 101;
    private const int NoTranspose = 111;
    private const int Transpose = 112;

    private static readonly string[] LibraryNames =
        ["libopenblas.so.0", "libopenblas.so", "libopenblas.dylib", "libopenblas.dll"];

    /// <summary>OpenBLAS x86 cores whose GEMM kernels use AVX2 and FMA or better.</summary>
    private static readonly HashSet<string> VectorCores =
        new(["Haswell", "Zen", "SkylakeX", "Cooperlake", "SapphireRapids"], StringComparer.OrdinalIgnoreCase);

    private readonly delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void> _dgemm;
    private readonly delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> _sgemm;

    private readonly nint _handle;
    private readonly delegate* unmanaged<int, void> _setThreads;
    private readonly delegate* unmanaged<int> _getThreads;

    private OpenBlasGemm(string library, nint handle, nint dgemm, nint sgemm)
    {
        Library = library;
        _handle = handle;
        if (NativeLibrary.TryGetExport(handle, "openblas_set_num_threads", out var set) &&
            NativeLibrary.TryGetExport(handle, "openblas_get_num_threads", out var get))
        {
            _setThreads = (delegate* unmanaged<int, void>)set;
            _getThreads = (delegate* unmanaged<int>)get;
        }
        _dgemm = (delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void>)dgemm;
        _sgemm = (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)sgemm;
    }

    /// <summary>The library name that loaded, e.g. "libopenblas.so.0".</summary>
    public string Library { get; }

    /// <summary>The kernel family OpenBLAS runs on this CPU (openblas_get_corename), e.g. "SkylakeX"; null if unreported.</summary>
    public string? CoreName => CoreNameOf(_handle);

    /// <summary>
    /// False when OpenBLAS runs its generic pre-AVX2 kernels (e.g. "Prescott", its fallback for a CPU model
    /// it does not know) on a CPU with AVX2 and FMA, where the managed kernel is faster.
    /// </summary>
    /// <remarks>OpenBLAS 0.3.21 does not know Intel family 6 model 207 (Emerald Rapids) and falls back to
    /// Prescott: about 8 GFLOP/s on two cores where its SkylakeX kernels (OPENBLAS_CORETYPE=SkylakeX) or
    /// the managed kernel run several times faster.</remarks>
    public bool HasVectorKernels =>
        CoreName is null || !(Avx2.IsSupported && Fma.IsSupported) || VectorCores.Contains(CoreName);

    /// <inheritdoc />
    public string Name => "openblas";

    /// <inheritdoc />
    public string Description => $"OpenBLAS ({Library}{Configuration()})";

    /// <summary>
    /// Binds the first OpenBLAS library that loads and exports both GEMMs; null when none does. OpenBLAS picks its
    /// kernels while it loads, from the CPU or from <c>OPENBLAS_CORETYPE</c> in the process environment: a shell
    /// that names a core type sets it before (this never changes the environment).
    /// </summary>
    /// <remarks>The library stays loaded for the life of the process.</remarks>
    public static OpenBlasGemm? TryLoad()
    {
        foreach (var name in LibraryNames)
        {
            if (!NativeLibrary.TryLoad(name, typeof(OpenBlasGemm).Assembly, null, out var handle)) continue;
            if (NativeLibrary.TryGetExport(handle, "cblas_dgemm", out var dgemm) &&
                NativeLibrary.TryGetExport(handle, "cblas_sgemm", out var sgemm))
                return new OpenBlasGemm(name, handle, dgemm, sgemm);
            NativeLibrary.Free(handle);
        }

        return null;
    }

    /// <summary>The environment variable OpenBLAS reads to pick its kernels (read by OpenBLAS itself, set only by a shell).</summary>
    public const string CoreTypeVariable = "OPENBLAS_CORETYPE";

    /// <summary>
    /// The environment variable a shell reads to name a core type for OpenBLAS: "auto" leaves the choice to OpenBLAS
    /// even on a CPU it does not know; a core name (e.g. "SkylakeX") is passed on as <see cref="CoreTypeVariable"/>.
    /// </summary>
    public const string HintVariable = "EBM_OPENBLAS_CORETYPE";

    /// <summary>
    /// The OpenBLAS kernel family this CPU's instruction sets support: "SkylakeX" with AVX-512 (F, CD, BW, DQ, VL),
    /// "Haswell" with AVX2 and FMA, otherwise null (then OpenBLAS's generic kernels are all there is).
    /// </summary>
    public static string? SupportedCoreType =>
        RuntimeInformation.ProcessArchitecture == Architecture.X64
            ? CoreTypeFor(
                Avx512F.IsSupported && Avx512F.VL.IsSupported && Avx512BW.IsSupported && Avx512DQ.IsSupported && Avx512CD.IsSupported,
                Avx2.IsSupported && Fma.IsSupported)
            : null;

    /// <summary>The kernel family for the given instruction sets (see <see cref="SupportedCoreType"/>).</summary>
    internal static string? CoreTypeFor(bool avx512, bool avx2Fma) => avx512 ? "SkylakeX" : avx2Fma ? "Haswell" : null;

    /// <summary>
    /// Asks OpenBLAS to pick its kernels again (<c>gotoblas_dynamic_quit</c>, then <c>gotoblas_dynamic_init</c> of a
    /// DYNAMIC_ARCH build), which reads <see cref="CoreTypeVariable"/> from the process environment as it is now.
    /// For a shell that found OpenBLAS running generic kernels on a CPU it does not know and has named a core type;
    /// call it before the first product. False (nothing done) when the library lacks those entry points.
    /// </summary>
    public bool ReselectKernels()
    {
        if (!NativeLibrary.TryGetExport(_handle, "gotoblas_dynamic_quit", out var quit) ||
            !NativeLibrary.TryGetExport(_handle, "gotoblas_dynamic_init", out var init))
            return false;
        ((delegate* unmanaged<void>)quit)();
        ((delegate* unmanaged<void>)init)();
        return true;
    }

    private static string? CoreNameOf(nint handle) =>
        NativeLibrary.TryGetExport(handle, "openblas_get_corename", out var corename)
            ? Marshal.PtrToStringUTF8(((delegate* unmanaged<nint>)corename)())?.Trim()
            : null;

    /// <summary>", &lt;openblas_get_config()&gt;, N threads" when the library reports them (N as configured, outside one-thread scopes).</summary>
    private string Configuration()
    {
        var text = "";
        if (NativeLibrary.TryGetExport(_handle, "openblas_get_config", out var config))
            text += ", " + Marshal.PtrToStringUTF8(((delegate* unmanaged<nint>)config)())?.Trim();
        if (ConfiguredThreads is { } threads) text += $", {threads} threads";
        return text;
    }

    /// <inheritdoc />
    public void Gemm(
        bool transposeA, bool transposeB, int m, int n, int k,
        double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> b, int ldb,
        double beta, Span<double> c, int ldc)
    {
        using var inFlight = EnterProduct();
        Product(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    /// <summary>The product itself, with no wait: for the pieces of a kernel inside a one-thread scope (<see cref="GemmPieces"/>).</summary>
    internal void Product(
        bool transposeA, bool transposeB, int m, int n, int k,
        double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> b, int ldb,
        double beta, Span<double> c, int ldc)
    {
        if (GemmArguments.ValidateOrFinishTrivial(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)) return;
        fixed (double* pa = a)
        fixed (double* pb = b)
        fixed (double* pc = c)
            _dgemm(RowMajor, Op(transposeA), Op(transposeB), m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
    }

    /// <inheritdoc />
    public void Gemm(
        bool transposeA, bool transposeB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb,
        float beta, Span<float> c, int ldc)
    {
        using var inFlight = EnterProduct();
        Product(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }

    /// <summary>The product itself, with no wait: for the pieces of a kernel inside a one-thread scope (<see cref="GemmPieces"/>).</summary>
    internal void Product(
        bool transposeA, bool transposeB, int m, int n, int k,
        float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb,
        float beta, Span<float> c, int ldc)
    {
        if (GemmArguments.ValidateOrFinishTrivial(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)) return;
        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
            _sgemm(RowMajor, Op(transposeA), Op(transposeB), m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
    }

    /// <inheritdoc />
    public override string ToString() => Description;

    private static int Op(bool transpose) => transpose ? Transpose : NoTranspose;
}
