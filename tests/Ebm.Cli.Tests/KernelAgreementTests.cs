using Ebm.Functional.Catalogue;
using Ebm.Functional.Shell.ModelFiles;

namespace Ebm.Cli.Tests;

/// <summary>
/// <c>ebm sample --sampler K</c> and <c>ebm logz --method ais --kernel K</c> accept the same kernels for every kind of
/// model, both read from the core's kernel catalogue; where they must differ, logz refuses with the catalogue's
/// reason (unadjusted Langevin is biased, parallel tempering carries its own ladder).
/// </summary>
public sealed class KernelAgreementTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("gaussian-2d.json", "metropolis langevin mala hmc pt nuts", "metropolis mala hmc")]
    [InlineData("double-well.json", "metropolis langevin mala hmc pt nuts", "metropolis mala hmc")]
    [InlineData("gaussian-mixture-2d.json", "metropolis langevin mala hmc pt nuts", "metropolis mala hmc")]
    [InlineData("ring.json", "metropolis langevin mala hmc pt nuts", "metropolis mala hmc")]
    [InlineData("bernoulli-rbm-3x2.json", "gibbs metropolis block-gibbs pt", "gibbs metropolis block-gibbs")]
    [InlineData("boltzmann-machine-3.json", "gibbs metropolis pt", "gibbs metropolis")]
    [InlineData("ising-4x4.json", "gibbs metropolis checkerboard wolff swendsen-wang pt", "gibbs metropolis checkerboard wolff swendsen-wang")]
    [InlineData("ising-3x3-field", "gibbs metropolis checkerboard pt", "gibbs metropolis checkerboard")]
    [InlineData("gaussian-bernoulli-rbm-2x2.json", "block-gibbs", "block-gibbs")]
    public void Sample_and_logz_accept_the_same_kernels_or_logz_says_why_not(string example, string sampled, string annealed)
    {
        var path = example.EndsWith(".json", StringComparison.Ordinal) ? CliRun.Example(example) : IsingWithField();
        var kernels = KernelCatalog.For(ModelFile.Load(path).Match(m => m, e => throw new InvalidOperationException(e.Message)));
        var sampleAccepts = new List<string>();
        var logzAccepts = new List<string>();
        foreach (var kernel in KernelCatalog.Names)
        {
            var sample = CliRun.Invoke("sample", path, "--sampler", kernel, "--chains", "2", "--steps", "20", "--burn-in", "0", "--rungs", "2");
            var logz = CliRun.Invoke("logz", path, "--method", "ais", "--kernel", kernel, "--particles", "4", "--steps", "3",
                "--reference-scale", "2", "--no-exact");
            if (Accepted(sample, "--sampler")) sampleAccepts.Add(kernel);
            if (Accepted(logz, "--kernel")) logzAccepts.Add(kernel);
            else if (sampleAccepts.Contains(kernel))
            {
                // Refused by logz though sample runs it: the catalogue states why, and logz prints it.
                var refusal = kernels.Find(kernel).Bind(k => LanguageExt.Prelude.Optional(k.PathRefusal));
                Assert.True(refusal.IsSome, $"{example}: logz refuses {kernel} without a reason in the catalogue: {logz.Err}");
                Assert.Contains(kernels.Annealing.IsEmpty ? "none is available" : refusal.IfNone(""), logz.Err);
            }
        }

        Assert.Equal(Words(sampled), sampleAccepts.Order(StringComparer.Ordinal));
        Assert.Equal(Words(annealed), logzAccepts.Order(StringComparer.Ordinal));
        Assert.Equal(kernels.Sampling.Order(StringComparer.Ordinal), sampleAccepts.Order(StringComparer.Ordinal));
        Assert.Equal(kernels.Annealing.Order(StringComparer.Ordinal), logzAccepts.Order(StringComparer.Ordinal));
        Assert.Empty(logzAccepts.Except(sampleAccepts));
    }

    /// <summary>Exit code 0; or exit code 2 with an error about the kernel option (or the method, when no kernel can run), never another failure.</summary>
    private static bool Accepted(CliOutcome run, string option)
    {
        if (run.Code == 0) return true;
        Assert.False(run.HasStackTrace, run.Err);
        Assert.Equal(2, run.Code);
        Assert.True(run.Err.StartsWith($"ebm: error: {option}:", StringComparison.Ordinal) || run.Err.StartsWith("ebm: error: --method:", StringComparison.Ordinal), run.Err);
        return false;
    }

    private static IEnumerable<string> Words(string list) => list.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);

    private string IsingWithField()
    {
        var path = _files.Path("ising-field.json");
        File.WriteAllText(path, """{"kind": "ising", "rows": 3, "columns": 3, "boundary": "periodic", "coupling": 1, "field": 0.2}""");
        return path;
    }
}
