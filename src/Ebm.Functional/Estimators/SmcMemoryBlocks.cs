using Ebm.Functional.Annealing;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Estimators;

/// <summary>
/// The blocks of one blocked SMC run held in this process, one after another: the reference every other
/// <see cref="ISmcBlockHost"/> matches bit for bit, since each block's work is a pure function of the same values.
/// </summary>
/// <typeparam name="TState">The batch of particles.</typeparam>
/// <param name="key">The run's key.</param>
/// <param name="path">The annealing path.</param>
/// <param name="options">The run's settings.</param>
public sealed class SmcMemoryBlocks<TState>(RngKey key, AnnealingPath<TState> path, SmcOptions options) : ISmcBlockHost
{
    private TState[] _blocks = [];

    /// <inheritdoc />
    public int BisectionLookahead => 1;

    /// <inheritdoc />
    public Fin<Unit> Start() =>
        SmcCoordinator.ToFin(Enumerable.Range(0, SmcBlocks.Count(options.Particles)).Select(b => SmcBlocks.Init(key, path, options.Particles, b)).ToSeq().Sequence())
            .Map(blocks =>
            {
                _blocks = blocks.ToArray();
                return unit;
            });

    /// <inheritdoc />
    public Fin<Vec[]> LogDensities(IReadOnlyList<double> points) =>
        FinSucc(SmcCoordinator.Gather(points.Count, _blocks.Select(b => SmcBlocks.LogDensities(path, b, points)).ToArray()));

    /// <inheritdoc />
    public Fin<Seq<IAcceptanceInfo>> Advance(int step, double point, SmcTransferPlan? plan)
    {
        if (plan is not null)
        {
            var old = _blocks;
            var moved = SmcCoordinator.ToFin(plan.Blocks
                .Select(t => SmcBlocks.Apply(path, old[t.Block], t, t.Requests.Select(r => SmcBlocks.Take(path, old[r.Source], r.Slots)).ToArray()))
                .ToSeq().Sequence());
            if (moved.Case is not Seq<TState> blocks) return moved.Map(_ => Seq<IAcceptanceInfo>());
            _blocks = blocks.ToArray();
        }

        var infos = Seq<IAcceptanceInfo>();
        for (var b = 0; b < _blocks.Length; b++)
        {
            (_blocks[b], var moves) = SmcBlocks.Move(key, path, options, b, step, point, _blocks[b]);
            infos = infos + moves;
        }

        return FinSucc(infos);
    }
}
