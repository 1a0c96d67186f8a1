using Ebm.Functional.Annealing;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Estimators;

/// <summary>
/// One SMC run (<see cref="Smc.RunOnce{TState}"/>) with its particles cut into fixed blocks that live apart — on one
/// machine, or on the workers of a cluster, each keeping its block between steps — while the weights, the choice of
/// the next point and the resampling stay global (<see cref="SmcCoordinator"/>). These are the block's side of it: pure
/// functions of the run's key, the path, the block and its particles.
/// </summary>
/// <remarks>
/// <para>Layout: the layout of <see cref="AisBlocks"/>, from N alone: ceil(N / <see cref="Size"/>) blocks, block b holding
/// the run's particles b·Size .. min(N, (b + 1)·Size) − 1. It never depends on the number of machines.</para>
/// <para>Keys. The run's key splits into three as in <see cref="Smc.RunOnce{TState}"/>: base draws, resampling, moves.
/// The path's kernels key a particle by its row in the batch they are given (row r of a block is not row
/// b·Size + r of the whole batch), so a block cannot draw the unblocked run's numbers for its rows; instead a run of
/// one block (N ≤ Size) uses the unblocked keys — its bits are <see cref="Smc.RunOnce{TState}"/>'s — and with more blocks
/// block b draws its base particles with the base key folded with b and its moves at step k with the move key folded
/// with b, then k. The resampling key, step k's <c>resampling.FoldIn(k)</c>, is the unblocked run's in both cases:
/// ancestors are drawn once, for the whole run, from the gathered weights.</para>
/// </remarks>
public static class SmcBlocks
{
    /// <summary>Particles per block (the last block holds the rest): <see cref="AisBlocks.Size"/>.</summary>
    public const int Size = AisBlocks.Size;

    /// <summary>The number of blocks of <paramref name="particles"/> particles (0 for none).</summary>
    /// <param name="particles">The run's particle count N.</param>
    public static int Count(int particles) => AisBlocks.Count(particles);

    /// <summary>The number of particles in block <paramref name="block"/> (0 outside the layout).</summary>
    /// <param name="particles">The run's particle count N.</param>
    /// <param name="block">The block.</param>
    public static int Length(int particles, int block) => AisBlocks.Length(particles, block);

    /// <summary>The global index of block <paramref name="block"/>'s first particle.</summary>
    /// <param name="block">The block.</param>
    public static int Offset(int block) => block * Size;

    /// <summary>The key of the block's base draws.</summary>
    /// <param name="key">The run's key.</param>
    /// <param name="particles">The run's particle count N.</param>
    /// <param name="block">The block.</param>
    public static RngKey BaseKey(RngKey key, int particles, int block)
    {
        var root = key.Split(3)[0];
        return Count(particles) == 1 ? root : root.FoldIn(block);
    }

    /// <summary>The key of step <paramref name="step"/>'s resampling, the same for every block (the unblocked run's).</summary>
    /// <param name="key">The run's key.</param>
    /// <param name="step">The step, from 1.</param>
    public static RngKey ResampleKey(RngKey key, int step) => key.Split(3)[1].FoldIn(step);

    /// <summary>The key of the block's moves at step <paramref name="step"/>.</summary>
    /// <param name="key">The run's key.</param>
    /// <param name="particles">The run's particle count N.</param>
    /// <param name="block">The block.</param>
    /// <param name="step">The step, from 1.</param>
    public static RngKey MoveKey(RngKey key, int particles, int block, int step)
    {
        var root = key.Split(3)[2];
        return (Count(particles) == 1 ? root : root.FoldIn(block)).FoldIn(step);
    }

    /// <summary>The block's particles at t = 0: exact draws from f_0.</summary>
    /// <param name="key">The run's key.</param>
    /// <param name="path">The annealing path.</param>
    /// <param name="particles">The run's particle count N, at least 1.</param>
    /// <param name="block">The block, 0 .. <see cref="Count"/>(N) − 1.</param>
    /// <returns>The block's particles, or what is wrong (<see cref="AnnealingEstimatorErrors"/>).</returns>
    public static Validation<Error, TState> Init<TState>(RngKey key, AnnealingPath<TState> path, int particles, int block)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (particles < 1) return Fail<Error, TState>(AnnealingEstimatorErrors.InvalidParticles(Smc.Method, particles, 1));
        if (block < 0 || block >= Count(particles)) return Fail<Error, TState>(AnnealingEstimatorErrors.InvalidBlock(Smc.Method, block, Count(particles)));
        var length = Length(particles, block);
        var draws = path.SampleBase(BaseKey(key, particles, block), length);
        var count = path.Count(draws);
        return count == length ? Success<Error, TState>(draws) : Fail<Error, TState>(AnnealingEstimatorErrors.BaseSampleCount(path.Name, count, length));
    }

    /// <summary>log f_t of the block's particles at each of <paramref name="points"/>.</summary>
    /// <param name="path">The annealing path.</param>
    /// <param name="state">The block's particles.</param>
    /// <param name="points">The path positions.</param>
    public static Vec[] LogDensities<TState>(AnnealingPath<TState> path, TState state, IReadOnlyList<double> points)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(points);
        return points.Select(t => path.LogDensity(t, state)).ToArray();
    }

    /// <summary>The block's particles at slots <paramref name="slots"/>, to send to another block.</summary>
    /// <param name="path">The annealing path.</param>
    /// <param name="state">The block's particles.</param>
    /// <param name="slots">The slots.</param>
    public static TState Take<TState>(AnnealingPath<TState> path, TState state, int[] slots)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Select(state, slots);
    }

    /// <summary>
    /// The block's particles after a resampling: slot j holds the old particle <c>transfer.Ancestors[j]</c>, taken from the
    /// block's own particles or from <paramref name="received"/>, the particles of <c>transfer.Requests</c> in their order.
    /// </summary>
    /// <param name="path">The annealing path.</param>
    /// <param name="own">The block's particles before the resampling.</param>
    /// <param name="transfer">The block's part of the plan.</param>
    /// <param name="received">One batch per request, holding the requested slots in order.</param>
    /// <returns>The new particles, or what is wrong with the received ones (<see cref="SmcErrors"/>).</returns>
    public static Validation<Error, TState> Apply<TState>(AnnealingPath<TState> path, TState own, SmcBlockTransfer transfer, IReadOnlyList<TState> received)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(transfer);
        ArgumentNullException.ThrowIfNull(received);
        if (received.Count != transfer.Requests.Count) return Fail<Error, TState>(SmcErrors.BadTransfer(transfer.Block, $"{received.Count} batches for {transfer.Requests.Count} requests"));
        if (transfer.Requests.Count == 0) return Success<Error, TState>(path.Select(own, transfer.Rows));
        for (var i = 0; i < received.Count; i++)
            if (path.Count(received[i]) != transfer.Requests[i].Slots.Length)
                return Fail<Error, TState>(SmcErrors.BadTransfer(transfer.Block,
                    $"{path.Count(received[i])} particles from block {transfer.Requests[i].Source}, which was asked for {transfer.Requests[i].Slots.Length}"));
        if (!BatchConcatenation.Supports<TState>()) return Fail<Error, TState>(SmcErrors.BadTransfer(transfer.Block, $"particles of type {typeof(TState).Name} cannot move between blocks"));
        return Success<Error, TState>(path.Select(BatchConcatenation.Concatenate([own, .. received]), transfer.Rows));
    }

    /// <summary>The block's moves at step <paramref name="step"/>: <see cref="SmcOptions.MovesPerStep"/> transitions at <paramref name="point"/>.</summary>
    /// <param name="key">The run's key.</param>
    /// <param name="path">The annealing path.</param>
    /// <param name="options">The run's settings.</param>
    /// <param name="block">The block.</param>
    /// <param name="step">The step, from 1.</param>
    /// <param name="point">The path position the step reached.</param>
    /// <param name="state">The block's particles after any resampling.</param>
    /// <returns>The moved particles and each transition's info.</returns>
    public static (TState State, Seq<IAcceptanceInfo> Moves) Move<TState>(
        RngKey key, AnnealingPath<TState> path, SmcOptions options, int block, int step, double point, TState state)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        return Smc.Kernel(path, options).Mutation(point)(MoveKey(key, options.Particles, block, step), state);
    }

    /// <summary>One SMC run of <see cref="SmcOptions.Particles"/> particles in blocks held in this process.</summary>
    /// <param name="key">The run's key.</param>
    /// <param name="path">The annealing path.</param>
    /// <param name="options">Validated settings (<see cref="SmcOptions.Repetitions"/> is not used: this is one run).</param>
    /// <param name="progress">Reports each step, if given.</param>
    /// <returns>The run (for one block, the bits of <see cref="Smc.RunOnce{TState}"/>), or every problem found.</returns>
    public static Validation<Error, SmcBlockedRun> Run<TState>(RngKey key, AnnealingPath<TState> path, SmcOptions options, IProgress<AnnealingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        return SmcCoordinator.Run(key, path, options, new SmcMemoryBlocks<TState>(key, path, options), progress);
    }
}
