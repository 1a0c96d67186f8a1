using System.Globalization;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.Execution;
using LanguageExt;
using LanguageExt.Common;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Xunit;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Cluster.Tests;

/// <summary>
/// Stateful runs on in-process clusters (<see cref="IBlockExecutor"/>): blocks keep their state between calls on one,
/// two and three workers; a grain that holds no block says it is lost; a kind that is not stateful, a worker of another
/// version and a block's own error end the run clearly.
/// </summary>
public sealed class BlockExecutorTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Blocks_keep_their_state_between_calls_on_any_number_of_workers(int silos)
    {
        await using var cluster = await Start(silos);
        var executor = new ClusterExecutor(cluster.Client, "test");
        var inputs = Enumerable.Range(0, 5).Select(b => $"{b}").ToArray();
        var sums = Expect(executor.Run(RunningSums.Name, inputs, session =>
            from first in session.Call(Enumerable.Repeat<string?>("0", 5).ToArray())
            from second in session.Call(Enumerable.Range(0, 5).Select(b => b % 2 == 0 ? "1" : null).ToArray())
            select second.Zip(first, (s, f) => s ?? f).Select(r => double.Parse(r!, CultureInfo.InvariantCulture)).ToArray()));
        var expected = Enumerable.Range(0, 5).Select(b => Draw(b, 0) + (b % 2 == 0 ? Draw(b, 1) : 0.0)).ToArray();
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), sums.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(Math.Min(silos, 5), executor.WorkersUsed.Count);
    }

    [Fact]
    public async Task A_grain_that_holds_no_block_says_it_is_lost()
    {
        await using var cluster = await Start(1);
        var reply = await cluster.Client.GetGrain<IBlockGrain>("never-opened/0").Call("0");
        Assert.Equal(WorkStatus.Failed, reply.Status);
        Assert.Equal(ClusterErrors.BlockLostCode, reply.Code);
    }

    [Fact]
    public async Task A_kind_that_is_not_stateful_a_worker_of_another_version_and_a_blocks_error_end_the_run()
    {
        await using var cluster = await Start(1);
        var executor = new ClusterExecutor(cluster.Client, "test");
        var oneShot = executor.Run(KeyedSums.Kind.Name, ["1 0 0 False"], _ => FinSucc(0));
        Assert.Contains("is not stateful work", Failure(oneShot).Message);
        var failing = executor.Run(RunningSums.Name, ["0", "1"], session => session.Call(["0", "fail"]));
        Assert.Contains("fails by request", Failure(failing).Message);
        var refused = await cluster.Client.GetGrain<IBlockGrain>("other-version/0")
            .Open(new WorkEnvelope(ClusterProtocol.Version, "0.0.0-other", RunningSums.Name, "0"));
        Assert.Equal(WorkStatus.Refused, refused.Status);
        Assert.Equal(ClusterErrors.VersionMismatchCode, refused.Code);
    }

    private static double Draw(int block, int index) => RngKey.FromSeed(3).FoldIn(block).UniformAt(index);

    private static T Expect<T>(Fin<T> result) => result.Match(x => x, e => throw new Xunit.Sdk.XunitException(e.Message));

    private static Error Failure<T>(Fin<T> result) => result.Match(_ => throw new Xunit.Sdk.XunitException("expected a failure"), e => e);

    private static async Task<TestCluster> Start(int silos)
    {
        var builder = new TestClusterBuilder((short)silos);
        builder.AddSiloBuilderConfigurator<Configurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        await TestClusters.AllActive(cluster, silos);
        return cluster;
    }

    /// <summary>A stateful block: opened with its index, it adds uniform k of <c>RngKey.FromSeed(3).FoldIn(block)</c> per request "k" and answers the running sum.</summary>
    private static class RunningSums
    {
        public const string Name = "test.running-sum";

        public static StatefulWorkKind<int> Kind { get; } = new(
            Name,
            block => FinSucc(((IStatefulBlock)new Sum(block), "opened")),
            new WorkCodec<int>(b => b.ToString(CultureInfo.InvariantCulture), text => FinSucc(int.Parse(text, CultureInfo.InvariantCulture))));

        private sealed class Sum(int block) : IStatefulBlock
        {
            private double _total;

            public Fin<string> Handle(string request)
            {
                if (request == "fail") return FinFail<string>(Error.New(1, $"block {block} fails by request"));
                _total += Draw(block, int.Parse(request, CultureInfo.InvariantCulture));
                return FinSucc(_total.ToString("R", CultureInfo.InvariantCulture));
            }
        }
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            ClusterTimings.Apply(siloBuilder);
            siloBuilder.Services.AddSingleton(WorkCatalog.Of(KeyedSums.Kind, RunningSums.Kind));
        }
    }
}
