using Ebm.Cli.Output;
using Ebm.Functional.Shell.Execution;
using Ebm.Functional.Thermo;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Thermo;

/// <summary>
/// One block of a parallel-tempering run on a worker: its rungs' states and traces stay here between steps; it answers
/// the coordinator's <see cref="TemperingBlockRequest"/>s with <see cref="TemperingBlock"/>'s pure steps.
/// </summary>
/// <param name="block">The block as opened.</param>
/// <param name="steps">The run's steps (burn-in and recorded): a request for this step finishes the block.</param>
internal sealed class TemperingWorkerBlock(TemperingBlock block, int steps) : IStatefulBlock
{
    private static readonly WorkCodec<TemperingBlockReply> Replies = WorkCodec<TemperingBlockReply>.Json("");

    private TemperingBlock _block = block;

    /// <summary>What the block recorded, once the last step's request has come.</summary>
    private TemperingTraces? _traces;

    public Fin<string> Handle(string request) =>
        from r in WorkCodec<TemperingBlockRequest>.FromJson(request, "a tempering block's request")
        from imported in (r.Imported ?? []).Select(TemperingRungCodec.Decode).ToSeq().Sequence()
        from reply in r.TraceFrom is { } first
            ? Slice(first, r.TraceCount)
            : r.Step == steps && r.Sources is { } sources ? Finish(sources, imported.ToArray()) : Advance(r.Step, r.Sources, imported.ToArray())
        select Replies.Write(reply);

    private Fin<TemperingBlockReply> Advance(int step, int[][]? sources, RungTransfer[] imported) =>
        _block.Advance(step, sources, imported).Map(advanced =>
        {
            _block = advanced.Block;
            return new TemperingBlockReply(
                Energies: advanced.Sweep.Energies.Map(e => WireDoubles.Text(e.Span)).ToArray(),
                Exports: advanced.Sweep.Exports.Map(TemperingRungCodec.Encode).ToArray());
        });

    private Fin<TemperingBlockReply> Finish(int[][] sources, RungTransfer[] imported) =>
        _block.Finish(sources, imported).Map(traces =>
        {
            _traces = traces;
            return new TemperingBlockReply();
        });

    /// <summary>Sweeps <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> - 1 of every trace.</summary>
    private Fin<TemperingBlockReply> Slice(int from, int count)
    {
        if (_traces is not { } traces)
            return FinFail<TemperingBlockReply>(TemperingBlockErrors.BadExchange("traces asked for before the last step"));
        var sweeps = traces.Energies.Head.Columns;
        if (from < 0 || count < 1 || from + count > sweeps)
            return FinFail<TemperingBlockReply>(TemperingBlockErrors.BadExchange($"sweeps {from} to {from + count - 1} asked for, {sweeps} recorded"));
        return FinSucc(new TemperingBlockReply(
            EnergyTraces: traces.Energies.Map(m => TemperingRungCodec.Columns(m, from, count)).ToArray(),
            MagnetisationTraces: traces.Magnetisations.Map(m => TemperingRungCodec.Columns(m, from, count)).ToArray()));
    }
}
