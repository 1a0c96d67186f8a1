using Ebm.Functional.Estimators;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Execution;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Estimation;

/// <summary>
/// The blocks of a global SMC run as the coordinator sees them on a cluster (<see cref="ISmcBlockHost"/> over an
/// <see cref="IBlockSession"/>): log densities come back from every block at once; at a resampling the particles that
/// change block go from their block to the coordinator and on to the block that receives them.
/// </summary>
/// <remarks>
/// Particles travel through the coordinator rather than from grain to grain: the grains never call each other, so no
/// two of them can wait on each other, and every failure reaches the one place that restarts the run. The price is a
/// second hop for the particles that move; the plan moves only those that change block, each once per receiving block.
/// </remarks>
/// <param name="session">The run's open blocks.</param>
internal sealed class SmcClusterHost(IBlockSession session) : ISmcBlockHost
{
    private static readonly WorkCodec<SmcBlockRequest> Requests = WorkCodec<SmcBlockRequest>.Json("an SMC block's request");

    /// <summary>
    /// Four halvings per request: adaptive tempering's bisection (about 40 halvings a step) then costs about 10 round trips
    /// a step instead of 40, for 15 log-density evaluations per request instead of 1 (cheap next to a round trip).
    /// </summary>
    public int BisectionLookahead => 4;

    /// <summary>The blocks drew their base particles when they opened.</summary>
    public Fin<Unit> Start() => FinSucc(unit);

    public Fin<Vec[]> LogDensities(IReadOnlyList<double> points)
    {
        var request = Requests.Write(new SmcBlockRequest("densities", Points: [.. points]));
        return Ask(Enumerable.Repeat<string?>(request, session.Blocks).ToArray()).Bind(replies =>
            replies.All(r => r.Densities?.Length == points.Count)
                ? FinSucc(SmcCoordinator.Gather(points.Count, replies.Select(r => r.Densities!.Select(d => Vec.Of(SmcParticleCodec.FromDoubles(d))).ToArray()).ToArray()))
                : FinFail<Vec[]>(ExecutionErrors.BadMessage("an SMC block's reply", $"log densities at other than the {points.Count} points asked for")));
    }

    public Fin<Seq<IAcceptanceInfo>> Advance(int step, double point, SmcTransferPlan? plan)
    {
        var received = Enumerable.Range(0, session.Blocks).Select(_ => new List<string>()).ToArray();
        if (plan is not null)
        {
            var outgoing = Enumerable.Range(0, session.Blocks).Select(plan.Outgoing).ToArray();
            var takes = outgoing.Select(o => o.Count == 0 ? null : Requests.Write(new SmcBlockRequest("take", Groups: o.Select(x => x.Slots).ToArray()))).ToArray();
            var taken = Ask(takes);
            if (taken.Case is not SmcBlockReply[] batches) return taken.Map(_ => Seq<IAcceptanceInfo>());
            // Sources in increasing order: each receiving block gets its batches in the order of its requests.
            for (var source = 0; source < session.Blocks; source++)
                for (var i = 0; i < outgoing[source].Count; i++)
                    received[outgoing[source][i].Destination].Add(batches[source].Batches![i]);
        }

        var advances = Enumerable.Range(0, session.Blocks).Select(b => (string?)Requests.Write(new SmcBlockRequest("advance", Step: step, Point: point,
            Ancestors: plan?.Blocks[b].Ancestors, Received: [.. received[b]]))).ToArray();
        return Ask(advances).Map(replies => replies.SelectMany(r => (r.Moves ?? []).Cast<IAcceptanceInfo>()).ToSeq());
    }

    /// <summary>The replies in block order; a block that was asked nothing has an empty reply.</summary>
    private Fin<SmcBlockReply[]> Ask(string?[] requests) =>
        session.Call(requests).Bind(replies => replies
            .Select(r => r is null ? FinSucc(new SmcBlockReply()) : WorkCodec<SmcBlockReply>.FromJson(r, "an SMC block's reply"))
            .ToSeq().Sequence().Map(s => s.ToArray()));
}
