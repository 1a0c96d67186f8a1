namespace Ebm.Functional.Tests.Architecture;

/// <summary>
/// The core runs data-parallel loops only through the seam in Numerics, with the caller's degree of parallelism,
/// and never reads or changes the process environment: the shell decides how batches run and which GEMM backend
/// serves them.
/// </summary>
public sealed class CoreEffectTests
{
    // The one file of the core that starts threads, always with the caller's degree of parallelism.
    private const string Seam = "Numerics/Batch.cs";

    [Fact]
    public void Only_the_seam_in_numerics_starts_threads()
    {
        var found = SourceRoot.Core.Files
            .Where(f => f.Path != Seam)
            .SelectMany(CoreEffects.Threads)
            .ToList();

        Assert.True(found.Count == 0, "run data-parallel loops through the seam in Numerics, with the caller's parallelism:\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_core_never_reads_or_changes_the_process_environment()
    {
        var found = SourceRoot.Core.Files
            .SelectMany(CoreEffects.Environment)
            .ToList();

        Assert.True(found.Count == 0, "the shell reads the environment and passes what it decides to the core:\n" + string.Join("\n", found));
    }

    [Fact]
    public void Planted_threads_and_environment_access_are_found()
    {
        var file = SourceFile.FromText("Mcmc/Kernel.cs", """
            using System.Runtime.InteropServices;
            namespace Ebm.Functional.Mcmc;
            internal static partial class Kernel
            {
                public static void Run(int n)
                {
                    System.Threading.Tasks.Parallel.For(0, n, i => { });
                    var t = new Thread(() => { });
                    var k = Environment.ProcessorCount;
                    _ = Task.Run(() => 1);
                    var v = System.Environment.GetEnvironmentVariable("OPENBLAS_CORETYPE");
                }

                [LibraryImport("libc", EntryPoint = "setenv")]
                private static partial int SetEnv(string name, string value, int overwrite);
            }
            """, "Ebm.Functional", "src/Ebm.Functional");

        Assert.Equal(
        [
            "src/Ebm.Functional/Mcmc/Kernel.cs, line 7: System.Threading.Tasks.Parallel.For",
            "src/Ebm.Functional/Mcmc/Kernel.cs, line 8: new Thread(() => { })",
            "src/Ebm.Functional/Mcmc/Kernel.cs, line 9: Environment.ProcessorCount",
            "src/Ebm.Functional/Mcmc/Kernel.cs, line 10: Task.Run",
        ], CoreEffects.Threads(file));
        Assert.Equal(
        [
            "src/Ebm.Functional/Mcmc/Kernel.cs, line 11: System.Environment.GetEnvironmentVariable",
            "src/Ebm.Functional/Mcmc/Kernel.cs, line 14: \"setenv\"",
        ], CoreEffects.Environment(file));
    }
}
