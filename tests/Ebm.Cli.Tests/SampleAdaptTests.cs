using System.Text.Json;

namespace Ebm.Cli.Tests;

/// <summary>
/// <c>ebm sample --sampler nuts</c> and <c>--adapt</c> end to end: NUTS and adapted HMC sample the Gaussian's exact mean
/// energy, warm-up recovers its marginal variances and is not kept, the seed fixes every bit, and misuse of --adapt is
/// refused with exit code 2.
/// </summary>
public sealed class SampleAdaptTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static JsonElement Json(CliOutcome outcome)
    {
        Assert.True(outcome.Code == 0, outcome.Err);
        return JsonDocument.Parse(outcome.Out).RootElement;
    }

    [Theory]
    [InlineData("nuts", false)]
    [InlineData("nuts", true)]
    [InlineData("hmc", true)]
    public void The_mean_energy_of_a_gaussian_matches_d_over_2_beta_within_the_reported_mcse(string sampler, bool adapt)
    {
        // As for the other samplers: <E> = d / (2 beta) = 0.5 for the 2-D Gaussian at beta = 2; beyond 5 MCSE has
        // probability below 6e-7 if the MCSE is right (delta), with 8 chains x 2000 kept steps (n). HMC uses L = 3: with
        // its default L = 10 the adapted trajectory h L nears the period 2 pi of the whitened Gaussian, so each draw
        // returns near its start (fixed-length HMC's resonance, which NUTS avoids) and the ESS collapses.
        string[] args = ["sample", CliRun.Example("gaussian-2d.json"), "--sampler", sampler, "--beta", "2", "--chains", "8",
            "--steps", "2000", "--burn-in", "300", "--step-size", "0.3", "--leapfrog-steps", "3", "--seed", "11", "--json"];
        var result = Json(CliRun.Invoke(adapt ? [.. args, "--adapt"] : args));
        var mean = result.GetProperty("meanEnergy").GetDouble();
        var mcse = result.GetProperty("mcse").GetDouble();
        Assert.InRange(mcse, 1e-4, 0.05);
        Assert.InRange(mean, 0.5 - 5 * mcse, 0.5 + 5 * mcse);
        Assert.Equal(adapt, result.TryGetProperty("adaptedStepSize", out _));
        Assert.Equal(adapt, result.TryGetProperty("adaptedInverseMass", out _));
    }

    [Theory]
    [InlineData("nuts")]
    [InlineData("hmc")]
    public void Warm_up_recovers_the_marginal_variances_and_reports_the_tuning(string sampler)
    {
        // gaussian-2d: P = [[2, 0.5], [0.5, 1]], so Var x0 = 1 / 1.75 and Var x1 = 2 / 1.75 at beta 1. The last window of
        // 1000 warm-up steps pools 500 x 4 chains = 2000 draws (started from N(0, I), mixed within the 450 steps before);
        // with an autocorrelation time tau <= 4 of x^2 the relative standard error is sqrt(2 tau / 2000) = 0.063, and
        // Z = 4.5 of it allows 0.28.
        var result = Json(CliRun.Invoke("sample", CliRun.Example("gaussian-2d.json"), "--sampler", sampler, "--adapt",
            "--burn-in", "1000", "--steps", "100", "--seed", "5", "--json"));
        var mass = result.GetProperty("adaptedInverseMass").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(2, mass.Length);
        Assert.InRange(mass[0] / (1 / 1.75), 1 - 0.28, 1 + 0.28);
        Assert.InRange(mass[1] / (2 / 1.75), 1 - 0.28, 1 + 0.28);
        var stepSize = result.GetProperty("adaptedStepSize").GetDouble();
        Assert.True(stepSize > 0 && double.IsFinite(stepSize));
        Assert.Equal(1000, result.GetProperty("burnIn").GetInt32());
    }

    [Fact]
    public void Warm_up_draws_are_not_kept_and_the_seed_fixes_every_bit()
    {
        string[] Args(string seed, string file) => ["sample", CliRun.Example("ring.json"), "--sampler", "nuts", "--adapt", "--chains", "3",
            "--burn-in", "60", "--steps", "40", "--seed", seed, "--out", _temp.Path(file)];
        Assert.Equal(0, CliRun.Invoke(Args("3", "a.csv")).Code);
        Assert.Equal(0, CliRun.Invoke(Args("3", "b.csv")).Code);
        Assert.Equal(0, CliRun.Invoke(Args("4", "c.csv")).Code);
        var first = File.ReadAllLines(_temp.Path("a.csv"));
        Assert.Equal(1 + 3 * 40, first.Length);
        Assert.Equal(first, File.ReadAllLines(_temp.Path("b.csv")));
        Assert.NotEqual(first, File.ReadAllLines(_temp.Path("c.csv")));
        Assert.Equal(0, CliRun.Invoke("sample", CliRun.Example("ring.json"), "--sampler", "nuts", "--steps", "50", "--seed", "9", "--out", _temp.Path("d.csv")).Code);
        Assert.Equal(0, CliRun.Invoke("sample", CliRun.Example("ring.json"), "--sampler", "nuts", "--steps", "50", "--seed", "9", "--out", _temp.Path("e.csv")).Code);
        Assert.Equal(File.ReadAllText(_temp.Path("d.csv")), File.ReadAllText(_temp.Path("e.csv")));
    }

    [Fact]
    public void The_text_summary_names_the_adapted_tuning()
    {
        var outcome = CliRun.Invoke("sample", CliRun.Example("gaussian-2d.json"), "--sampler", "nuts", "--adapt", "--steps", "50");
        Assert.True(outcome.Code == 0, outcome.Err);
        Assert.Contains("adapted        step size ", outcome.Out);
        Assert.Contains("(warm-up: the 100 burn-in steps)", outcome.Out);
    }

    [Theory]
    [InlineData("mala", "100", "--adapt: tunes hmc and nuts only, not mala")]
    [InlineData("nuts", "19", "--adapt: needs --burn-in of at least 20 warm-up steps, got 19")]
    public void Misused_adapt_is_refused_with_exit_code_2(string sampler, string burnIn, string message)
    {
        var outcome = CliRun.Invoke("sample", CliRun.Example("gaussian-2d.json"), "--sampler", sampler, "--adapt", "--burn-in", burnIn);
        Assert.Equal(2, outcome.Code);
        Assert.Contains(message, outcome.Err);
        Assert.False(outcome.HasStackTrace);
        Assert.Equal("", outcome.Out);
    }

    [Fact]
    public void Nuts_does_not_apply_to_a_discrete_model()
    {
        var outcome = CliRun.Invoke("sample", CliRun.Example("ising-4x4.json"), "--sampler", "nuts");
        Assert.Equal(2, outcome.Code);
        Assert.Contains("--sampler: nuts does not apply to a ising model", outcome.Err);
    }
}
