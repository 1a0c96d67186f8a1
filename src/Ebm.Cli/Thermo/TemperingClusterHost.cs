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
/// <param name="sliceNumbers">Most numbers one reply of traces carries (<see cref="DefaultSliceNumbers"/>).</param>
internal sealed class TemperingClusterHost(IBlockSession session, Seq<RungRange> layout, TemperingPlan plan, int sliceNumbers = TemperingClusterHost.DefaultSliceNumbers)
    : ITemperingBlockHost
{
    private static readonly WorkCodec<TemperingBlockRequest> Requests = WorkCodec<TemperingBlockRequest>.Json("");
    /// <summary>
    /// Most numbers one reply of traces carries, energies and order parameters together: 2^20 (8 MiB of doubles, 11 MiB as
    /// base64), well inside a message's limit however long the run; a 4-chain run of 4,000 sweeps takes one slice.
    /// </summary>
    public const int DefaultSliceNumbers = 1 << 20;

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

    public Fin<TemperingTraces> Finish(int[][] sources)
    {
        var finished = Ask(plan.Steps, sources);
        if (finished.IsFail) return finished.Map(_ => default(TemperingTraces)!);
        var (chains, sweeps) = (plan.Settings.Chains, plan.Settings.Sweeps);
        var perSlice = Math.Max(1, sliceNumbers / (2 * chains * layout.Max(r => r.Count)));
        var energies = Enumerable.Range(0, plan.Ladder.Count).Select(_ => new double[chains * sweeps]).ToArray();
        var orders = Enumerable.Range(0, plan.Ladder.Count).Select(_ => new double[chains * sweeps]).ToArray();
        var recordsOrder = false;
        for (var from = 0; from < sweeps; from += perSlice)
        {
            var count = Math.Min(perSlice, sweeps - from);
            var slice = Call(layout.Map(_ => (string?)Requests.Write(new TemperingBlockRequest(plan.Steps, TraceFrom: from, TraceCount: count))).ToArray());
            if (slice.Case is not TemperingBlockReply[] replies) return slice.Map(_ => default(TemperingTraces)!);
            for (var b = 0; b < replies.Length; b++)
            {
                var (energyTexts, orderTexts) = (replies[b].EnergyTraces ?? [], replies[b].MagnetisationTraces ?? []);
                recordsOrder = orderTexts.Length > 0;
                if (energyTexts.Length != layout[b].Count || (recordsOrder && orderTexts.Length != layout[b].Count))
                    return FinFail<TemperingTraces>(ExecutionErrors.BadMessage("a tempering block's reply", $"traces of other than its {layout[b].Count} rungs"));
                for (var i = 0; i < layout[b].Count; i++)
                {
                    var placed = Place(energyTexts[i], energies[layout[b].First + i], from, count)
                        .Bind(_ => recordsOrder ? Place(orderTexts[i], orders[layout[b].First + i], from, count) : FinSucc(unit));
                    if (placed.IsFail) return placed.Map(_ => default(TemperingTraces)!);
                }
            }
        }

        return FinSucc(new TemperingTraces(
            energies.Select(e => Mat.From(chains, sweeps, e)).ToSeq().Strict(),
            recordsOrder ? orders.Select(m => Mat.From(chains, sweeps, m)).ToSeq().Strict() : Seq<Mat>()));
    }

    /// <summary>Copies a slice of sweeps <paramref name="from"/> .. <paramref name="from"/> + <paramref name="count"/> - 1 into a chains x sweeps trace.</summary>
    private Fin<Unit> Place(string text, double[] trace, int from, int count)
    {
        var (chains, sweeps) = (plan.Settings.Chains, plan.Settings.Sweeps);
        return TemperingRungCodec.Slice(text, chains, count).Map(values =>
        {
            for (var c = 0; c < chains; c++) values.AsSpan(c * count, count).CopyTo(trace.AsSpan(c * sweeps + from, count));
            return unit;
        });
    }

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

        return Call(requests);
    }

    /// <summary>The replies in block order.</summary>
    private Fin<TemperingBlockReply[]> Call(string?[] requests) =>
        session.Call(requests).Bind(replies => replies
            .Select(r => r is null
                ? FinFail<TemperingBlockReply>(ExecutionErrors.BadMessage("a tempering block's reply", "none"))
                : WorkCodec<TemperingBlockReply>.FromJson(r, "a tempering block's reply"))
            .ToSeq().Sequence().Map(s => s.ToArray()));
}
