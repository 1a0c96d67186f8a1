using Ebm.Functional.Shell.Execution;
using Xunit;

namespace Ebm.Functional.Cluster.Tests;

/// <summary>
/// The cluster executor against the local one on in-process clusters of one, two and three workers: the same results
/// to the bit, in block order; a worker stopped mid-run has its blocks run elsewhere; errors and refusals end the run.
/// </summary>
public sealed class ClusterExecutorTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_cluster_gives_the_local_executors_bits(int silos)
    {
        var inputs = KeyedSums.Inputs(9);
        var local = Expect(LocalExecutor.Instance.Map(KeyedSums.Kind, inputs));
        await using var cluster = await TestClusters.Start(silos);
        var executor = new ClusterExecutor(cluster.Client, "test");
        var remote = Expect(executor.Map(KeyedSums.Kind, inputs));
        Assert.Equal(local.Select(BitConverter.DoubleToInt64Bits), remote.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(silos, executor.WorkersUsed.Count);
    }

    [Fact]
    public async Task A_worker_stopped_mid_run_has_its_blocks_run_on_the_others()
    {
        var inputs = KeyedSums.Inputs(12, pause: 400);
        var local = Expect(LocalExecutor.Instance.Map(KeyedSums.Kind, KeyedSums.Inputs(12)));
        await using var cluster = await TestClusters.Start(3);
        var executor = new ClusterExecutor(cluster.Client, "test");
        var started = new TaskCompletionSource();
        var progress = new Callback(done => { if (done > 0) started.TrySetResult(); });
        var run = Task.Run(() => executor.Map(KeyedSums.Kind, inputs, progress));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await cluster.KillSiloAsync(cluster.SecondarySilos[0]);
        var remote = Expect(await run.WaitAsync(TimeSpan.FromSeconds(120)));
        Assert.Equal(local.Select(BitConverter.DoubleToInt64Bits), remote.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public async Task A_run_whose_every_worker_is_gone_fails_naming_the_blocks_done()
    {
        var inputs = KeyedSums.Inputs(6, pause: 500);
        await using var cluster = await TestClusters.Start(1);
        var executor = new ClusterExecutor(cluster.Client, "test");
        var started = new TaskCompletionSource();
        var run = Task.Run(() => executor.Map(KeyedSums.Kind, inputs, new Callback(done => started.TrySetResult())));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await cluster.KillSiloAsync(cluster.Primary!);
        var result = await run.WaitAsync(TimeSpan.FromSeconds(120));
        var error = result.Match(_ => throw new Xunit.Sdk.XunitException("expected a failure"), e => e);
        Assert.Equal(ClusterErrors.WorkersLostCode, error.Code);
        Assert.Contains("of 6 blocks done", error.Message);
    }

    [Fact]
    public async Task A_blocks_own_error_ends_the_run_with_its_message()
    {
        await using var cluster = await TestClusters.Start(2);
        var result = new ClusterExecutor(cluster.Client, "test").Map(KeyedSums.Kind, KeyedSums.Inputs(5, failAt: 3));
        var error = result.Match(_ => throw new Xunit.Sdk.XunitException("expected a failure"), e => e);
        Assert.Contains("block 3 fails by request", error.Message);
    }

    [Fact]
    public async Task A_worker_of_another_version_refuses_naming_both_versions()
    {
        await using var cluster = await TestClusters.Start(1);
        var reply = await cluster.Client.GetGrain<IWorkGrain>(Guid.NewGuid())
            .Run(new WorkEnvelope(ClusterProtocol.Version, "0.0.0-other", KeyedSums.Kind.Name, "7 0 0 False"));
        Assert.Equal(WorkStatus.Refused, reply.Status);
        Assert.Equal(ClusterErrors.VersionMismatchCode, reply.Code);
        Assert.Contains("0.0.0-other", reply.Message);
        Assert.Contains(ClusterProtocol.LibraryVersion, reply.Message);
    }

    [Fact]
    public async Task Work_the_worker_does_not_know_fails_naming_what_it_knows()
    {
        await using var cluster = await TestClusters.Start(1);
        var reply = await cluster.Client.GetGrain<IWorkGrain>(Guid.NewGuid())
            .Run(new WorkEnvelope(ClusterProtocol.Version, ClusterProtocol.LibraryVersion, "test.nothing", ""));
        Assert.Equal(WorkStatus.Failed, reply.Status);
        Assert.Equal(ExecutionErrors.UnknownWorkCode, reply.Code);
        Assert.Contains(KeyedSums.Kind.Name, reply.Message);
    }

    private static IReadOnlyList<double> Expect(LanguageExt.Fin<IReadOnlyList<double>> result) =>
        result.Match(r => r, e => throw new Xunit.Sdk.XunitException(e.Message));

    private sealed class Callback(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
