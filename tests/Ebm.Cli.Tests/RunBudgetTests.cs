using Ebm.Cli.Cost;
using Ebm.Cli.Estimation;
using Ebm.Functional.Exact;
using Ebm.Functional.Numerics;

namespace Ebm.Cli.Tests;

/// <summary>
/// A run over the budget (1e11 unit updates or 4 GiB) is refused before any work with exit code 2 and its cost,
/// unless --force; option values whose arithmetic would not be representable are refused naming the option.
/// </summary>
public sealed class RunBudgetTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    private static void AssertRefused(CliOutcome run, params string[] expected)
    {
        Assert.Equal(2, run.Code);
        Assert.Equal("", run.Out);
        Assert.StartsWith("ebm: error: this run would need ", run.Err);
        Assert.Contains("or pass --force to run it anyway", run.Err);
        foreach (var text in expected) Assert.Contains(text, run.Err);
        Assert.False(run.HasStackTrace);
    }

    [Fact]
    public void Two_billion_leapfrog_steps_are_refused_at_once_naming_the_cost()
    {
        // Before: the HMC pilot alone ran 16 x 400 x 2e9 gradient evaluations, silently.
        var run = CliRun.Invoke("logz", CliRun.Example("double-well.json"), "--method", "ais", "--leapfrog-steps", "2000000000");
        AssertRefused(run, "4.3e14 unit updates (budget 1.0e11)", "reference pilot 1.3e13", "estimate 2.0e14", "--leapfrog-steps");
    }

    [Fact]
    public void The_largest_particles_and_steps_are_refused()
    {
        var run = CliRun.Invoke("logz", CliRun.Example("ising-4x4.json"), "--method", "smc", "--particles", "10000000", "--steps", "100000000");
        AssertRefused(run, "unit updates (budget 1.0e11)", "--particles, --steps");
    }

    [Fact]
    public void Importance_sampling_that_would_hold_more_than_4_GiB_of_draws_is_refused_for_its_memory()
    {
        var run = CliRun.Invoke("logz", CliRun.Example("ising-4x4.json"), "--method", "is", "--particles", "10000000", "--steps", "1000");
        AssertRefused(run, "GiB of memory (budget 4.0 GiB)");
    }

    [Fact]
    public void Compare_is_refused_when_its_estimators_together_are_over_the_budget()
    {
        var run = CliRun.Invoke("logz", CliRun.Example("gaussian-2d.json"), "--compare", "--leapfrog-steps", "100000000");
        AssertRefused(run, "ais: estimate", "ti: estimate");
    }

    [Fact]
    public void Sampling_that_would_keep_too_long_a_trace_is_refused()
    {
        // 10,000 chains x 30,000 kept steps x 3 traces = 9e8 doubles: one array holds them, the memory budget does not.
        var run = CliRun.Invoke("sample", CliRun.Example("gaussian-2d.json"), "--sampler", "metropolis", "--chains", "10000", "--steps", "30000");
        AssertRefused(run, "of memory (budget 4.0 GiB)", "chains ", "--chains, --steps");
    }

    [Fact]
    public void A_thermo_sweep_enumerating_2_to_the_30_states_at_ten_thousand_betas_is_refused()
    {
        var zeros = string.Join(",", Enumerable.Repeat("[" + string.Join(",", Enumerable.Repeat("0", 30)) + "]", 30));
        var model = _files.Write("bm30.json", $$"""{"kind": "boltzmann-machine", "states": "spin", "couplings": [{{zeros}}], "biases": [{{string.Join(",", Enumerable.Repeat("0", 30))}}]}""");
        var run = CliRun.Invoke("thermo", model, "--beta", "0.001:10:0.001");
        AssertRefused(run, "exact sweep 1.1e13", "the number of betas");
    }

    [Fact]
    public void Force_lets_a_run_over_the_budget_through_and_the_json_says_so()
    {
        var over = RunCost.Of(CostPart.Of("estimate", 1e12, 1000, 1));
        Assert.True(RunBudget.Check(over, force: false, "--steps").IsFail);
        Assert.True(RunBudget.Check(over, force: true, "--steps").IsSucc);

        var run = CliRun.Invoke("logz", CliRun.Example("ising-4x4.json"), "--method", "ais", "--particles", "20", "--steps", "20", "--force", "--json");
        Assert.True(run.Json().GetProperty("cost").GetProperty("forced").GetBoolean());
    }

    [Fact]
    public void The_defaults_of_every_estimator_on_the_largest_example_are_within_the_budget()
    {
        foreach (var method in EstimatorCatalog.Names)
        {
            var request = new LogzRequest(method, 100, 1000, "linear", "block-gibbs", null, 1.0, 42, 0.2, 10, null);
            // The README's performance model: a 784 x 500 Bernoulli RBM (only its size matters to the cost).
            var rbm = Functional.Models.BernoulliRbm.Create(Mat.Create(784, 500, _ => { }), Vec.Zeros(784), Vec.Zeros(500))
                .Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
            var kernel = method is "is" or "bridge" ? "gibbs" : method == "linked-is" ? "gibbs" : "block-gibbs";
            var cost = EstimatorCost.For(rbm, request with { Kernel = kernel }, null).Match(c => c, e => throw new InvalidOperationException(e.Message));
            Assert.True(RunBudget.Check(cost, force: false, "").IsSucc, $"{method}: {cost.Text()}");
        }
    }

    [Theory]
    [InlineData("1e308")]
    [InlineData("1e-300")]
    [InlineData("1e151")]
    [InlineData("1e-151")]
    public void A_reference_scale_whose_gaussian_is_not_representable_is_bad_input_naming_the_option(string scale)
    {
        // Before: exit code 1, "internal error: precision: is not positive definite" (1e308) or "... not a finite number" (1e-300).
        var run = CliRun.Invoke("logz", CliRun.Example("gaussian-2d.json"), "--method", "ais", "--reference-scale", scale);
        Assert.Equal(2, run.Code);
        Assert.StartsWith("ebm: error: --reference-scale: must lie between 1e-150 and 1e150", run.Err);
    }

    [Theory]
    [InlineData(GaussianReference.MinScale)]
    [InlineData(GaussianReference.MaxScale)]
    public void At_the_bounds_the_reference_and_the_energy_of_a_draw_40_deviations_out_are_finite(double scale)
    {
        var reference = Ebm.Functional.Annealing.GaussianReference.Diagonal(Vec.Zeros(3), Vec.Filled(3, scale)).ThrowIfFail();
        Assert.True(double.IsFinite(reference.Energy([40 * scale, -40 * scale, 40 * scale])));
        Assert.True(double.IsFinite(GaussianExact.Compute(reference, 1.0).LogZ));
    }
}
