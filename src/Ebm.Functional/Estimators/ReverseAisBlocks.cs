using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Estimators;

/// <summary>
/// Reverse AIS (<see cref="ReverseAis"/>) cut into the fixed blocks of <see cref="AisBlocks"/>: block b reverses
/// <see cref="AisBlocks.Length"/>(M, b) particles of its own, which it draws or anneals itself, so a block's starting
/// particles never leave the machine that runs it.
/// </summary>
/// <remarks>
/// <para>Keys: the run has a start key and a run key. Block b's starting particles are exact target draws made with
/// <c>AisBlocks.Key(startKey, M, b)</c>, or the final particles of forward AIS block b of the start key (the block
/// <see cref="AisBlocks.Run{TState}"/> would anneal); its reverse run uses <c>AisBlocks.Key(key, M, b)</c>. A run of one
/// block (M ≤ <see cref="AisBlocks.Size"/>) therefore draws with the start key itself and is exactly
/// <see cref="ReverseAis.Run{TState}"/> from <c>draws(startKey, M)</c>, or from the final particles of
/// <see cref="Ais.RunWithState{TState}"/> with the start key.</para>
/// <para>Combination, in block order, as for AIS: the log weights concatenated, the running log mean weight
/// log((1/M) Σ_b n_b exp(m_b)) at each trace point, the sampler-health tallies merged; the estimate is then built as
/// <see cref="ReverseAis"/> builds it from all M weights. Blocks that start from exact draws are independent, so the
/// combination is reverse AIS with M independent exact draws.</para>
/// </remarks>
/// <example><code>
/// var upper =
///     from blocks in Enumerable.Range(0, AisBlocks.Count(5_000))
///         .Select(b =&gt; ReverseAisBlocks.Run(startKey, key, path, schedule, 5_000, b, (k, n) =&gt; ExactDraws.DiscreteChains(k, n, model, 1.0)))
///         .ToSeq().Sequence()
///     from combined in ReverseAisBlocks.Combine(path, schedule, 5_000, blocks.ToArray(), exactSamples: true)
///     select combined;
/// </code></example>
public static class ReverseAisBlocks
{
    /// <summary>Reverses one block of the run's particles, started from exact target draws of its own.</summary>
    /// <param name="startKey">The run's key of the target draws (not the block's).</param>
    /// <param name="key">The run's key of the reverse moves (not the block's).</param>
    /// <param name="path">The annealing path.</param>
    /// <param name="schedule">The path positions, visited from t = 1 down to t = 0.</param>
    /// <param name="particles">The run's particle count M, at least 1.</param>
    /// <param name="block">The block, 0 .. <see cref="AisBlocks.Count"/>(M) − 1.</param>
    /// <param name="exactDraws">Exact, independent draws from the target: a key and a count to a particle batch.</param>
    /// <param name="progress">Reports each step of this block, if given.</param>
    /// <returns>The block, or every problem found (<see cref="AnnealingEstimatorErrors"/>, the draws' error).</returns>
    public static Validation<Error, AisBlock> Run<TState>(
        RngKey startKey, RngKey key, AnnealingPath<TState> path, AnnealingSchedule schedule, int particles, int block,
        Func<RngKey, int, Fin<TState>> exactDraws, IProgress<AnnealingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(exactDraws);
        return Layout(ReverseAis.Method, particles, block)
            .Bind(_ => exactDraws(AisBlocks.Key(startKey, particles, block), AisBlocks.Length(particles, block))
                .Match(Succ: Success<Error, TState>, Fail: Fail<Error, TState>))
            .Bind(start => Reverse(key, path, schedule, particles, block, start, progress));
    }

    /// <summary>
    /// Forward AIS block b of the start key, then reverse AIS from its final particles (approximate target samples:
    /// combine with <c>exactSamples: false</c>). Progress counts the forward steps 1..K, then the reverse steps K+1..2K.
    /// </summary>
    /// <param name="startKey">The run's key of the forward runs (not the block's).</param>
    /// <param name="key">The run's key of the reverse moves (not the block's).</param>
    /// <param name="path">The annealing path.</param>
    /// <param name="schedule">The path positions.</param>
    /// <param name="particles">The run's particle count M, at least 1.</param>
    /// <param name="block">The block, 0 .. <see cref="AisBlocks.Count"/>(M) − 1.</param>
    /// <param name="progress">Reports each of the block's 2K steps, if given.</param>
    /// <returns>The reverse block, or every problem found (<see cref="AnnealingEstimatorErrors"/>).</returns>
    public static Validation<Error, AisBlock> RunFromForward<TState>(
        RngKey startKey, RngKey key, AnnealingPath<TState> path, AnnealingSchedule schedule, int particles, int block,
        IProgress<AnnealingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(schedule);
        var steps = schedule.Steps;
        return Layout(ReverseAis.Method, particles, block)
            .Bind(_ => Forward(startKey, path, schedule, particles, block, Sandwich.Offset.Of(progress, 0, 2 * steps)))
            .Bind(forward => Reverse(key, path, schedule, particles, block, forward.Final, Sandwich.Offset.Of(progress, steps, 2 * steps)));
    }

    /// <summary>The reverse AIS estimate of the whole run from its blocks, given in block order.</summary>
    /// <param name="path">The annealing path the blocks ran on.</param>
    /// <param name="schedule">The path positions they ran along.</param>
    /// <param name="particles">The run's particle count M.</param>
    /// <param name="blocks">Every block of the layout, once each, in order.</param>
    /// <param name="exactSamples">True when the blocks started from exact draws (<see cref="Run{TState}"/>); false adds <see cref="EstimateWarnings.ApproximateTargetSamples"/>.</param>
    /// <returns>The estimate (for one block, the bits of <see cref="ReverseAis.Run{TState}"/>), or what is wrong with the blocks.</returns>
    public static Validation<Error, LogZEstimate> Combine<TState>(
        AnnealingPath<TState> path, AnnealingSchedule schedule, int particles, IReadOnlyList<AisBlock> blocks, bool exactSamples)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(blocks);
        return AisBlocks.Check(ReverseAis.Method, particles, blocks).Map(_ => ReverseAis.Estimate(
            path, schedule, AisBlocks.LogWeights(particles, blocks), blocks[0].TracePoints, AisBlocks.LogMeanTrace(particles, blocks),
            SamplerHealth.Warnings(AisBlocks.Health(blocks), "reverse AIS"), exactSamples));
    }

    /// <summary>A block of the layout of <paramref name="particles"/>; else the error, naming <paramref name="method"/>.</summary>
    internal static Validation<Error, Unit> Layout(string method, int particles, int block) =>
        particles < 1 ? Fail<Error, Unit>(AnnealingEstimatorErrors.InvalidParticles(method, particles, 1))
        : block < 0 || block >= AisBlocks.Count(particles) ? Fail<Error, Unit>(AnnealingEstimatorErrors.InvalidBlock(method, block, AisBlocks.Count(particles)))
        : Success<Error, Unit>(unit);

    /// <summary>
    /// Forward AIS block <paramref name="block"/> of <paramref name="key"/> (the one <see cref="AisBlocks.Run{TState}"/>
    /// gives) with its final particles; the block must be one of the layout's (<see cref="Layout"/>).
    /// </summary>
    internal static Validation<Error, (AisBlock Block, TState Final)> Forward<TState>(
        RngKey key, AnnealingPath<TState> path, AnnealingSchedule schedule, int particles, int block, IProgress<AnnealingProgress>? progress)
    {
        var kernel = Ais.Kernel(path);
        var (baseKey, moveKey) = AisBlocks.Key(key, particles, block).Split();
        return kernel.Init(baseKey, AisBlocks.Length(particles, block))
            .Bind(start => Ais.Anneal(kernel, schedule.Points, start, moveKey, progress, "AIS"))
            .Map(run => (new AisBlock(block, run.LogWeights, run.TracePoints, run.TraceLogMeanWeights, run.Health), run.Final));
    }

    /// <summary>Reverse AIS of block <paramref name="block"/> from <paramref name="start"/>, which must hold the block's particle count.</summary>
    internal static Validation<Error, AisBlock> Reverse<TState>(
        RngKey key, AnnealingPath<TState> path, AnnealingSchedule schedule, int particles, int block, TState start, IProgress<AnnealingProgress>? progress)
    {
        var kernel = Ais.Kernel(path, end: 0.0);
        var length = AisBlocks.Length(particles, block);
        var counted = path.Count(start) == length
            ? kernel.Start(start, 1.0, 0.0)
            : Fail<Error, SmcState<TState>>(AnnealingEstimatorErrors.BlocksMismatch(ReverseAis.Method,
                $"block {block} starts from {path.Count(start)} particles, the layout gives it {length}"));
        return (ReverseAis.LogZ0(path), counted).Apply((_, state) => state)
            .Bind(state => Ais.Anneal(kernel, ReverseAis.Reversed(schedule), state, AisBlocks.Key(key, particles, block), progress, "reverse AIS"))
            .Map(run => new AisBlock(block, run.LogWeights, run.TracePoints, run.TraceLogMeanWeights, run.Health));
    }
}
