using Ebm.Cli.Commands;
using Ebm.Cli.Output;
using Ebm.Cli.Thermo;
using Ebm.Functional.Cluster;
using Ebm.Functional.Exact;
using Ebm.Functional.Numerics;
using Ebm.Functional.Plots;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.Execution;
using Ebm.Functional.Shell.ModelFiles;
using Ebm.Functional.Thermo;
using LanguageExt;

namespace Ebm.Cli.Tests;

/// <summary>
/// <c>ebm thermo --method pt|reweighting</c> on a cluster: the rungs live in blocks on the workers of in-process clusters
/// of one, two and three workers, and the command prints what it prints locally, bit for bit (table and JSON, less the
/// run time); a worker lost mid-run still gives the local samples; a model pt has no kernel for is refused as locally.
/// </summary>
public sealed class TemperingClusterTests
{
    [Theory]
    [InlineData(1, "pt", "ising-4x4.json", false)]
    [InlineData(2, "pt", "ising-4x4.json", true)]
    [InlineData(3, "pt", "ising-4x4.json", false)]
    [InlineData(1, "reweighting", "ising-4x4.json", true)]
    [InlineData(2, "reweighting", "ising-4x4.json", false)]
    [InlineData(3, "reweighting", "ising-4x4.json", true)]
    [InlineData(2, "pt", "potts-3x3.json", true)]
    [InlineData(3, "reweighting", "potts-3x3.json", false)]
    public async Task Thermo_on_an_in_process_cluster_prints_the_local_output(int workers, string method, string example, bool json)
    {
        var request = Request(example, method, json);
        var local = Thermo(request, LocalExecutor.Instance);
        await using var cluster = await InProcessCluster.Start(workers);
        var executor = new ClusterExecutor(cluster.Client, "test");
        var remote = Thermo(request, executor);
        Assert.Equal(0, local.Code);
        Assert.Equal(local.Code, remote.Code);
        Assert.Equal(WithoutSeconds(local.Out, json), WithoutSeconds(remote.Out, json));
        Assert.Equal(workers, executor.WorkersUsed.Count);
    }

    [Fact]
    public async Task A_worker_lost_mid_run_still_gives_the_local_samples()
    {
        var model = Model("ising-4x4.json");
        var (key, betas, settings) = (RngKey.FromSeed(5), new[] { 0.2, 0.3, 0.4, 0.5, 0.6 }, new TemperingSettings(Chains: 4, Sweeps: 3000, BurnIn: 100));
        var local = Expect(TemperingGlobalWork.Sample(LocalExecutor.Instance, key, model, betas, settings, null));
        await using var cluster = await InProcessCluster.Start(3);
        var executor = new ClusterExecutor(cluster.Client, "test");
        var started = new TaskCompletionSource();
        var run = Task.Run(() => TemperingGlobalWork.Sample(executor, key, model, betas, settings, new Callback(done => { if (done > 0.1) started.TrySetResult(); })));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(120));
        Assert.False(run.IsCompleted, "the run ended before a worker could be lost; give it more sweeps");
        // Six blocks on three workers: this one takes two blocks' rungs and traces with it.
        await cluster.KillSiloAsync(cluster.SecondarySilos[0]);
        AssertSameBits(local, Expect(await run.WaitAsync(TimeSpan.FromMinutes(3))));
    }

    /// <summary>Traces that come back in 34 slices of 6 sweeps (each reply at most 100 numbers) are the local traces.</summary>
    [Fact]
    public async Task Traces_in_many_slices_are_the_local_traces()
    {
        var model = Model("potts-3x3.json");
        var (key, betas, settings) = (RngKey.FromSeed(9), new[] { 0.2, 0.3, 0.4, 0.5, 0.6 }, new TemperingSettings(Chains: 4, Sweeps: 200, BurnIn: 10));
        var local = Expect(TemperingGlobalWork.Sample(LocalExecutor.Instance, key, model, betas, settings, null));
        await using var cluster = await InProcessCluster.Start(2);
        var remote = Expect(TemperingGlobalWork.Sample(new ClusterExecutor(cluster.Client, "test"), key, model, betas, settings, null, sliceNumbers: 100));
        AssertSameBits(local, remote);
    }

    [Fact]
    public async Task Pt_on_a_continuous_model_is_refused_on_a_cluster_as_locally()
    {
        var request = Request("gaussian-2d.json", "pt", false);
        var local = Thermo(request, LocalExecutor.Instance);
        await using var cluster = await InProcessCluster.Start(1);
        var remote = Thermo(request, new ClusterExecutor(cluster.Client, "test"));
        Assert.Equal(2, local.Code);
        Assert.Equal(local.Code, remote.Code);
        Assert.Equal(local.Err, remote.Err);
    }

    [Fact]
    public void Exact_thermo_is_still_refused_with_cluster_and_names_the_methods_that_run_there()
    {
        var outcome = CliRun.Invoke("thermo", CliRun.Example("ising-4x4.json"), "--beta", "0.2:0.4:0.2", "--method", "exact", "--cluster", "127.0.0.1:1");
        Assert.Equal(2, outcome.Code);
        Assert.Contains("on a cluster: pt, reweighting, wang-landau", outcome.Err);
    }

    private static void AssertSameBits(TemperingSamples local, TemperingSamples remote)
    {
        Assert.Equal(local.Betas, remote.Betas);
        Assert.Equal((local.Units, local.LogZAtZero), (remote.Units, remote.LogZAtZero));
        Assert.Equal(local.Energies.Count, remote.Energies.Count);
        foreach (var (l, r) in local.Energies.Zip(remote.Energies)) Assert.True(l.Span.SequenceEqual(r.Span));
        Assert.Equal(local.Magnetisations.IsSome, remote.Magnetisations.IsSome);
        var (lm, rm) = (local.Magnetisations.IfNone(Seq<Mat>.Empty), remote.Magnetisations.IfNone(Seq<Mat>.Empty));
        Assert.Equal(lm.Count, rm.Count);
        foreach (var (l, r) in lm.Zip(rm)) Assert.True(l.Span.SequenceEqual(r.Span));
    }

    private static ThermoRequest Request(string example, string method, bool json) =>
        new(CliRun.Example(example), "0.2:0.6:0.1", method, ExactMethod.Auto, json, null, null, ThermoAxis.Beta, Seed: 7, Replicas: 3, Steps: 200, BurnIn: 50);

    private static CliOutcome Thermo(ThermoRequest request, IExecutor executor)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = ThermoRun.Run(new CliContext(stdout, stderr, false, false, false), executor, request);
        return new CliOutcome(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The output less the run time, the one field that differs between two runs of the same sample.</summary>
    private static string WithoutSeconds(string output, bool json)
    {
        if (!json) return output;
        var node = System.Text.Json.Nodes.JsonNode.Parse(output)!.AsObject();
        Assert.True(node.Remove("seconds"));
        return node.ToJsonString();
    }

    private static Functional.Models.IEnergyModel Model(string example) => ModelFile.Load(CliRun.Example(example)).Match(m => m, e => throw new Xunit.Sdk.XunitException(e.Message));

    private static TemperingSamples Expect(Fin<TemperingSamples> result) => result.Match(s => s, e => throw new Xunit.Sdk.XunitException(e.Message));


    private sealed class Callback(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
