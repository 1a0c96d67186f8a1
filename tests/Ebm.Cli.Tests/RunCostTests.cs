using System.Text.Json;
using Ebm.Cli.Cost;

namespace Ebm.Cli.Tests;

/// <summary>
/// The cost a run states before any work is the cost it then has: the stated energy evaluations of the estimate
/// equal those each estimator reports for fixed schedules, and bound them for adaptive ones.
/// </summary>
public sealed class RunCostTests
{
    /// <summary>Stages the estimators do not count in their own energyEvaluations (the cost states them apart).</summary>
    private static readonly string[] StagesOutsideTheEstimate = ["reference pilot", "schedule pilot", "exact target draws", "forward run"];

    private static (double Reported, double Stated, JsonElement Cost) Run(params string[] args)
    {
        var run = CliRun.Invoke(["logz", .. args, "--particles", "40", "--steps", "60", "--seed", "3", "--json"]);
        var json = run.Json();
        var cost = json.GetProperty("cost");
        var stated = cost.GetProperty("parts").EnumerateArray()
            .Where(p => !StagesOutsideTheEstimate.Contains(p.GetProperty("part").GetString()))
            .Sum(p => p.GetProperty("energyEvaluations").GetDouble());
        return (json.GetProperty("energyEvaluations").GetDouble(), stated, cost);
    }

    public static TheoryData<string, string, string[]> FixedSchedules()
    {
        var data = new TheoryData<string, string, string[]>();
        foreach (var method in new[] { "is", "ais", "reverse-ais", "sandwich", "smc", "bridge", "linked-is", "ti" })
        {
            foreach (var model in new[] { "ising-4x4.json", "bernoulli-rbm-3x2.json", "boltzmann-machine-3.json", "double-well.json", "gaussian-2d.json" })
            {
                // Bridge sampling counts one evaluation per chain step whatever the kernel, so only single-evaluation kernels compare.
                var kernel = method == "bridge" && model is "double-well.json" or "gaussian-2d.json" ? new[] { "--kernel", "mala" } : [];
                data.Add(method, model, kernel);
            }
        }

        data.Add("ais", "ising-4x4.json", ["--schedule", "salakhutdinov-murray"]);
        data.Add("smc", "ising-4x4.json", ["--schedule", "geometric", "--repetitions", "3"]);
        data.Add("linked-is", "ising-4x4.json", ["--kernel", "metropolis"]);
        data.Add("ti", "gaussian-2d.json", ["--kernel", "metropolis"]);
        data.Add("ais", "double-well.json", ["--reference-scale", "2"]);
        return data;
    }

    [Theory]
    [MemberData(nameof(FixedSchedules))]
    public void On_a_fixed_schedule_the_stated_evaluations_are_those_the_estimator_reports(string method, string model, string[] extra)
    {
        var (reported, stated, _) = Run([CliRun.Example(model), "--method", method, .. extra]);
        Assert.Equal(reported, stated);
    }

    [Theory]
    [InlineData("ais", "ising-4x4.json")]
    [InlineData("ti", "ising-4x4.json")]
    [InlineData("smc", "gaussian-2d.json")]
    [InlineData("linked-is", "boltzmann-machine-3.json")]
    public void Between_two_models_the_stated_evaluations_are_those_the_estimator_reports(string method, string model)
    {
        var (reported, stated, _) = Run([CliRun.Example(model), "--method", method, "--versus", CliRun.Example(model), "--beta", "0.5"]);
        Assert.Equal(reported, stated);
    }

    [Theory]
    [InlineData("ais")]
    [InlineData("reverse-ais")]
    [InlineData("sandwich")]
    [InlineData("smc")]
    public void On_an_adaptive_schedule_the_stated_evaluations_bound_those_reported(string method)
    {
        var (reported, stated, cost) = Run([CliRun.Example("ising-4x4.json"), "--method", method, "--schedule", "adaptive"]);
        Assert.InRange(reported, 1, stated);
        if (method != "smc")
            Assert.Contains(cost.GetProperty("parts").EnumerateArray(), p => p.GetProperty("part").GetString() == "schedule pilot");
    }

    [Fact]
    public void Bridge_sampling_with_hmc_is_stated_at_its_leapfrog_steps_per_chain_step()
    {
        // BridgeSampling reports one evaluation per chain step; an HMC step makes L = --leapfrog-steps of them, so the
        // stated cost exceeds the reported one by M (L - 1) over the M chain steps: 3 M at L = 4 and 6 M at L = 7, the
        // one exactly twice the other (a cost counting one evaluation a step would exceed it by 0, one counting L + 1 by 4 M and 7 M).
        double Excess(int leapfrogSteps)
        {
            var (reported, stated, _) = Run([CliRun.Example("gaussian-2d.json"), "--method", "bridge", "--leapfrog-steps", $"{leapfrogSteps}"]);
            return stated - reported;
        }

        var (four, seven) = (Excess(4), Excess(7));
        Assert.True(four > 0, $"the stated cost exceeds the reported one by {four} at 4 leapfrog steps");
        Assert.Equal(2 * four, seven);
    }

    [Fact]
    public void The_reference_pilot_of_a_continuous_model_is_stated_at_its_chains_steps_and_leapfrog_steps()
    {
        var (_, _, cost) = Run([CliRun.Example("double-well.json"), "--method", "ais", "--leapfrog-steps", "7"]);
        var pilot = cost.GetProperty("parts").EnumerateArray().Single(p => p.GetProperty("part").GetString() == "reference pilot");
        Assert.Equal(16.0 * 400 * 7, pilot.GetProperty("energyEvaluations").GetDouble());
        Assert.Equal(16.0 * 400 * 7 * 2, pilot.GetProperty("unitUpdates").GetDouble());
    }

    [Fact]
    public void The_json_cost_has_its_figures_the_budget_and_whether_it_was_forced()
    {
        var (_, _, cost) = Run([CliRun.Example("ising-4x4.json"), "--method", "ais"]);
        Assert.Equal(40.0 * (60 + 59), cost.GetProperty("energyEvaluations").GetDouble());
        Assert.Equal(40.0 * (60 + 59) * 16, cost.GetProperty("unitUpdates").GetDouble());
        Assert.True(cost.GetProperty("memoryBytes").GetDouble() > 0);
        Assert.Equal(RunBudget.MaxUnitUpdates, cost.GetProperty("budget").GetProperty("unitUpdates").GetDouble());
        Assert.Equal(RunBudget.MaxMemoryBytes, cost.GetProperty("budget").GetProperty("memoryBytes").GetDouble());
        Assert.False(cost.GetProperty("forced").GetBoolean());
    }

    [Fact]
    public void The_text_report_states_the_cost_in_its_header()
    {
        var run = CliRun.Invoke("logz", CliRun.Example("ising-4x4.json"), "--method", "ais", "--particles", "500", "--steps", "200");
        Assert.Equal(0, run.Code);
        Assert.Contains("\ncost           199500 energy evaluations, 3.2e6 unit updates, ", run.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Compare_states_the_sum_of_the_estimators_it_runs()
    {
        var run = CliRun.Invoke("logz", CliRun.Example("ising-4x4.json"), "--compare", "--particles", "40", "--steps", "60", "--json");
        var json = run.Json();
        var reported = json.GetProperty("methods").EnumerateArray().Sum(m => m.GetProperty("energyEvaluations").GetDouble());
        var stated = json.GetProperty("cost").GetProperty("parts").EnumerateArray()
            .Where(p => !StagesOutsideTheEstimate.Any(s => p.GetProperty("part").GetString()!.EndsWith(s, StringComparison.Ordinal)))
            .Sum(p => p.GetProperty("energyEvaluations").GetDouble());
        Assert.Equal(reported, stated);
    }

    [Fact]
    public void Sample_states_chains_times_steps_times_leapfrog_steps_and_the_traces_it_keeps()
    {
        var run = CliRun.Invoke("sample", CliRun.Example("gaussian-2d.json"), "--sampler", "hmc", "--chains", "3", "--steps", "200", "--burn-in", "50",
            "--thin", "2", "--leapfrog-steps", "5", "--json");
        var cost = run.Json().GetProperty("cost");
        Assert.Equal(3.0 * 250 * 5, cost.GetProperty("energyEvaluations").GetDouble());
        Assert.Equal(3.0 * 250 * 5 * 2, cost.GetProperty("unitUpdates").GetDouble());
        // The traces kept: 3 chains x 100 kept steps x (the energy and the two coordinates) doubles.
        Assert.True(cost.GetProperty("memoryBytes").GetDouble() >= 3.0 * 100 * (1 + 2) * sizeof(double));
    }

    [Fact]
    public void Thermo_states_the_transfer_matrix_updates_of_every_beta()
    {
        var run = CliRun.Invoke("thermo", CliRun.Example("ising-4x4.json"), "--beta", "0.1:1:0.1", "--json");
        var cost = run.Json().GetProperty("cost");
        var updates = Functional.Exact.IsingTransferMatrix.Updates(Functional.Models.IsingModel.Create(4, 4, 1.0, 0.0, Functional.Models.Boundary.Periodic)
            .Match(m => m, e => throw new InvalidOperationException(e.Head.Message)));
        Assert.Equal(10.0 * updates, cost.GetProperty("unitUpdates").GetDouble());
    }
}
