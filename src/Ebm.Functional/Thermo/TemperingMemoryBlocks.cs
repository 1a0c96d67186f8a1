using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Thermo;

/// <summary>
/// The blocks of a tempering run in this process (<see cref="ITemperingBlockHost"/>), for tests and as the reference the
/// cluster's host follows: every rung that changes block travels as a <see cref="RungTransfer"/> and is rebuilt, as it
/// would be on another worker.
/// </summary>
/// <param name="key">The run's key.</param>
/// <param name="plan">The run.</param>
/// <param name="layout">Contiguous ranges covering the rungs (<see cref="TemperingBlocks.Layout"/>).</param>
public sealed class TemperingMemoryBlocks(RngKey key, TemperingPlan plan, Seq<RungRange> layout) : ITemperingBlockHost
{
    private TemperingBlock[] _blocks = [];
    private Dictionary<int, RungTransfer> _exports = new();

    /// <inheritdoc/>
    public Fin<Vec[]> Sweep(int step, int[][]? sources)
    {
        if (step == 0)
        {
            var opened = TemperingBlocks.Check(layout, plan.Ladder.Count)
                .Bind(ranges => ranges.Map(range => TemperingBlocks.Open(key, plan, range)).Sequence());
            if (opened.Case is not Seq<TemperingBlock> blocks) return opened.Map(_ => System.Array.Empty<Vec>());
            _blocks = blocks.ToArray();
        }

        var energies = new List<Vec>();
        var exports = new Dictionary<int, RungTransfer>();
        for (var b = 0; b < _blocks.Length; b++)
        {
            var range = _blocks[b].Range;
            var imported = Imported(range, sources);
            if (imported.Case is not RungTransfer[] transfers) return imported.Map(_ => System.Array.Empty<Vec>());
            var advanced = _blocks[b].Advance(step, sources is null ? null : TemperingBlocks.Rows(range, sources), transfers);
            if (advanced.Case is not ValueTuple<TemperingBlock, TemperingBlockSweep> (var block, var sweep)) return advanced.Map(_ => System.Array.Empty<Vec>());
            _blocks[b] = block;
            energies.AddRange(sweep.Energies);
            foreach (var export in sweep.Exports) exports[export.Rung] = export;
        }

        _exports = exports;
        return FinSucc(energies.ToArray());
    }

    /// <inheritdoc/>
    public Fin<TemperingTraces> Finish(int[][] sources) =>
        _blocks.Select(block => Imported(block.Range, sources).Bind(imported => block.Finish(TemperingBlocks.Rows(block.Range, sources), imported))).ToSeq().Sequence()
            .Map(traces => new TemperingTraces(traces.Bind(t => t.Energies).Strict(), traces.Bind(t => t.Magnetisations).Strict()));

    /// <summary>The exports of the last step that the block's exchanges name; an error when one was not exported.</summary>
    private Fin<RungTransfer[]> Imported(RungRange range, int[][]? sources)
    {
        if (sources is null) return FinSucc(System.Array.Empty<RungTransfer>());
        var rungs = TemperingBlocks.Imports(range, sources);
        return rungs.Find(r => !_exports.ContainsKey(r)).Case is int missing
            ? FinFail<RungTransfer[]>(TemperingBlockErrors.BadExchange($"rung {missing} was not exported, but rungs {range.First} to {range.End - 1} take chains from it"))
            : FinSucc(rungs.Map(r => _exports[r]).ToArray());
    }
}
