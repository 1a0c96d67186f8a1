using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Ebm.Functional.Shell.Backends;

namespace Ebm.Cli.Tests;

/// <summary>
/// The test process chooses its matrix-product backend as <c>ebm</c>'s start-up does, from the environment, before
/// any in-process run: <c>EBM_GEMM=managed dotnet test</c> runs the tool's products through the managed kernel.
/// </summary>
internal static class MatrixProductStartup
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "The test assembly is an application's start-up: the backend must be fixed before the first product.")]
    internal static void ChooseFromTheEnvironment() => MatrixProductSetup.FromEnvironment();
}
