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

    public Fin<string> Handle(string request) =>
        from r in WorkCodec<TemperingBlockRequest>.FromJson(request, "a tempering block's request")
        from imported in (r.Imported ?? []).Select(TemperingRungCodec.Decode).ToSeq().Sequence()
        from reply in r.Step == steps && r.Sources is { } sources ? Finish(sources, imported.ToArray()) : Advance(r.Step, r.Sources, imported.ToArray())
        select Replies.Write(reply);

    private Fin<TemperingBlockReply> Advance(int step, int[][]? sources, RungTransfer[] imported) =>
        _block.Advance(step, sources, imported).Map(advanced =>
        {
            _block = advanced.Block;
            return new TemperingBlockReply(
                Energies: advanced.Sweep.Energies.Map(e => Estimation.SmcParticleCodec.Doubles(e.Span)).ToArray(),
                Exports: advanced.Sweep.Exports.Map(TemperingRungCodec.Encode).ToArray());
        });

    private Fin<TemperingBlockReply> Finish(int[][] sources, RungTransfer[] imported) =>
        _block.Finish(sources, imported).Map(traces => new TemperingBlockReply(
            EnergyTraces: traces.Energies.Map(TemperingRungCodec.Doubles).ToArray(),
            MagnetisationTraces: traces.Magnetisations.Map(TemperingRungCodec.Doubles).ToArray()));
}
