using System.Reflection;
using System.Runtime.InteropServices;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Tests.Numerics;

/// <summary>
/// The compiled core binds no native function that reads or changes the process environment (the sources are checked
/// for threads and environment access outside <see cref="Batch"/> by <c>Architecture/CoreEffectTests</c>).
/// </summary>
public sealed class ParallelSeamTests
{
    [Fact]
    public void TheCoreAssemblyBindsNoNativeEnvironmentFunction()
    {
        var imports = typeof(Batch).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Import: m.GetCustomAttribute<DllImportAttribute>()))
            .Where(x => x.Import is not null && (x.Import.EntryPoint ?? x.Method.Name) is "setenv" or "putenv" or "unsetenv" or "getenv")
            .Select(x => $"{x.Method.DeclaringType}.{x.Method.Name}")
            .ToList();

        Assert.Empty(imports);
    }
}
