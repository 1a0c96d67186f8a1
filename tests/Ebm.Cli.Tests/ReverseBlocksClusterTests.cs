using Ebm.Cli.Commands;
using Ebm.Cli.Estimation;
using Ebm.Functional.Cluster;
using Ebm.Functional.Estimation;
using Ebm.Functional.Shell.Execution;

namespace Ebm.Cli.Tests;

/// <summary>
/// <c>ebm logz --method reverse-ais|sandwich</c> on a cluster: in-process clusters of one, two and three workers give the
/// local run's bits, from exact target draws (the 4 × 4 torus, the 3 × 2 Bernoulli RBM) and from forward runs' particles
/// (the Gaussian-Bernoulli RBM, which has no exact sampler).
/// </summary>
public sealed class ReverseBlocksClusterTests
{
    /// <summary>
    /// 2,500 particles: three blocks of reverse AIS, and 1,250 per direction (two blocks) of the sandwich; the request's
    /// seed and schedule are those of a plain run.
    /// </summary>
    [Theory]
    [InlineData(1, "ising-4x4.json", true)]
    [InlineData(2, "ising-4x4.json", true)]
    [InlineData(3, "ising-4x4.json", true)]
    [InlineData(3, "bernoulli-rbm-3x2.json", true)]
    [InlineData(2, "gaussian-bernoulli-rbm-2x2.json", false)]
    public async Task Reverse_ais_and_the_sandwich_on_an_in_process_cluster_give_the_local_bits(int workers, string example, bool exactStart)
    {
        await using var cluster = await InProcessCluster.Start(workers);
        foreach (var method in new[] { "reverse-ais", "sandwich" })
        {
            var request = new LogzRequest(method, 2500, 60, "linear", "auto", null, 1.0, 5, 0.2, 10, null);
            var local = Estimate(example, request, null);
            var executor = new ClusterExecutor(cluster.Client, "test");
            var remote = Estimate(example, request, executor);
            Assert.Equal(method, remote.Method);
            Assert.Equal(exactStart, !local.Warnings.Exists(w => w.Code == EstimateWarnings.ApproximateTargetSamples));
            AssertSameBits(local, remote);
            foreach (var (l, r) in local.Parts.Zip(remote.Parts)) AssertSameBits(l, r);
            // Each worker takes a block while blocks remain: the sandwich's 1,250 particles a direction make two.
            var blocks = Functional.Estimators.AisBlocks.Count(method == "sandwich" ? 1250 : 2500);
            Assert.True(Math.Min(workers, blocks) == executor.WorkersUsed.Count, $"{method}: {executor.WorkersUsed.Count} workers used");
        }
    }

    [Fact]
    public void Reverse_ais_and_the_sandwich_are_methods_that_run_on_a_cluster()
    {
        Assert.Contains("reverse-ais", ClusterTarget.Methods);
        Assert.Contains("sandwich", ClusterTarget.Methods);
        var names = ClusterWorkCatalog.Catalog.Kinds.Keys.ToArray();
        Assert.Contains(ReverseBlockWork.ReverseName, names);
        Assert.Contains(ReverseBlockWork.SandwichName, names);
        // Past the method rule, the run fails only at the (unreachable) gateway.
        var outcome = CliRun.Invoke("logz", CliRun.Example("ising-4x4.json"), "--method", "sandwich", "--cluster", "127.0.0.1:1", "--cluster-timeout", "1");
        Assert.Equal(2, outcome.Code);
        Assert.DoesNotContain("runs on this machine only", outcome.Err);
    }

    [Fact]
    public void A_block_that_asks_for_exact_draws_a_model_does_not_have_is_an_error_value()
    {
        var request = new LogzRequest("reverse-ais", 100, 10, "linear", "block-gibbs", null, 1.0, 5, 0.2, 10, null);
        var model = File.ReadAllText(CliRun.Example("gaussian-bernoulli-rbm-2x2.json"));
        var input = new ReverseBlockInput(new AisBlockInput(model, request, [0.0, 0.5, 1.0], 1, 2, 100, 0), 3, 4, ExactStart: true);
        var encoded = ReverseBlockWork.ReverseRemote.Input.Write(input);
        var outcome = ClusterWorkCatalog.Catalog.Find(ReverseBlockWork.ReverseName).Bind(kind => kind.RunEncoded(encoded));
        Assert.True(outcome.IsFail);
        outcome.IfFail(e => Assert.Contains("has no exact sampler", e.Message));
        // The same block annealing its own start runs.
        var forward = ReverseBlockWork.ReverseRemote.Run(input with { ExactStart = false }, null);
        Assert.Equal(100, forward.Map(b => b.LogWeights.Length).IfFail(0));
    }

    private static void AssertSameBits(LogZEstimate local, LogZEstimate remote)
    {
        Assert.Equal(BitConverter.DoubleToInt64Bits(local.LogZ), BitConverter.DoubleToInt64Bits(remote.LogZ));
        Assert.Equal(BitConverter.DoubleToInt64Bits(local.StandardError), BitConverter.DoubleToInt64Bits(remote.StandardError));
        Assert.True(local.LogWeights.Span.SequenceEqual(remote.LogWeights.Span));
        Assert.True(local.Trace.LogZ.Span.SequenceEqual(remote.Trace.LogZ.Span));
        Assert.Equal(local.Warnings, remote.Warnings);
        Assert.Equal(local.Samples, remote.Samples);
    }

    private static LogZEstimate Estimate(string example, LogzRequest request, IExecutor? executor) =>
        (from plan in LogzPlanner.Estimate(CliRun.Example(example), request, false)
         from estimate in EstimatorCatalog.Run(request.Method, new EstimationInput(plan.Model, plan.Resolved, null)
         {
             Executor = executor ?? LocalExecutor.Instance,
         })
         select estimate).Match(e => e, e => throw new Xunit.Sdk.XunitException(e.Message));
}
