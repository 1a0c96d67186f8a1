using Ebm.Cli.Estimation;
using Ebm.Functional.Cluster;
using Ebm.Functional.Estimation;
using Ebm.Functional.Shell.Execution;
using LanguageExt;
using MathNet.Numerics.Distributions;

namespace Ebm.Cli.Tests;

/// <summary>
/// <c>ebm logz --method smc --repetitions 1</c> on a cluster: one run whose 3,000 particles live in three blocks on the
/// workers and resample globally gives the local run's bits on in-process clusters of one, two and three workers, also
/// when a worker is lost mid-run; a run whose every worker is gone fails clearly; the estimate lands on the exact log Z.
/// </summary>
public sealed class SmcGlobalClusterTests
{
    /// <summary>Independent single runs in the exact-answer test.</summary>
    private const int Runs = 8;

    /// <summary>
    /// The probability that the exact-answer test fails although the estimator is right: the mean of <see cref="Runs"/>
    /// single runs over the standard error of their spread is Student t with 7 degrees of freedom, so the bound is its
    /// 1 − δ/2 quantile (k = 7.65).
    /// </summary>
    private const double FalseFailure = 1e-4;

    private static LogzRequest Request(string schedule, int steps = 40, ulong seed = 6, double threshold = 0.5) =>
        new("smc", 3000, steps, schedule, "auto", null, 1.0, seed, 0.2, 10, null, EssThreshold: threshold, Repetitions: 1);

    [Theory]
    [InlineData(1, "linear", "ising-4x4.json")]
    [InlineData(2, "adaptive", "ising-4x4.json")]
    [InlineData(3, "linear", "ising-4x4.json")]
    [InlineData(3, "adaptive", "ising-4x4.json")]
    [InlineData(2, "linear", "bernoulli-rbm-3x2.json")]
    public async Task One_run_on_an_in_process_cluster_gives_the_local_bits(int workers, string schedule, string example)
    {
        // Threshold 1 resamples at every step of the fixed schedule, so particles change block at every step.
        var request = Request(schedule, threshold: schedule == "linear" ? 1.0 : 0.5);
        var local = Expect(Estimate(example, request, null));
        await using var cluster = await InProcessCluster.Start(workers);
        var executor = new ClusterExecutor(cluster.Client, "test");
        var remote = Expect(Estimate(example, request, executor));
        Assert.Equal(BitConverter.DoubleToInt64Bits(local.LogZ), BitConverter.DoubleToInt64Bits(remote.LogZ));
        Assert.Equal(BitConverter.DoubleToInt64Bits(local.Ess), BitConverter.DoubleToInt64Bits(remote.Ess));
        Assert.True(local.Trace.LogZ.Span.SequenceEqual(remote.Trace.LogZ.Span));
        Assert.Equal(local.Warnings, remote.Warnings);
        Assert.Equal(local, remote);
        Assert.Equal(workers, executor.WorkersUsed.Count);
    }

    [Fact]
    public async Task A_worker_lost_mid_run_still_gives_the_local_bits()
    {
        var request = Request("linear", steps: 400, threshold: 1.0);
        var local = Expect(Estimate("ising-4x4.json", request, null));
        await using var cluster = await InProcessCluster.Start(3);
        var executor = new ClusterExecutor(cluster.Client, "test");
        var started = new TaskCompletionSource();
        var run = Task.Run(() => Estimate("ising-4x4.json", request, executor, new Callback(done => { if (done > 0.1) started.TrySetResult(); })));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.False(run.IsCompleted, "the run ended before a worker could be lost; give it more steps");
        // Each of the three workers holds one of the three blocks, so this one takes a block's particles with it.
        await cluster.KillSiloAsync(cluster.SecondarySilos[0]);
        var remote = Expect(await run.WaitAsync(TimeSpan.FromMinutes(3)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(local.LogZ), BitConverter.DoubleToInt64Bits(remote.LogZ));
        Assert.Equal(local, remote);
    }

    [Fact]
    public async Task Three_worker_processes_one_killed_mid_run_give_the_local_result()
    {
        var (primary, gateway) = (FreePort(), FreePort());
        using var a = EbmProcess.Start(".", "worker", "--cluster", "smc-kill", "--port", $"{primary}", "--gateway-port", $"{gateway}");
        Assert.True(a.WaitForOutput("Stop with Ctrl-C"), a.Error);
        using var b = EbmProcess.Start(".", "worker", "--cluster", "smc-kill", "--port", $"{FreePort()}", "--gateway-port", $"{FreePort()}", "--seed-node", $"127.0.0.1:{primary}");
        using var c = EbmProcess.Start(".", "worker", "--cluster", "smc-kill", "--port", $"{FreePort()}", "--gateway-port", $"{FreePort()}", "--seed-node", $"127.0.0.1:{primary}");
        Assert.True(b.WaitForOutput("Stop with Ctrl-C"), b.Error);
        Assert.True(c.WaitForOutput("Stop with Ctrl-C"), c.Error);
        string[] run = ["logz", CliRun.Example("ising-4x4.json"), "--method", "smc", "--repetitions", "1", "--particles", "3000", "--steps", "1500",
            "--ess-threshold", "1", "--seed", "11", "--json"];
        var remote = Task.Run(() => CliRun.Invoke([.. run, "--cluster", $"127.0.0.1:{gateway}", "--cluster-name", "smc-kill"]));
        // 1,500 steps, each a few round trips to every worker: seconds; the third worker, holding block 2, dies meanwhile.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(remote.IsCompleted, "the run ended before a worker could be killed; give it more steps");
        c.KillNow();
        var outcome = await remote.WaitAsync(TimeSpan.FromMinutes(4));
        var local = CliRun.Invoke(run);
        Assert.Equal(0, outcome.Code);
        Assert.Equal(Field(local.Out, "logZ"), Field(outcome.Out, "logZ"));
        Assert.Equal(Field(local.Out, "ess"), Field(outcome.Out, "ess"));
        Assert.Contains("\"workers\"", outcome.Out);
    }

    [Fact]
    public async Task A_run_whose_every_worker_is_gone_fails_with_a_clear_error()
    {
        var request = Request("linear", steps: 400, threshold: 1.0);
        await using var cluster = await InProcessCluster.Start(1);
        var executor = new ClusterExecutor(cluster.Client, "test");
        var started = new TaskCompletionSource();
        var run = Task.Run(() => Estimate("ising-4x4.json", request, executor, new Callback(done => { if (done > 0.1) started.TrySetResult(); })));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(120));
        await cluster.KillSiloAsync(cluster.Primary!);
        var error = (await run.WaitAsync(TimeSpan.FromMinutes(3))).Match(_ => throw new Xunit.Sdk.XunitException("expected a failure"), e => e);
        Assert.Equal(ClusterErrors.WorkersLostCode, error.Code);
        Assert.Contains("every worker of the cluster", error.Message);
    }

    [Fact]
    public async Task Single_runs_on_a_cluster_land_on_the_exact_log_z()
    {
        await using var cluster = await InProcessCluster.Start(2);
        var executor = new ClusterExecutor(cluster.Client, "test");
        var runs = Enumerable.Range(0, Runs).Select(seed => Expect(Estimate("ising-4x4.json", Request("linear", seed: 100UL + (ulong)seed, threshold: 1.0), executor))).ToArray();
        var mean = runs.Average(r => r.LogZ);
        var spread = Math.Sqrt(runs.Sum(r => (r.LogZ - mean) * (r.LogZ - mean)) / (Runs - 1) / Runs);
        var bound = StudentT.InvCDF(0.0, 1.0, Runs - 1, 1.0 - FalseFailure / 2);
        var exact = ExampleExact.LogZ("ising-4x4.json");
        Assert.InRange(mean, exact - bound * spread, exact + bound * spread);
    }

    private static Fin<LogZEstimate> Estimate(string example, LogzRequest request, IExecutor? executor, IProgress<double>? progress = null) =>
        from plan in LogzPlanner.Estimate(CliRun.Example(example), request, false)
        from estimate in EstimatorCatalog.Run(request.Method, new EstimationInput(plan.Model, plan.Resolved, progress)
        {
            Executor = executor ?? LocalExecutor.Instance,
        })
        select estimate;

    private static string Field(string json, string name) =>
        System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty(name).GetRawText();

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static LogZEstimate Expect(Fin<LogZEstimate> result) => result.Match(e => e, e => throw new Xunit.Sdk.XunitException(e.Message));


    private sealed class Callback(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
