using System.Text.Json;

namespace Ebm.Cli.Tests;

/// <summary>
/// <c>ebm sample</c> end to end: the sampled mean energy agrees with the exact answer within the run's own
/// Monte Carlo standard error, the seed fixes every bit, files are written, and bad options are refused
/// with exit code 2.
/// </summary>
public sealed class SampleTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static JsonElement Json(CliOutcome outcome)
    {
        Assert.True(outcome.Code == 0, outcome.Err);
        return JsonDocument.Parse(outcome.Out).RootElement;
    }

    [Theory]
    [InlineData("hmc", "0.3")]
    [InlineData("mala", "0.5")]
    [InlineData("metropolis", "1.0")]
    [InlineData("pt", "0.3")]
    public void The_mean_energy_of_a_gaussian_matches_d_over_2_beta_within_the_reported_mcse(string sampler, string stepSize)
    {
        // For the 2-D Gaussian at beta = 2, <E> = d / (2 beta) = 0.5 exactly. The run's MCSE (from its bulk ESS)
        // is the estimator's standard error; a deviation beyond 5 MCSE has probability below 6e-7 if the
        // MCSE is right (delta), here with 8 chains x 3000 kept steps (n).
        var result = Json(CliRun.Invoke("sample", CliRun.Example("gaussian-2d.json"), "--sampler", sampler, "--beta", "2",
            "--chains", "8", "--steps", "3000", "--step-size", stepSize, "--seed", "7", "--json"));
        var mean = result.GetProperty("meanEnergy").GetDouble();
        var mcse = result.GetProperty("mcse").GetDouble();
        Assert.InRange(mcse, 1e-4, 0.05);
        Assert.InRange(mean, 0.5 - 5 * mcse, 0.5 + 5 * mcse);
        Assert.InRange(result.GetProperty("rHat").GetDouble(), 0.99, 1.01);
        Assert.Equal(7UL, result.GetProperty("seed").GetUInt64());
    }

    [Fact]
    public void The_same_seed_gives_the_same_bits_and_another_seed_does_not()
    {
        string[] Args(string seed) => ["sample", CliRun.Example("ring.json"), "--sampler", "hmc", "--steps", "200", "--seed", seed, "--out", _temp.Path($"s{seed}.csv")];
        Assert.Equal(0, CliRun.Invoke(Args("3")).Code);
        var first = File.ReadAllText(_temp.Path("s3.csv"));
        Assert.Equal(0, CliRun.Invoke(Args("3")).Code);
        Assert.Equal(first, File.ReadAllText(_temp.Path("s3.csv")));
        Assert.Equal(0, CliRun.Invoke(Args("4")).Code);
        Assert.NotEqual(first, File.ReadAllText(_temp.Path("s4.csv")));
    }

    [Fact]
    public void Samples_csv_and_trace_plot_are_written()
    {
        var csv = _temp.Path("samples.csv");
        var png = _temp.Path("trace.png");
        var outcome = CliRun.Invoke("sample", CliRun.Example("double-well.json"), "--sampler", "mala", "--chains", "3",
            "--steps", "40", "--thin", "4", "--burn-in", "5", "--step-size", "0.4", "--out", csv, "--trace-plot", png);
        Assert.True(outcome.Code == 0, outcome.Err);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("chain,step,energy,x0,x1", lines[0]);
        Assert.Equal(1 + 3 * 10, lines.Length);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png).Take(4).ToArray());
        Assert.Contains("seed           42", outcome.Out);
    }

    [Theory]
    [InlineData("--steps", "-3", "--steps: must be at least 1")]
    [InlineData("--beta", "0", "--beta: must be a finite number > 0")]
    [InlineData("--chains", "0", "--chains: must be between 1")]
    [InlineData("--thin", "0", "--thin: must be at least 1")]
    [InlineData("--step-size", "-1", "--step-size: must be a finite number > 0")]
    [InlineData("--sampler", "slice", "slice")]
    public void Bad_options_are_refused_with_exit_code_2(string option, string value, string message)
    {
        var args = new List<string> { "sample", CliRun.Example("gaussian-2d.json") };
        if (option != "--sampler") args.AddRange(["--sampler", "hmc"]);
        args.AddRange([option, value]);
        var outcome = CliRun.Invoke(args.ToArray());
        Assert.Equal(2, outcome.Code);
        Assert.Contains(message, outcome.Err);
        Assert.False(outcome.HasStackTrace);
        Assert.Equal("", outcome.Out);
    }

    [Fact]
    public void A_sampler_that_does_not_apply_to_the_model_names_those_that_do()
    {
        var outcome = CliRun.Invoke("sample", CliRun.Example("gaussian-2d.json"), "--sampler", "wolff");
        Assert.Equal(2, outcome.Code);
        Assert.Contains("--sampler: wolff does not apply to a gaussian model; use one of: metropolis, langevin, mala, hmc, pt", outcome.Err);
    }

    [Fact]
    public void Poor_mixing_is_warned_about()
    {
        var outcome = CliRun.Invoke("sample", CliRun.Example("gaussian-2d.json"), "--sampler", "metropolis", "--step-size", "0.01",
            "--steps", "50", "--burn-in", "0");
        Assert.Equal(0, outcome.Code);
        Assert.Contains("ebm: warning: R-hat", outcome.Err);
    }
}
