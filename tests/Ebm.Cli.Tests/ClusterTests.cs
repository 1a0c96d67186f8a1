using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Ebm.Cli.Commands;
using Ebm.Cli.Estimation;
using Ebm.Cli.Thermo;
using Ebm.Functional.Shell.ModelFiles;
using Ebm.Functional.Thermo;
using Ebm.Functional.Cluster;
using Ebm.Functional.Estimation;
using Ebm.Functional.Shell.Execution;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Ebm.Cli.Tests;

/// <summary>
/// <c>ebm logz --method ais</c> on a cluster: in-process clusters of one, two and three workers give the local run's
/// bits; three <c>ebm worker</c> processes, one killed mid-run, still give them; bad addresses fail fast and clearly.
/// </summary>
public sealed class ClusterTests
{
    /// <summary>Three blocks (2,500 particles) of AIS on the 4 × 4 torus and on the 3 × 2 Bernoulli RBM.</summary>
    [Theory]
    [InlineData(1, "ising-4x4.json")]
    [InlineData(2, "ising-4x4.json")]
    [InlineData(3, "ising-4x4.json")]
    [InlineData(3, "bernoulli-rbm-3x2.json")]
    public async Task Ais_on_an_in_process_cluster_gives_the_local_bits(int workers, string example)
    {
        var request = new LogzRequest("ais", 2500, 60, "linear", "auto", null, 1.0, 5, 0.2, 10, null);
        var local = Estimate(example, request, null);
        var builder = new TestClusterBuilder((short)workers);
        builder.AddSiloBuilderConfigurator<Workers>();
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        await ClusterWait.AllActive(cluster);
        var executor = new ClusterExecutor(cluster.Client, "test");
        var remote = Estimate(example, request, executor);
        Assert.Equal(BitConverter.DoubleToInt64Bits(local.LogZ), BitConverter.DoubleToInt64Bits(remote.LogZ));
        Assert.Equal(BitConverter.DoubleToInt64Bits(local.StandardError), BitConverter.DoubleToInt64Bits(remote.StandardError));
        Assert.True(local.Trace.LogZ.Span.SequenceEqual(remote.Trace.LogZ.Span));
        Assert.Equal(local.Warnings, remote.Warnings);
        Assert.Equal(workers, executor.WorkersUsed.Count);
    }

    /// <summary>SMC's repetitions (4, fixed and adaptive tempering) as blocks on two workers: the local run's bits, parts included.</summary>
    [Theory]
    [InlineData("linear")]
    [InlineData("adaptive")]
    public async Task Smc_on_an_in_process_cluster_gives_the_local_bits(string schedule)
    {
        var request = new LogzRequest("smc", 800, 40, schedule, "auto", null, 1.0, 6, 0.2, 10, null, Repetitions: 4);
        var local = Estimate("ising-4x4.json", request, null);
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<Workers>();
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        await ClusterWait.AllActive(cluster);
        var executor = new ClusterExecutor(cluster.Client, "test");
        var remote = Estimate("ising-4x4.json", request, executor);
        Assert.Equal(BitConverter.DoubleToInt64Bits(local.LogZ), BitConverter.DoubleToInt64Bits(remote.LogZ));
        Assert.Equal(BitConverter.DoubleToInt64Bits(local.StandardError), BitConverter.DoubleToInt64Bits(remote.StandardError));
        Assert.Equal(local.Parts.Map(p => BitConverter.DoubleToInt64Bits(p.LogZ)), remote.Parts.Map(p => BitConverter.DoubleToInt64Bits(p.LogZ)));
        Assert.Equal(local.Warnings, remote.Warnings);
        Assert.Equal(local, remote);
        Assert.Equal(2, executor.WorkersUsed.Count);
    }

    /// <summary>Wang-Landau's walkers (4) as one-thread blocks on two workers: the local density, bit for bit.</summary>
    [Theory]
    [InlineData("ising-4x4.json")]
    [InlineData("potts-3x3.json")]
    public async Task Wang_landau_walkers_on_an_in_process_cluster_give_the_local_density(string example)
    {
        var model = ModelFile.Load(CliRun.Example(example)).Match(m => m, e => throw new Xunit.Sdk.XunitException(e.Message));
        var settings = new WangLandauSettings { Walkers = 4, FinalLogF = 1e-3 };
        var key = Ebm.Functional.Prng.RngKey.FromSeed(9);
        var local = WalkerWork.Run(LocalExecutor.Instance, key, model, settings, null).Match(d => d, e => throw new Xunit.Sdk.XunitException(e.Message));
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<Workers>();
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        await ClusterWait.AllActive(cluster);
        var executor = new ClusterExecutor(cluster.Client, "test");
        var remote = WalkerWork.Run(executor, key, model, settings, null).Match(d => d, e => throw new Xunit.Sdk.XunitException(e.Message));
        Assert.True(local.LogG.Span.SequenceEqual(remote.LogG.Span));
        Assert.True(local.LogGError.Span.SequenceEqual(remote.LogGError.Span));
        Assert.Equal(local.Sweeps, remote.Sweeps);
        Assert.Equal(2, executor.WorkersUsed.Count);
    }

    [Theory]
    [InlineData("dos", "--method", "exact", "--method exact counts on this machine only")]
    [InlineData("thermo", "--method", "exact", "--method exact runs on this machine only")]
    public void Dos_and_thermo_methods_that_do_not_run_on_a_cluster_are_exit_2(string command, string option, string value, string message)
    {
        string[] args = command == "thermo"
            ? [command, CliRun.Example("ising-4x4.json"), "--beta", "0.2:0.4:0.2", option, value, "--cluster", "127.0.0.1:1"]
            : [command, CliRun.Example("ising-4x4.json"), option, value, "--cluster", "127.0.0.1:1"];
        var outcome = CliRun.Invoke(args);
        Assert.Equal(2, outcome.Code);
        Assert.Contains(message, outcome.Err);
    }

    /// <summary>With --data the workers get the base-rate biases read here, not the file: the same bits as the local run.</summary>
    [Fact]
    public async Task Ais_with_a_data_set_on_a_cluster_gives_the_local_bits()
    {
        var data = Path.Combine(Path.GetTempPath(), $"ebm-cluster-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(data, ["1 0 1", "1 1 1", "0 0 1", "1 0 0", "1 0 1"]);
        try
        {
            var request = new LogzRequest("ais", 1500, 40, "linear", "block-gibbs", data, 1.0, 8, 0.2, 10, null);
            var local = Estimate("bernoulli-rbm-3x2.json", request, null);
            var builder = new TestClusterBuilder(2);
            builder.AddSiloBuilderConfigurator<Workers>();
            await using var cluster = builder.Build();
            await cluster.DeployAsync();
        await ClusterWait.AllActive(cluster);
            var remote = Estimate("bernoulli-rbm-3x2.json", request, new ClusterExecutor(cluster.Client, "test"));
            Assert.Equal(BitConverter.DoubleToInt64Bits(local.LogZ), BitConverter.DoubleToInt64Bits(remote.LogZ));
            Assert.Equal(BitConverter.DoubleToInt64Bits(local.StandardError), BitConverter.DoubleToInt64Bits(remote.StandardError));
        }
        finally
        {
            File.Delete(data);
        }
    }

    [Fact]
    public async Task Three_worker_processes_one_killed_mid_run_give_the_local_result()
    {
        var (primary, gateway) = (FreePort(), FreePort());
        using var a = EbmProcess.Start(".", "worker", "--cluster", "kill-test", "--port", $"{primary}", "--gateway-port", $"{gateway}");
        Assert.True(a.WaitForOutput("Stop with Ctrl-C"), a.Error);
        using var b = EbmProcess.Start(".", "worker", "--cluster", "kill-test", "--port", $"{FreePort()}", "--gateway-port", $"{FreePort()}", "--seed-node", $"127.0.0.1:{primary}");
        using var c = EbmProcess.Start(".", "worker", "--cluster", "kill-test", "--port", $"{FreePort()}", "--gateway-port", $"{FreePort()}", "--seed-node", $"127.0.0.1:{primary}");
        Assert.True(b.WaitForOutput("Stop with Ctrl-C"), b.Error);
        Assert.True(c.WaitForOutput("Stop with Ctrl-C"), c.Error);
        string[] run = ["logz", CliRun.Example("ising-4x4.json"), "--method", "ais", "--particles", "8000", "--steps", "1500", "--seed", "11", "--json"];
        var remote = Task.Run(() => CliRun.Invoke([.. run, "--cluster", $"127.0.0.1:{gateway}", "--cluster-name", "kill-test"]));
        // The eight blocks take seconds on each worker; the third worker dies while the run is under way.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(remote.IsCompleted, "the run ended before a worker could be killed; give it more work");
        c.KillNow();
        var outcome = await remote.WaitAsync(TimeSpan.FromMinutes(3));
        var local = CliRun.Invoke(run);
        Assert.Equal(0, outcome.Code);
        Assert.Equal(Field(local.Out, "logZ"), Field(outcome.Out, "logZ"));
        Assert.Equal(Field(local.Out, "standardError"), Field(outcome.Out, "standardError"));
        Assert.Contains("\"workers\"", outcome.Out);
    }

    [Fact]
    public void A_gateway_that_does_not_answer_is_exit_2_within_its_timeout()
    {
        var clock = Stopwatch.StartNew();
        var outcome = CliRun.Invoke("logz", CliRun.Example("ising-4x4.json"), "--method", "ais", "--cluster", $"127.0.0.1:{FreePort()}", "--cluster-timeout", "2");
        Assert.Equal(2, outcome.Code);
        Assert.Contains("no worker of cluster \"ebm\" answered", outcome.Err);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("--cluster", "nohost", "is not HOST:PORT")]
    [InlineData("--cluster", "127.0.0.1:70000", "is not a number in 1..65535")]
    [InlineData("--cluster-name", "no spaces", "is not a cluster name")]
    [InlineData("--cluster-timeout", "0", "--cluster-timeout")]
    public void Bad_cluster_options_are_exit_2_naming_the_option(string option, string value, string message)
    {
        string[] args = option == "--cluster"
            ? ["logz", CliRun.Example("ising-4x4.json"), "--method", "ais", option, value]
            : ["logz", CliRun.Example("ising-4x4.json"), "--method", "ais", "--cluster", "127.0.0.1:1", option, value];
        var outcome = CliRun.Invoke(args);
        Assert.Equal(2, outcome.Code);
        Assert.Contains(message, outcome.Err);
        Assert.StartsWith("ebm: error: ", outcome.Err);
    }

    [Fact]
    public void Methods_and_inputs_that_do_not_run_on_a_cluster_are_exit_2()
    {
        var outcome = CliRun.Invoke("logz", CliRun.Example("ising-4x4.json"), "--method", "bridge", "--cluster", "127.0.0.1:1");
        Assert.Equal(2, outcome.Code);
        Assert.Contains("--method bridge runs on this machine only", outcome.Err);
    }

    [Theory]
    [InlineData("--port", "0")]
    [InlineData("--seed-node", "nohost")]
    [InlineData("--cluster", "bad name")]
    public void Bad_worker_options_are_exit_2(string option, string value)
    {
        var outcome = CliRun.Invoke("worker", option, value);
        Assert.Equal(2, outcome.Code);
        Assert.StartsWith("ebm: error: ", outcome.Err);
    }

    private static LogZEstimate Estimate(string example, LogzRequest request, IExecutor? executor) =>
        (from plan in LogzPlanner.Estimate(CliRun.Example(example), request, false)
         from estimate in EstimatorCatalog.Run(request.Method, new EstimationInput(plan.Model, plan.Resolved, null)
         {
             Executor = executor ?? Ebm.Functional.Shell.Execution.LocalExecutor.Instance,
         })
         select estimate).Match(e => e, e => throw new Xunit.Sdk.XunitException(e.Message));

    private static string Field(string json, string name) =>
        System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty(name).GetRawText();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Workers : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            ClusterTimings.Apply(siloBuilder);
            siloBuilder.Services.AddSingleton(ClusterWorkCatalog.Catalog);
        }
    }
}
