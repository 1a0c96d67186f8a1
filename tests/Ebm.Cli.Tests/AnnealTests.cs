using System.Text.Json;

namespace Ebm.Cli.Tests;

/// <summary>
/// ebm anneal end to end: the shipped Max-Cut and QUBO examples reach their known optima (Petersen graph: cut 12;
/// independent set of the 5-cycle: -2), lattices order, same seed gives the same result, and every bad input is a
/// one-line error with exit code 2.
/// </summary>
public sealed class AnnealTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void The_petersen_graph_is_cut_twelve_times_by_every_restart()
    {
        var json = CliRun.Invoke("anneal", "--maxcut", CliRun.Example("maxcut-petersen.txt"), "--sweeps", "200", "--restarts", "8", "--json").Json();
        Assert.Equal("max-cut", json.GetProperty("problem").GetString());
        Assert.Equal(12.0, json.GetProperty("cutValue").GetDouble());
        // E = sum_edges s_i s_j = W - 2 cut = 15 - 24.
        Assert.Equal(-9.0, json.GetProperty("bestEnergy").GetDouble());
        Assert.Equal(-9.0, json.GetProperty("groundEnergy").GetDouble());
        Assert.Equal(8, json.GetProperty("successes").GetInt32());
        Assert.Equal(200.0, json.GetProperty("sweepsToSolution").GetDouble());
        Assert.Equal(42UL, json.GetProperty("seed").GetUInt64());
    }

    [Fact]
    public void The_qubo_example_reaches_its_minimum_of_minus_two_with_two_non_adjacent_units()
    {
        var json = CliRun.Invoke("anneal", "--qubo", CliRun.Example("qubo-independent-set-c5.txt"), "--sweeps", "100", "--restarts", "4", "--json").Json();
        Assert.Equal(-2.0, json.GetProperty("quboObjective").GetDouble());
        Assert.Equal(-2.0, json.GetProperty("bestEnergy").GetDouble());
        var x = json.GetProperty("bestState").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(2.0, x.Sum());
        for (var i = 0; i < 5; i++) Assert.False(x[i] == 1 && x[(i + 1) % 5] == 1, $"units {i} and {(i + 1) % 5} are both on");
    }

    [Fact]
    public void An_ising_model_file_anneals_with_the_checkerboard_to_the_ordered_state()
    {
        var run = CliRun.Invoke("anneal", CliRun.Example("ising-4x4.json"), "--sweeps", "300", "--restarts", "4", "--schedule", "linear");
        Assert.Equal(0, run.Code);
        Assert.Contains("kernel checkerboard", run.Out);
        // 4 x 4 torus, J = 1: 32 bonds, E0 = -32.
        Assert.Contains("best energy: -32 ", run.Out);
        Assert.Contains("E0 = -32;", run.Out);
        Assert.Contains("seed 42", run.Out);
    }

    [Fact]
    public void The_same_seed_gives_the_same_result_and_another_seed_another_path()
    {
        string[] args = ["anneal", "--sk", "30", "--sweeps", "50", "--restarts", "3", "--schedule", "logarithmic", "--json"];
        var first = Without(CliRun.Invoke([.. args, "--seed", "7"]).Json());
        var again = Without(CliRun.Invoke([.. args, "--seed", "7"]).Json());
        var other = Without(CliRun.Invoke([.. args, "--seed", "8"]).Json());
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void The_plot_and_the_best_state_are_written()
    {
        var plot = _files.Path("energy.png");
        var state = _files.Path("best.txt");
        var run = CliRun.Invoke("anneal", "--ea", "4", "--bonds", "gaussian", "--sweeps", "100", "--restarts", "2", "--kernel", "gibbs", "--plot", plot, "--state", state);
        Assert.Equal(0, run.Code);
        Assert.Contains($"ebm: wrote {plot}", run.Err);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], File.ReadAllBytes(plot).Take(4).ToArray());
        var lines = File.ReadAllLines(state);
        Assert.StartsWith("# ebm anneal: best state of edwards-anderson (--ea 4 --bonds gaussian --instance-seed 1)", lines[0]);
        Assert.Equal(16, lines[1].Split(' ').Length);
        Assert.All(lines[1].Split(' '), v => Assert.True(v is "1" or "-1", v));
    }

    public static TheoryData<string[], string> BadRuns() => new()
    {
        { ["anneal"], "ebm: error: anneal: name one problem: MODEL.json, --maxcut FILE, --qubo FILE, --sk N or --ea L" },
        { ["anneal", "--sk", "10", "--ea", "3"], "2 problems given" },
        { ["anneal", "--sk", "1"], "ebm: error: --sk: spin glass: a Sherrington-Kirkpatrick instance has 2 to 4096 spins, not 1" },
        { ["anneal", "--ea", "65"], "--ea: spin glass: an Edwards-Anderson torus has a side of 2 to 64" },
        { ["anneal", "--sk", "10", "--kernel", "checkerboard"], "--kernel checkerboard does not apply to a boltzmann-machine model" },
        { ["anneal", "--sk", "10", "--t0", "1", "--t1", "2"], "cooling schedule: the schedule cools: T1 = 2 must not exceed T0 = 1" },
        { ["anneal", "--sk", "10", "--sweeps", "1"], "at least 2 sweeps, not 1" },
        { ["anneal", "--sk", "10", "--sweeps", "5000000", "--cycles", "3"], "--sweeps: 5000000 sweeps x 3 cycles is more than 10,000,000 sweeps per restart" },
        { ["anneal", "--sk", "10", "--restarts", "0"], "restarts must be at least 1, not 0" },
        { ["anneal", "--sk", "10", "--cycles", "0"], "cycles must be at least 1, not 0" },
        { ["anneal", "--sk", "10", "--schedule", "cubic"], "--schedule" },
        { ["anneal", "--sk", "1000", "--sweeps", "10000000", "--restarts", "100"], "lower --sweeps, --cycles or --restarts, or pass --force" },
    };

    [Theory]
    [MemberData(nameof(BadRuns))]
    public void Bad_runs_are_one_line_errors_with_exit_code_2(string[] args, string message)
    {
        var run = CliRun.Invoke(args);
        Assert.Equal(2, run.Code);
        Assert.False(run.HasStackTrace, run.Err);
        Assert.Contains(message, run.Err, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Bad_problem_files_name_the_file_and_line()
    {
        var graph = _files.Write("graph.txt", "3 2\n1 2\n2 7\n");
        var run = CliRun.Invoke("anneal", "--maxcut", graph);
        Assert.Equal(2, run.Code);
        Assert.Equal($"ebm: error: {graph}: line 3: vertex 7 is outside 1..3 (vertices count from 1)", run.Err.Trim());

        var matrix = _files.Write("q.txt", "1 2\n3 1\n");
        run = CliRun.Invoke("anneal", "--qubo", matrix);
        Assert.Equal(2, run.Code);
        Assert.Contains("Q is not symmetric: row 1, column 2 is 2 (line 1) but row 2, column 1 is 3 (line 2)", run.Err);

        run = CliRun.Invoke("anneal", "--qubo", _files.Path("missing.txt"));
        Assert.Equal(2, run.Code);
        Assert.Contains("missing.txt", run.Err);
    }

    [Fact]
    public void A_continuous_model_is_refused_and_a_model_without_a_scale_needs_t0()
    {
        var run = CliRun.Invoke("anneal", CliRun.Example("gaussian-2d.json"));
        Assert.Equal(2, run.Code);
        Assert.Contains("a gaussian model has no binary units to flip", run.Err);

        run = CliRun.Invoke("anneal", CliRun.Example("bernoulli-rbm-3x2.json"), "--sweeps", "20", "--restarts", "2");
        Assert.Equal(2, run.Code);
        Assert.Contains("--t0 is needed for a bernoulli-rbm model (--t1 defaults to T0 / 100)", run.Err);
        run = CliRun.Invoke("anneal", CliRun.Example("bernoulli-rbm-3x2.json"), "--sweeps", "20", "--restarts", "2", "--t0", "2");
        Assert.Equal(0, run.Code);
        Assert.Contains("T1 = 0.02", run.Out);
    }

    [Fact]
    public void An_output_that_is_the_input_is_refused_before_any_work()
    {
        var graph = _files.Write("graph.txt", "2 1\n1 2\n");
        var run = CliRun.Invoke("anneal", "--maxcut", graph, "--state", graph);
        Assert.Equal(2, run.Code);
        Assert.Equal("", run.Out);
        Assert.Equal("2 1\n1 2\n", File.ReadAllText(graph));
    }

    private static string Without(JsonElement json) =>
        string.Join(",", json.EnumerateObject().Where(p => p.Name is not ("seconds" or "cost")).Select(p => $"{p.Name}={p.Value.GetRawText()}"));
}
