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
public sealed unsafe class OpenBlasGemm : IGemmBackend
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

    private OpenBlasGemm(string library, nint dgemm, nint sgemm, string? coreName, string configuration)
    {
        Library = library;
        CoreName = coreName;
        _dgemm = (delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void>)dgemm;
        _sgemm = (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)sgemm;
        Description = $"OpenBLAS ({library}{configuration})";
    }

    /// <summary>The library name that loaded, e.g. "libopenblas.so.0".</summary>
    public string Library { get; }

    /// <summary>The kernel family OpenBLAS chose for this CPU (openblas_get_corename), e.g. "SkylakeX"; null if unreported.</summary>
    public string? CoreName { get; }

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
    public string Description { get; }

    /// <summary>Binds the first OpenBLAS library that loads and exports both GEMMs; null when none does.</summary>
    /// <remarks>The library stays loaded for the life of the process.</remarks>
    internal static OpenBlasGemm? TryLoad()
    {
        var hint = ApplyCoreTypeHint();
        foreach (var name in LibraryNames)
        {
            if (!NativeLibrary.TryLoad(name, typeof(OpenBlasGemm).Assembly, null, out var handle)) continue;
            if (NativeLibrary.TryGetExport(handle, "cblas_dgemm", out var dgemm) &&
                NativeLibrary.TryGetExport(handle, "cblas_sgemm", out var sgemm))
                return new OpenBlasGemm(name, dgemm, sgemm, CoreNameOf(handle), Configuration(handle) + hint);
            NativeLibrary.Free(handle);
        }

        return null;
    }

    /// <summary>The environment variable OpenBLAS reads at load time to pick its kernels.</summary>
    public const string CoreTypeVariable = "OPENBLAS_CORETYPE";

    /// <summary>Set to "auto" to leave the kernel choice to OpenBLAS's own CPU detection.</summary>
    public const string HintVariable = "EBM_OPENBLAS_CORETYPE";

    /// <summary>
    /// The OpenBLAS kernel family this CPU can run, from its instruction sets: "SkylakeX" with AVX-512
    /// (F, CD, BW, DQ, VL), "Haswell" with AVX2 and FMA, otherwise null.
    /// </summary>
    internal static string? CoreTypeFor(bool avx512, bool avx2Fma) => avx512 ? "SkylakeX" : avx2Fma ? "Haswell" : null;

    /// <summary>
    /// OpenBLAS releases older than a CPU model fall back to generic Prescott kernels (0.3.21 on Emerald
    /// Rapids runs about 8 GFLOP/s). Unless the user set OPENBLAS_CORETYPE (or EBM_OPENBLAS_CORETYPE=auto),
    /// name the kernel family the CPU's instruction sets support before the library loads; on Linux only,
    /// through the C library's setenv, since OpenBLAS reads the C environment when it initialises.
    /// </summary>
    /// <returns>A note for the description, empty when nothing was set.</returns>
    private static string ApplyCoreTypeHint()
    {
        if (!OperatingSystem.IsLinux() || !RuntimeInformation.ProcessArchitecture.Equals(Architecture.X64)) return "";
        if (Environment.GetEnvironmentVariable(CoreTypeVariable) is { Length: > 0 }) return "";
        if (string.Equals(Environment.GetEnvironmentVariable(HintVariable)?.Trim(), "auto", StringComparison.OrdinalIgnoreCase)) return "";
        var avx512 = Avx512F.IsSupported && Avx512F.VL.IsSupported && Avx512BW.IsSupported && Avx512DQ.IsSupported && Avx512CD.IsSupported;
        if (CoreTypeFor(avx512, Avx2.IsSupported && Fma.IsSupported) is not { } core) return "";
        try
        {
            return SetEnvironment(CoreTypeVariable, core, 0) == 0
                ? $", {CoreTypeVariable}={core} chosen from the CPU's instruction sets ({HintVariable}=auto leaves it to OpenBLAS)"
                : "";
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return "";
        }
    }

    [DllImport("libc", EntryPoint = "setenv", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int SetEnvironment(string name, string value, int overwrite);

    private static string? CoreNameOf(nint handle) =>
        NativeLibrary.TryGetExport(handle, "openblas_get_corename", out var corename)
            ? Marshal.PtrToStringUTF8(((delegate* unmanaged<nint>)corename)())?.Trim()
            : null;

    /// <summary>", &lt;openblas_get_config()&gt;, N threads" when the library reports them.</summary>
    private static string Configuration(nint handle)
    {
        var text = "";
        if (NativeLibrary.TryGetExport(handle, "openblas_get_config", out var config))
            text += ", " + Marshal.PtrToStringUTF8(((delegate* unmanaged<nint>)config)())?.Trim();
        if (NativeLibrary.TryGetExport(handle, "openblas_get_num_threads", out var threads))
            text += $", {((delegate* unmanaged<int>)threads)()} threads";
        return text;
    }

    /// <inheritdoc />
    public void Gemm(
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
