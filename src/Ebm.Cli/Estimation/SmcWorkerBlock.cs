using Ebm.Cli.Output;
using Ebm.Functional.Annealing;
using Ebm.Functional.Estimators;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.Execution;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Estimation;

/// <summary>
/// One block of a global SMC run on a worker: its particles stay here between steps; it answers the coordinator's
/// requests (<see cref="SmcBlockRequest"/>) with the pure block functions of <see cref="SmcBlocks"/>.
/// </summary>
/// <typeparam name="TState">The batch of particles.</typeparam>
/// <param name="path">The run's path, rebuilt on this worker.</param>
/// <param name="options">The run's settings.</param>
/// <param name="key">The run's key.</param>
/// <param name="block">The block.</param>
/// <param name="particles">The block's base particles.</param>
internal sealed class SmcWorkerBlock<TState>(AnnealingPath<TState> path, SmcOptions options, RngKey key, int block, TState particles) : IStatefulBlock
{
    private TState _particles = particles;

    public Fin<string> Handle(string request) =>
        WorkCodec<SmcBlockRequest>.FromJson(request, "an SMC block's request").Bind(r => r.Op switch
        {
            "densities" when r.Points is { } points => FinSucc(new SmcBlockReply(
                Densities: SmcBlocks.LogDensities(path, _particles, points).Select(v => SmcParticleCodec.Doubles(v.Span)).ToArray())),
            "take" when r.Groups is { } groups => FinSucc(new SmcBlockReply(
                Batches: groups.Select(g => SmcParticleCodec.Encode(SmcBlocks.Take(path, _particles, g))).ToArray())),
            "advance" => Advance(r),
            _ => FinFail<SmcBlockReply>(ExecutionErrors.BadMessage("an SMC block's request", $"\"{r.Op}\" is not densities, take or advance with its fields")),
        }).Map(WorkCodec<SmcBlockReply>.Json("").Write);

    private Fin<SmcBlockReply> Advance(SmcBlockRequest r)
    {
        if (r.Ancestors is { } ancestors)
        {
            var transfer = SmcBlockTransfer.Of(options.Particles, block, ancestors);
            var applied =
                from received in (r.Received ?? []).Select(text => SmcParticleCodec.Decode(_particles, text)).ToSeq().Sequence()
                from resampled in Outcomes.ToFin(SmcBlocks.Apply(path, _particles, transfer, received.ToArray()))
                select resampled;
            if (applied.Case is not TState state) return applied.Map(_ => new SmcBlockReply());
            _particles = state;
        }

        (_particles, var moves) = SmcBlocks.Move(key, path, options, block, r.Step, r.Point, _particles);
        return FinSucc(new SmcBlockReply(Moves: moves.Select(SmcMoveRecord.Of).ToArray()));
    }
}
