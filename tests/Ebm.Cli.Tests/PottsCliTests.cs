using System.Text.Json;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Shell.ModelFiles;

namespace Ebm.Cli.Tests;

/// <summary>
/// The potts and clock model kinds through the tool: exact log Z, sampling with every kernel that applies (mean energy within
/// five of the run's own Monte Carlo standard errors of the exact U; delta below 6e-7 per run when the MCSE is right, 8 chains
/// x 2000 kept steps), and a clear exit-2 error for each kind of bad file.
/// </summary>
public sealed class PottsCliTests
{
    private static ExactResult Exact(string example, double beta) =>
        ModelFile.Load(CliRun.Example(example)).Bind(m => LogPartition.Exact(m, beta))
            .Match(r => r, e => throw new InvalidOperationException(e.Message));

    [Theory]
    [InlineData("potts-3x3.json", "enumeration")]
    [InlineData("clock-4x4.json", "transfer-matrix")]
    public void Exact_log_z_of_the_examples(string example, string method)
    {
        var outcome = CliRun.Invoke("logz", CliRun.Example(example), "--method", "exact", "--beta", "0.9", "--json");
        Assert.True(outcome.Code == 0, outcome.Err);
        var result = JsonDocument.Parse(outcome.Out).RootElement;
        Assert.Equal(Exact(example, 0.9).LogZ, result.GetProperty("logZ").GetDouble());
        Assert.Contains(method, outcome.Out);
    }

    [Fact]
    public void The_four_state_clock_example_is_two_ising_tori_at_half_the_coupling()
    {
        // Betts (1964): Z_clock(q = 4, J) = Z_Ising(J / 2)^2, here through the model file and Kaufman's formula.
        var ising = IsingModel.Create(4, 4, 0.5, 0.0, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var kaufman = Kaufman.Compute(ising, 0.9).Match(r => r.LogZ, e => throw new InvalidOperationException(e.Message));
        Assert.Equal(2 * kaufman, Exact("clock-4x4.json", 0.9).LogZ, 1e-10);
    }

    [Theory]
    [InlineData("potts-3x3.json", "checkerboard")]
    [InlineData("potts-3x3.json", "wolff")]
    [InlineData("potts-3x3.json", "swendsen-wang")]
    [InlineData("potts-3x3.json", "pt")]
    [InlineData("clock-4x4.json", "checkerboard")]
    public void Mean_energy_matches_the_exact_value_within_the_reported_mcse(string example, string sampler)
    {
        var outcome = CliRun.Invoke("sample", CliRun.Example(example), "--sampler", sampler, "--beta", "0.9",
            "--chains", "8", "--steps", "2000", "--seed", "11", "--json");
        Assert.True(outcome.Code == 0, outcome.Err);
        var result = JsonDocument.Parse(outcome.Out).RootElement;
        var mean = result.GetProperty("meanEnergy").GetDouble();
        var mcse = result.GetProperty("mcse").GetDouble();
        var exact = Exact(example, 0.9).MeanEnergy;
        Assert.True(Math.Abs(mean - exact) <= 5 * mcse, $"{sampler}: {mean} vs exact {exact}, MCSE {mcse}");
        Assert.Equal(11, result.GetProperty("seed").GetInt64());
    }

    [Theory]
    [InlineData("""{"kind":"potts","rows":3,"columns":3,"states":1}""", "states: must be at least 2, got 1")]
    [InlineData("""{"kind":"clock","rows":3,"columns":3,"states":300}""", "states")]
    [InlineData("""{"kind":"potts","rows":3,"columns":3}""", "states: missing")]
    [InlineData("""{"kind":"clock","columns":3,"states":3}""", "rows: missing")]
    [InlineData("""{"kind":"potts","rows":0,"columns":3,"states":3}""", "rows: must be at least 1")]
    [InlineData("""{"kind":"potts","rows":3,"columns":3,"states":3,"boundary":"helical"}""", "boundary")]
    [InlineData("""{"kind":"potts","rows":3,"columns":3,"states":2.5}""", "states")]
    [InlineData("""{"kind":"potts","rows":3,"columns":3,"states":3,"spins":1}""", "unknown key \"spins\" for kind potts")]
    public void A_bad_potts_or_clock_file_is_exit_code_2_naming_the_field(string content, string expected)
    {
        var temp = Path.Combine(Path.GetTempPath(), $"ebm-potts-{Guid.NewGuid():N}.json");
        File.WriteAllText(temp, content);
        try
        {
            var outcome = CliRun.Invoke("logz", temp, "--method", "exact");
            Assert.Equal(2, outcome.Code);
            Assert.StartsWith("ebm: error: ", outcome.Err);
            Assert.Contains(expected, outcome.Err);
            Assert.DoesNotContain("   at ", outcome.Err);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    [Fact]
    public void A_kernel_that_does_not_apply_is_refused_with_the_ones_that_do()
    {
        var outcome = CliRun.Invoke("sample", CliRun.Example("clock-4x4.json"), "--sampler", "wolff");
        Assert.Equal(2, outcome.Code);
        Assert.Contains("wolff does not apply to a clock model; use one of: checkerboard, pt", outcome.Err);
    }

    [Fact]
    public void Exact_thermo_sweeps_a_potts_file()
    {
        var outcome = CliRun.Invoke("thermo", CliRun.Example("potts-3x3.json"), "--beta", "0.5:1.5:0.5", "--json");
        Assert.True(outcome.Code == 0, outcome.Err);
        Assert.Contains("enumeration", outcome.Out);
    }
}
