using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Execution;
using Ebm.Functional.Thermo;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Thermo;

/// <summary>
/// The blocks of a parallel-tempering run on the workers of a cluster, as <see cref="TemperingCoordinator"/> sees them
/// (<see cref="ITemperingBlockHost"/> over an <see cref="IBlockSession"/>): one request to every block per step, carrying
/// the previous step's exchanges and the rungs of other blocks they take; one reply with the energies and the block's
/// rungs near its edges.
/// </summary>
/// <remarks>
/// Rungs travel through the coordinator, as SMC's particles do (<see cref="Estimation.SmcClusterHost"/>): the grains never
/// call each other, and every failure reaches the one place that restarts the run. The exports of the last step are kept
/// here, still encoded, and forwarded as they came, so a rung is decoded only by the block that takes its chains.
/// </remarks>
/// <param name="session">The run's open blocks, one per range of <paramref name="layout"/>.</param>
/// <param name="layout">The blocks' rungs.</param>
/// <param name="plan">The run.</param>
internal sealed class TemperingClusterHost(IBlockSession session, Seq<RungRange> layout, TemperingPlan plan) : ITemperingBlockHost
{
    private static readonly WorkCodec<TemperingBlockRequest> Requests = WorkCodec<TemperingBlockRequest>.Json("");
    private Dictionary<int, RungWire> _exports = new();

    public Fin<Vec[]> Sweep(int step, int[][]? sources) =>
        Ask(step, sources).Bind(replies =>
        {
            var exports = new Dictionary<int, RungWire>();
            var energies = new List<Vec>();
            for (var b = 0; b < replies.Length; b++)
            {
                var texts = replies[b].Energies ?? [];
                if (texts.Length != layout[b].Count)
                    return FinFail<Vec[]>(ExecutionErrors.BadMessage("a tempering block's reply", $"{texts.Length} rungs' energies, expected {layout[b].Count}"));
                foreach (var text in texts)
                {
                    var decoded = TemperingRungCodec.Energies(text, plan.Settings.Chains);
                    if (decoded.Case is not Vec e) return decoded.Map(_ => System.Array.Empty<Vec>());
                    energies.Add(e);
                }

                foreach (var export in replies[b].Exports ?? []) exports[export.Rung] = export;
            }

            _exports = exports;
            return FinSucc(energies.ToArray());
        });

    public Fin<TemperingTraces> Finish(int[][] sources) =>
        Ask(plan.Steps, sources).Bind(replies =>
        {
            var (chains, sweeps) = (plan.Settings.Chains, plan.Settings.Sweeps);
            var energies = replies.SelectMany(r => r.EnergyTraces ?? []).Select(t => TemperingRungCodec.Trace(t, chains, sweeps)).ToSeq().Sequence();
            var orders = replies.SelectMany(r => r.MagnetisationTraces ?? []).Select(t => TemperingRungCodec.Trace(t, chains, sweeps)).ToSeq().Sequence();
            return from e in energies
                   from m in orders
                   select new TemperingTraces(e, m);
        });

    private Fin<TemperingBlockReply[]> Ask(int step, int[][]? sources)
    {
        if (session.Blocks != layout.Count)
            return FinFail<TemperingBlockReply[]>(ExecutionErrors.BadMessage("a tempering run", $"{session.Blocks} blocks open, expected {layout.Count}"));
        var requests = new string?[layout.Count];
        for (var b = 0; b < layout.Count; b++)
        {
            var range = layout[b];
            var imports = sources is null ? Seq<int>() : TemperingBlocks.Imports(range, sources);
            if (imports.Find(r => !_exports.ContainsKey(r)).Case is int missing)
                return FinFail<TemperingBlockReply[]>(TemperingBlockErrors.BadExchange($"rung {missing} was not exported, but block {b} takes chains from it"));
            requests[b] = Requests.Write(sources is null
                ? new TemperingBlockRequest(step)
                : new TemperingBlockRequest(step, TemperingBlocks.Rows(range, sources), imports.Map(r => _exports[r]).ToArray()));
        }

        return session.Call(requests).Bind(replies => replies
            .Select(r => r is null
                ? FinFail<TemperingBlockReply>(ExecutionErrors.BadMessage("a tempering block's reply", "none"))
                : WorkCodec<TemperingBlockReply>.FromJson(r, "a tempering block's reply"))
            .ToSeq().Sequence().Map(s => s.ToArray()));
    }
}
