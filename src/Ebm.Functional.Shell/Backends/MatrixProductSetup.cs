using Ebm.Functional.Numerics;

namespace Ebm.Functional.Shell.Backends;

/// <summary>
/// The shell's choice of the matrix-product backend, from the process environment, made once at start-up
/// (<c>ebm</c> does it first thing; an application calls <see cref="FromEnvironment"/> or
/// <see cref="MatrixProduct.Use"/> itself).
/// </summary>
/// <remarks>
/// <para>Settings: <c>EBM_GEMM</c> = <c>managed</c> (the managed kernel; OpenBLAS is not even loaded),
/// <c>openblas</c> (OpenBLAS whenever it loads) or <c>auto</c>, the default (OpenBLAS when it runs vector kernels
/// on this CPU, else the managed kernel). <c>EBM_OPENBLAS_CORETYPE</c> = a core name (e.g. <c>SkylakeX</c>) is
/// passed to OpenBLAS as <c>OPENBLAS_CORETYPE</c> before it loads; <c>auto</c> leaves the choice to OpenBLAS even
/// on a CPU it does not know. A user's own <c>OPENBLAS_CORETYPE</c> always wins.</para>
/// <para>Core type: OpenBLAS detects the CPU itself, and is left alone when it knows it (AMD EPYC family 26:
/// Cooperlake kernels). Only when it runs generic pre-AVX2 kernels on a CPU with AVX2 and FMA (a model newer than
/// the library, e.g. OpenBLAS 0.3.21 on Intel family 6 model 207, which falls back to Prescott at about 8 GFLOP/s on
/// two cores) is the family of the CPU's instruction sets named (<see cref="OpenBlasGemm.SupportedCoreType"/>) and
/// OpenBLAS asked to pick its kernels again before the first product.</para>
/// </remarks>
public static class MatrixProductSetup
{
    /// <summary>
    /// Chooses the backend from the environment (see the class remarks), fixes it with <see cref="MatrixProduct.Use"/>
    /// and returns <see cref="MatrixProduct.BackendDescription"/>.
    /// </summary>
    /// <param name="maxDegreeOfParallelism">Threads for the managed kernel (-1: no limit); its bits do not depend on it.</param>
    /// <exception cref="InvalidOperationException">A different backend was fixed before (a product ran first).</exception>
    public static string FromEnvironment(int maxDegreeOfParallelism = -1)
    {
        var setting = Environment.GetEnvironmentVariable(MatrixProduct.BackendVariable);
        var managed = maxDegreeOfParallelism == -1 ? MatrixProduct.Managed : new ManagedGemm(maxDegreeOfParallelism);
        if (Normalise(setting) == "managed")
        {
            MatrixProduct.Use(managed, $"{managed.Description}; {MatrixProduct.BackendVariable}=managed");
            return MatrixProduct.BackendDescription;
        }

        var userCoreType = Environment.GetEnvironmentVariable(OpenBlasGemm.CoreTypeVariable) is { Length: > 0 };
        var hint = Environment.GetEnvironmentVariable(OpenBlasGemm.HintVariable)?.Trim();
        var note = "";
        if (!userCoreType && hint is { Length: > 0 } && !IsAuto(hint) && NativeEnvironment.TrySetIfUnset(OpenBlasGemm.CoreTypeVariable, hint))
            note = $", {OpenBlasGemm.CoreTypeVariable}={hint} from {OpenBlasGemm.HintVariable}";

        var openBlas = MatrixProduct.OpenBlas;
        if (openBlas is { HasVectorKernels: false } && !userCoreType && note.Length == 0 && !IsAuto(hint))
            note = NameCoreType(openBlas);

        var backend = Choose(setting, openBlas, managed);
        MatrixProduct.Use(backend, MatrixProduct.Describe(setting, backend, openBlas) + (backend is OpenBlasGemm ? note : ""));
        return MatrixProduct.BackendDescription;
    }

    /// <summary>
    /// For OpenBLAS running generic kernels on a CPU it does not know: names the family of the CPU's instruction sets
    /// and has OpenBLAS pick its kernels again; the note for the description, empty when nothing changed.
    /// </summary>
    private static string NameCoreType(OpenBlasGemm openBlas)
    {
        var generic = openBlas.CoreName;
        if (OpenBlasGemm.SupportedCoreType is not { } core || !NativeEnvironment.TrySetIfUnset(OpenBlasGemm.CoreTypeVariable, core)) return "";
        return openBlas.ReselectKernels() && openBlas.HasVectorKernels
            ? $", {OpenBlasGemm.CoreTypeVariable}={core} named: OpenBLAS does not know this CPU and ran its generic {generic} kernels " +
              $"({OpenBlasGemm.HintVariable}=auto leaves them)"
            : "";
    }

    /// <summary><see cref="MatrixProduct.Choose"/>, keeping a thread-limited managed kernel in place of the unlimited one.</summary>
    private static IGemmBackend Choose(string? setting, OpenBlasGemm? openBlas, ManagedGemm managed) =>
        MatrixProduct.Choose(setting, openBlas, MatrixProduct.Managed) is ManagedGemm ? managed : openBlas!;

    private static bool IsAuto(string? hint) => string.Equals(hint, "auto", StringComparison.OrdinalIgnoreCase);

    private static string Normalise(string? setting) => setting?.Trim().ToLowerInvariant() ?? "auto";
}
