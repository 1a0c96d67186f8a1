using System.Globalization;
using System.Text.Json;
using Ebm.Functional.Exact;
using Ebm.Functional.Shell.ModelFiles;

namespace Ebm.Cli.Tests;

/// <summary>
/// <c>ebm logz</c> never prints a number it cannot stand behind without saying so: each case here used to print a
/// confident estimate (or a warning that understated it); now the JSON says <c>"reliable": false</c> with a warning
/// whose code names the reason, or the estimate is right. Models are written to a temporary directory; the RBMs are
/// generated from fixed formulas (<see cref="SineRbms"/>). Exact values are computed here (<see cref="ExampleExact"/>, the
/// library's exact method on the model built in the test), never read from the command's own <c>exact</c> block, which
/// is checked against them.
/// </summary>
public sealed class LogzReliabilityTests : IDisposable
{
    // |estimate - exact| <= 5 SE: a normal error exceeds it with probability < 1e-6.
    private const double ZBound = 5.0;

    // The command's exact block is the library's own exact method: it agrees with ours to round-off.
    private const double ExactAgreement = 1e-9;

    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>Precision diag(1e12, 1e-12, 1) and means of 1e6: HMC with step 0.2 diverges on every trajectory.</summary>
    private const string StiffGaussian =
        """{ "kind": "gaussian", "mean": [1e6, -1e6, 1e6], "precision": [[1e12, 0, 0], [0, 1e-12, 0], [0, 0, 1]] }""";

    [Theory]
    [InlineData("smc", "--repetitions", "2")]
    [InlineData("ais", "--particles", "20")]
    [InlineData("bridge", "--particles", "20")]
    [InlineData("ti", "--particles", "20")]
    public void A_kernel_that_diverges_on_a_stiff_far_off_gaussian_is_reported_as_a_sampler_failure(string method, string option, string value)
    {
        // SMC printed log Z = -5e23 with every repetition at "± Infinity" and ESS 256 of 256, without a warning.
        var model = _files.Write("stiff.json", StiffGaussian);
        var json = CliRun.Invoke("logz", model, "--method", method, "--steps", "100", option, value, "--json").Json();

        Assert.Contains("sampler-failure", Codes(json));
        Assert.False(json.GetProperty("reliable").GetBoolean());
        var text = CliRun.Invoke("logz", model, "--method", method, "--steps", "100", option, value);
        Assert.Contains("UNRELIABLE", text.Out);
        Assert.DoesNotContain("± Infinity", text.Out);
        Assert.Contains("ebm: warning: sampler-failure", text.Err);
        Assert.Contains("do not trust", text.Err);
    }

    [Fact]
    public void The_bridge_on_a_64_by_20_rbm_without_data_lands_on_the_exact_value_or_says_it_is_unreliable()
    {
        // The fixed-point iteration oscillated about the root and stopped 5 nats low (z = -3.4) with only "the iteration
        // reached its budget"; bisection finds the root, and the two sums resting on about one draw each are reported.
        var rbm = SineRbms.Smooth(64, 20, 1.4);
        var model = _files.Write("rbm64.json", ModelFile.Serialize(rbm));
        var json = CliRun.Invoke("logz", model, "--method", "bridge", "--particles", "20", "--steps", "200", "--json").Json();

        var (estimate, exact, se) = Numbers(json, Exact(rbm));
        Assert.InRange(estimate, exact - ZBound * se, exact + ZBound * se);
        Assert.DoesNotContain("bridge-not-converged", Codes(json));
        Assert.Contains("weight-degeneracy", Codes(json));
        Assert.False(json.GetProperty("reliable").GetBoolean());
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public void Thermodynamic_integration_with_frozen_chains_never_reports_a_zero_error_as_such(string chains)
    {
        // Weights and biases of +-1e3: the block-Gibbs chains never move, every point has MCSE 0, and the estimate
        // printed "± 0" with an interval of width 0, 2900 nats off, with only discretisation-error.
        var model = _files.Write("rbm-pm1e3.json", ModelFile.Serialize(SineRbms.Signed(12, 6, 1e3)));
        var json = CliRun.Invoke("logz", model, "--method", "ti", "--particles", chains, "--json").Json();

        var codes = Codes(json);
        Assert.Contains("poor-mixing", codes);
        Assert.Contains("invalid-standard-error", codes);
        Assert.False(json.GetProperty("reliable").GetBoolean());
    }

    [Fact]
    public void Reverse_ais_seven_errors_off_with_an_ess_of_9_of_50_is_flagged()
    {
        // 50 exact target draws, 5 steps: ESS 9.2 of 50 (above the old fixed 10%) and 7.5 standard errors high.
        var json = CliRun.Invoke("logz", CliRun.Example("ising-4x4.json"), "--method", "reverse-ais", "--particles", "50", "--steps", "5",
            "--seed", "10", "--json").Json();

        var (estimate, exact, se) = Numbers(json, ExampleExact.Ising4x4(1.0).LogZ);
        Assert.True(Math.Abs(estimate - exact) > ZBound * se, "the case is meant to be far off");
        Assert.Contains("weight-degeneracy", Codes(json));
        Assert.False(json.GetProperty("reliable").GetBoolean());
    }

    [Theory]
    [InlineData("0.5", "20", "3")]
    [InlineData("1", "20", "3")]
    public void Ais_with_a_two_point_schedule_file_is_flagged_and_reports_its_one_step(string beta, string particles, string seed)
    {
        // Plain importance sampling from the uniform distribution: 20 draws have an ESS of 6 to 8, above the old fixed
        // 10%, and miss log Z by 17 and 55 standard errors; the header and JSON said 1000 steps.
        var schedule = _files.Write("two-points.txt", "0\n1\n");
        var json = CliRun.Invoke("logz", CliRun.Example("ising-4x4.json"), "--method", "ais", "--schedule", schedule, "--beta", beta,
            "--particles", particles, "--seed", seed, "--json").Json();

        var (estimate, exact, se) = Numbers(json, ExampleExact.Ising4x4(double.Parse(beta, CultureInfo.InvariantCulture)).LogZ);
        Assert.True(Math.Abs(estimate - exact) > ZBound * se, "the case is meant to be far off");
        Assert.Contains("weight-degeneracy", Codes(json));
        Assert.Equal(1, json.GetProperty("steps").GetInt32());
    }

    [Fact]
    public void The_steps_reported_are_the_steps_run_for_a_file_a_named_schedule_and_a_pilot_placed_one()
    {
        var schedule = _files.Write("points.txt", "0 0.25 0.5 1\n");
        var fromFile = CliRun.Invoke("logz", CliRun.Example("boltzmann-machine-3.json"), "--method", "ais", "--schedule", schedule, "--particles", "10");
        Assert.Contains("ais: 10 particles, 3 steps, schedule", fromFile.Out);
        Assert.Equal(3, CliRun.Invoke("logz", CliRun.Example("boltzmann-machine-3.json"), "--method", "ais", "--schedule", schedule,
            "--particles", "10", "--json").Json().GetProperty("steps").GetInt32());

        var named = CliRun.Invoke("logz", CliRun.Example("boltzmann-machine-3.json"), "--method", "reverse-ais", "--schedule", "salakhutdinov-murray",
            "--particles", "4", "--json").Json();
        Assert.Equal(14_500, named.GetProperty("steps").GetInt32());

        // The pilot places as many points as keep each step's conditional ESS at 0.995: far fewer than --steps 777 here.
        var adaptive = CliRun.Invoke("logz", CliRun.Example("boltzmann-machine-3.json"), "--method", "ais", "--schedule", "adaptive",
            "--steps", "777", "--json").Json();
        var steps = adaptive.GetProperty("steps").GetInt32();
        Assert.InRange(steps, 1, 776);
    }

    [Theory]
    [InlineData("exact")]
    [InlineData("ais")]
    [InlineData("ti")]
    public void Versus_a_model_of_another_state_space_is_refused_by_every_method_before_any_work(string method)
    {
        // --method exact used to print the difference of two log Zs over different state spaces.
        var reference = _files.Write("gaussian.json", """{ "kind": "gaussian", "mean": [0, 0, 0], "precision": [[1, 0, 0], [0, 1, 0], [0, 0, 1]] }""");
        var run = CliRun.Invoke("logz", CliRun.Example("boltzmann-machine-3.json"), "--versus", reference, "--method", method);

        Assert.Equal(2, run.Code);
        Assert.Contains("--versus", run.Err);
        Assert.Contains("do not share a state space", run.Err);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Versus_between_models_of_one_state_space_still_runs()
    {
        var example = CliRun.Example("gaussian-bernoulli-rbm-2x2.json");
        var json = CliRun.Invoke("logz", example, "--versus", example, "--method", "exact", "--json").Json();
        Assert.Equal(0.0, json.GetProperty("logZ").GetDouble(), 12);
    }

    [Fact]
    public void Compare_with_a_reference_of_another_state_space_is_refused_before_any_work()
    {
        var reference = _files.Write("gaussian.json", """{ "kind": "gaussian", "mean": [0, 0, 0], "precision": [[1, 0, 0], [0, 1, 0], [0, 0, 1]] }""");
        var run = CliRun.Invoke("logz", CliRun.Example("boltzmann-machine-3.json"), "--versus", reference, "--compare");

        Assert.Equal(2, run.Code);
        Assert.Contains("do not share a state space", run.Err);
    }

    [Fact]
    public void A_healthy_estimate_is_reliable_and_reports_its_pareto_k()
    {
        var json = CliRun.Invoke("logz", CliRun.Example("boltzmann-machine-3.json"), "--method", "ais", "--particles", "400", "--steps", "300", "--json").Json();

        Assert.True(json.GetProperty("reliable").GetBoolean());
        Assert.Equal(JsonValueKind.Array, json.GetProperty("warnings").ValueKind);
        Assert.Empty(Codes(json));
        Assert.True(json.TryGetProperty("paretoK", out _));
    }

    private static string[] Codes(JsonElement json) =>
        json.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()!).ToArray();

    /// <summary>The estimate and its error, with the exact value computed by the test (the command's own must agree with it).</summary>
    private static (double Estimate, double Exact, double StandardError) Numbers(JsonElement json, double exact)
    {
        Assert.Equal(exact, json.GetProperty("exact").GetProperty("logZ").GetDouble(), ExactAgreement);
        return (json.GetProperty("logZ").GetDouble(), exact, json.GetProperty("standardError").GetDouble());
    }

    /// <summary>log Z(1) of an RBM built in the test, by the library's exact method (the layer sum).</summary>
    private static double Exact(Functional.Models.BernoulliRbm rbm) =>
        LogPartition.Exact(rbm, 1.0).Match(r => r.LogZ, e => throw new InvalidOperationException(e.Message));
}
