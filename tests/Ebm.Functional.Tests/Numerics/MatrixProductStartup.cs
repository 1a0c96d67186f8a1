using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Ebm.Functional.Shell.Backends;

namespace Ebm.Functional.Tests.Numerics;

/// <summary>
/// The test process chooses its matrix-product backend as <c>ebm</c> does, from the environment, before any test
/// runs: <c>EBM_GEMM=managed dotnet test</c> runs every product of the suite through the managed kernel.
/// </summary>
internal static class MatrixProductStartup
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "The test assembly is an application's start-up: the backend must be fixed before the first product.")]
    internal static void ChooseFromTheEnvironment() => MatrixProductSetup.FromEnvironment();
}
