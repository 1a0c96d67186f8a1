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
        foreach (var name in LibraryNames)
        {
            if (!NativeLibrary.TryLoad(name, typeof(OpenBlasGemm).Assembly, null, out var handle)) continue;
            if (NativeLibrary.TryGetExport(handle, "cblas_dgemm", out var dgemm) &&
                NativeLibrary.TryGetExport(handle, "cblas_sgemm", out var sgemm))
                return new OpenBlasGemm(name, dgemm, sgemm, CoreNameOf(handle), Configuration(handle));
            NativeLibrary.Free(handle);
        }

        return null;
    }

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
