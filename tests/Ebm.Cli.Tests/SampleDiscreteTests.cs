using System.Text.Json;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Shell.ModelFiles;

namespace Ebm.Cli.Tests;

/// <summary>
/// <c>ebm sample</c> on discrete models: every sampler's mean energy agrees with the exact U within five of
/// the run's own Monte Carlo standard errors (delta below 6e-7 per run when the MCSE is right; 8 chains x
/// 2000 kept steps).
/// </summary>
public sealed class SampleDiscreteTests
{
    private static double ExactU(string example, double beta) =>
        ModelFile.Load(CliRun.Example(example)).Bind(m => LogPartition.Exact(m, beta))
            .Match(r => r.MeanEnergy, e => throw new InvalidOperationException(e.Message));

    [Theory]
    [InlineData("ising-4x4.json", "checkerboard")]
    [InlineData("ising-4x4.json", "wolff")]
    [InlineData("ising-4x4.json", "swendsen-wang")]
    [InlineData("ising-4x4.json", "gibbs")]
    [InlineData("ising-4x4.json", "metropolis")]
    [InlineData("ising-4x4.json", "pt")]
    [InlineData("boltzmann-machine-3.json", "gibbs")]
    [InlineData("boltzmann-machine-3.json", "metropolis")]
    [InlineData("bernoulli-rbm-3x2.json", "gibbs")]
    [InlineData("bernoulli-rbm-3x2.json", "block-gibbs")]
    [InlineData("gaussian-bernoulli-rbm-2x2.json", "block-gibbs")]
    public void Mean_energy_matches_the_exact_value_within_the_reported_mcse(string example, string sampler)
    {
        const double beta = 0.44;
        var outcome = CliRun.Invoke("sample", CliRun.Example(example), "--sampler", sampler, "--beta", "0.44",
            "--chains", "8", "--steps", "2000", "--seed", "11", "--json");
        Assert.True(outcome.Code == 0, outcome.Err);
        var result = JsonDocument.Parse(outcome.Out).RootElement;
        var mean = result.GetProperty("meanEnergy").GetDouble();
        var mcse = result.GetProperty("mcse").GetDouble();
        var exact = ExactU(example, beta);
        Assert.True(Math.Abs(mean - exact) <= 5 * mcse, $"{sampler}: {mean} vs exact {exact}, MCSE {mcse}");
    }

    [Fact]
    public void Cluster_samplers_are_refused_in_a_field()
    {
        var temp = Path.Combine(Path.GetTempPath(), $"ebm-field-{Guid.NewGuid():N}.json");
        File.WriteAllText(temp, """{"kind":"ising","rows":3,"columns":3,"field":0.2}""");
        try
        {
            var outcome = CliRun.Invoke("sample", temp, "--sampler", "wolff");
            Assert.Equal(2, outcome.Code);
            Assert.Contains("wolff does not apply to a ising model", outcome.Err);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    [Fact]
    public void Parallel_tempering_checks_its_ladder_options()
    {
        var outcome = CliRun.Invoke("sample", CliRun.Example("ising-4x4.json"), "--sampler", "pt", "--rungs", "1", "--beta-ratio", "0.5");
        Assert.Equal(2, outcome.Code);
        Assert.Contains("--rungs: must be between 2 and 256", outcome.Err);
        Assert.Contains("--beta-ratio: must be a finite number > 1", outcome.Err);
    }
}
