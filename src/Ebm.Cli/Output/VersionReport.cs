using System.Reflection;
using System.Runtime.InteropServices;

namespace Ebm.Cli.Output;

/// <summary>What <c>ebm --version</c> prints: the version, the matrix-product backend and the .NET runtime.</summary>
internal static class VersionReport
{
    private static readonly string Informational =
        typeof(VersionReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The package version (for example 0.1.0), without the source commit.</summary>
    public static string Version => Informational.Split('+')[0];

    /// <summary>The source commit the build came from, where the build recorded it.</summary>
    public static string? Commit => Informational.Contains('+') ? Informational.Split('+')[1] : null;

    /// <summary>
    /// The implementation behind <c>MatrixProduct.Gemm</c>, the one seam for GEMM-shaped work.
    /// This build's core multiplies with managed loops.
    /// </summary>
    public static string MatrixProductBackend() => Ebm.Functional.Numerics.MatrixProduct.BackendDescription;

    /// <summary>The .NET runtime and platform, for example ".NET 10.0.1 (linux-x64)".</summary>
    public static string Runtime => $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.RuntimeIdentifier})";

    /// <summary>The lines of <c>ebm --version</c>.</summary>
    public static string Text() =>
        string.Join(Environment.NewLine,
            $"ebm {Version}" + (Commit is { } c ? $" (commit {c[..Math.Min(12, c.Length)]})" : ""),
            $"matrix product: {MatrixProductBackend()}",
            $"runtime: {Runtime}");
}
