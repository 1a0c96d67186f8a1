using Ebm.Cli.Commands;
using Ebm.Cli.Output;
using Ebm.Cli.Thermo;
using Ebm.Functional.Cluster;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Plots;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.Execution;
using Ebm.Functional.Shell.ModelFiles;
using Ebm.Functional.Thermo;
using LanguageExt;

namespace Ebm.Cli.Tests;

/// <summary>
/// <c>ebm thermo --method ais --cluster</c>: the run's blocks of 1,024 particles on in-process clusters of one, two and
/// three workers give the local points bit for bit, and the command prints the local lines.
/// </summary>
public sealed class ThermoAisClusterTests
{
    private static readonly double[] Betas = [0.2, 0.4, 0.6];

    private static IEnergyModel Model(string example) =>
        ModelFile.Load(CliRun.Example(example)).Match(m => m, e => throw new InvalidOperationException(e.Message));

    [Theory]
    [InlineData(1, "ising-4x4.json", 2500)]
    [InlineData(2, "ising-4x4.json", 2500)]
    [InlineData(3, "ising-4x4.json", 2500)]
    [InlineData(2, "potts-3x3.json", 2100)]
    [InlineData(2, "ising-4x4.json", 700)]
    public async Task The_blocks_on_an_in_process_cluster_give_the_local_points(int workers, string example, int particles)
    {
        var (model, key, settings) = (Model(example), RngKey.FromSeed(11), new AnnealedSettings(particles, 2, 1));
        var local = Ok(AnnealedBlockWork.Run(LocalExecutor.Instance, key, model, Betas, settings, null));
        Assert.Equal(Ok(ThermoSweep.Annealed(key, model, Betas, settings)), local);
        await using var cluster = await InProcessCluster.Start(workers);
        var executor = new ClusterExecutor(cluster.Client, "test");
        var remote = Ok(AnnealedBlockWork.Run(executor, key, model, Betas, settings, null));
        Assert.Equal(local, remote);
        Assert.Equal(Math.Min(workers, ThermoSweep.AnnealedBlockCount(particles)), executor.WorkersUsed.Count);
    }

    [Fact]
    public async Task The_command_on_a_cluster_prints_the_local_lines()
    {
        var request = new ThermoRequest(CliRun.Example("ising-4x4.json"), "0.2:0.6:0.2", ThermoMethods.Ais, ExactMethod.Auto, Json: true, null, null,
            ThermoAxis.Beta, Seed: 5, Replicas: 2100, Steps: 1);
        var local = Run(request, LocalExecutor.Instance);
        await using var cluster = await InProcessCluster.Start(2);
        var remote = Run(request, new ClusterExecutor(cluster.Client, "test"));
        Assert.Equal(0, local.Code);
        Assert.Equal(0, remote.Code);
        Assert.Equal(WithoutTime(local.Out), WithoutTime(remote.Out));
        Assert.Contains("\"method\": \"ais\"", local.Out);
    }

    private static (int Code, string Out) Run(ThermoRequest request, IExecutor executor)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = ThermoRun.Run(new CliContext(stdout, stderr, false, false, false), executor, request);
        return (code, stdout.ToString() + stderr);
    }

    private static string WithoutTime(string json) =>
        string.Join('\n', json.Split('\n').Where(line => !line.Contains("\"seconds\"")));

    private static T Ok<T>(Fin<T> value) => value.Match(v => v, e => throw new Xunit.Sdk.XunitException(e.Message));
}
