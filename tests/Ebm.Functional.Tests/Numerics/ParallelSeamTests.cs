using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Tests.Numerics;

/// <summary>
/// The core's parallel loops go through <see cref="Batch"/> only, and the core neither asks the machine for its
/// processor count nor reads or changes the process environment anywhere else.
/// </summary>
public partial class ParallelSeamTests
{
    private static readonly string Seam = Path.Combine("Numerics", "Batch.cs");

    [Fact]
    public void NoCoreSourceOutsideTheSeamRunsItsOwnParallelLoopsOrReadsTheMachineOrTheEnvironment()
    {
        var core = Path.Combine(RepositoryRoot(), "src", "Ebm.Functional");
        var files = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(core, f)))
            .ToList();
        Assert.Contains(files, f => Path.GetRelativePath(core, f) == Seam);

        var offenders = files
            .Where(f => Path.GetRelativePath(core, f) != Seam)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(core, f), Line: i + 1, Code: WithoutComment(line))))
            .Where(l => Forbidden().IsMatch(l.Code))
            .Select(l => $"{l.File}:{l.Line}: {l.Code.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "outside Numerics/Batch.cs:\n" + string.Join("\n", offenders));
    }

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

    [Fact]
    public void ThePatternCatchesEveryFormItForbids()
    {
        string[] forbidden =
        [
            "Parallel.For(0, n, i => { });", "System.Threading.Tasks.Parallel.ForEach(xs, x => { });", "Parallel.Invoke(a, b);",
            "var n = Environment.ProcessorCount;", "Environment.GetEnvironmentVariable(\"X\")", "Environment.SetEnvironmentVariable(\"X\", \"1\")",
            "private static extern int setenv(string n, string v, int o);", "ThreadPool.QueueUserWorkItem(_ => { });", "Task.Run(() => 1);",
        ];
        string[] allowed = ["Batch.ForEachRow(p, n, body);", "var parallel = true;", "ParallelNodeThreshold", "EnvironmentName"];

        Assert.All(forbidden, code => Assert.Matches(Forbidden(), code));
        Assert.All(allowed, code => Assert.DoesNotMatch(Forbidden(), code));
    }

    private static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj";

    private static string WithoutComment(string line)
    {
        var comment = line.IndexOf("//", StringComparison.Ordinal);
        return comment < 0 ? line : line[..comment];
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ebm.Functional.sln"))) directory = directory.Parent;
        Assert.NotNull(directory);
        return directory.FullName;
    }

    [GeneratedRegex(@"\bParallel\s*\.\s*(For|ForEach|ForEachAsync|Invoke)\b|Environment\s*\.\s*(ProcessorCount|GetEnvironmentVariables?|SetEnvironmentVariable)\b|\b(setenv|putenv|unsetenv)\b|\bThreadPool\s*\.|\bTask\s*\.\s*Run\b|new\s+Thread\s*\(")]
    private static partial Regex Forbidden();
}
