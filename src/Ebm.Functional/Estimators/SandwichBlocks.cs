using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Estimators;

/// <summary>
/// The sandwich (<see cref="Sandwich"/>) cut into the fixed blocks of <see cref="AisBlocks"/>: block b is forward AIS
/// block b and reverse AIS block b, run together, so that reverse block b can start from forward block b's final
/// particles without moving them between machines.
/// </summary>
/// <remarks>
/// <para>Keys, as in <see cref="Sandwich"/>: the forward part uses <c>key.Split().Left</c>, the reverse part
/// <c>Right</c>, each cut into blocks by <see cref="AisBlocks.Key"/> (forward block b is
/// <c>AisBlocks.Run(Left, ..., b)</c>; reverse block b uses <c>AisBlocks.Key(Right, M, b)</c>). The reverse part starts
/// from exact target draws made with <c>AisBlocks.Key(startKey, M, b)</c>, or from forward block b's final particles. A
/// run of one block (M ≤ <see cref="AisBlocks.Size"/>) is therefore exactly <see cref="Sandwich.Run{TState}(RngKey, AnnealingPath{TState}, AnnealingSchedule, int, IProgress{AnnealingProgress})"/>,
/// or the sandwich from <c>draws(startKey, M)</c>.</para>
/// <para>Combination: the forward blocks by <see cref="AisBlocks.Combine{TState}"/>, the reverse blocks by
/// <see cref="ReverseAisBlocks.Combine{TState}"/>, and the two estimates by <see cref="Sandwich.Combine"/>.</para>
/// </remarks>
/// <example><code>
/// var sandwich =
///     from blocks in Enumerable.Range(0, AisBlocks.Count(5_000))
///         .Select(b =&gt; SandwichBlocks.Run(key, path, schedule, 5_000, b)).ToSeq().Sequence()
///     from combined in SandwichBlocks.Combine(path, schedule, 5_000, blocks.ToArray(), exactSamples: false)
///     select combined;
/// </code></example>
public static class SandwichBlocks
{
    /// <summary>
    /// One block of the sandwich whose reverse part starts from the forward part's final particles (approximate target
    /// samples: combine with <c>exactSamples: false</c>). Progress counts the forward steps 1..K, then the reverse steps K+1..2K.
    /// </summary>
    /// <param name="key">The run's key (not the block's).</param>
    /// <param name="path">The annealing path.</param>
    /// <param name="schedule">The path positions.</param>
    /// <param name="particles">The run's particle count M of each direction, at least 1.</param>
    /// <param name="block">The block, 0 .. <see cref="AisBlocks.Count"/>(M) − 1.</param>
    /// <param name="progress">Reports each of the block's 2K steps, if given.</param>
    /// <returns>The block, or every problem found (<see cref="AnnealingEstimatorErrors"/>).</returns>
    public static Validation<Error, SandwichBlock> Run<TState>(
        RngKey key, AnnealingPath<TState> path, AnnealingSchedule schedule, int particles, int block, IProgress<AnnealingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(schedule);
        var (forwardKey, reverseKey) = key.Split();
        var steps = schedule.Steps;
        return from _ in ReverseAisBlocks.Layout(Sandwich.Method, particles, block)
               from forward in ReverseAisBlocks.Forward(forwardKey, path, schedule, particles, block, Sandwich.Offset.Of(progress, 0, 2 * steps))
               from reverse in ReverseAisBlocks.Reverse(reverseKey, path, schedule, particles, block, forward.Final, Sandwich.Offset.Of(progress, steps, 2 * steps))
               select new SandwichBlock(forward.Block, reverse);
    }

    /// <summary>One block of the sandwich whose reverse part starts from exact target draws of its own.</summary>
    /// <param name="startKey">The run's key of the target draws (not the block's).</param>
    /// <param name="key">The run's key of the forward and reverse runs (not the block's).</param>
    /// <param name="path">The annealing path.</param>
    /// <param name="schedule">The path positions.</param>
    /// <param name="particles">The run's particle count M of each direction, at least 1.</param>
    /// <param name="block">The block, 0 .. <see cref="AisBlocks.Count"/>(M) − 1.</param>
    /// <param name="exactDraws">Exact, independent draws from the target: a key and a count to a particle batch.</param>
    /// <param name="progress">Reports each of the block's 2K steps, if given.</param>
    /// <returns>The block, or every problem found (<see cref="AnnealingEstimatorErrors"/>, the draws' error).</returns>
    public static Validation<Error, SandwichBlock> Run<TState>(
        RngKey startKey, RngKey key, AnnealingPath<TState> path, AnnealingSchedule schedule, int particles, int block,
        Func<RngKey, int, Fin<TState>> exactDraws, IProgress<AnnealingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(exactDraws);
        var (forwardKey, reverseKey) = key.Split();
        var steps = schedule.Steps;
        return from _ in ReverseAisBlocks.Layout(Sandwich.Method, particles, block)
               from forward in ReverseAisBlocks.Forward(forwardKey, path, schedule, particles, block, Sandwich.Offset.Of(progress, 0, 2 * steps))
               from start in exactDraws(AisBlocks.Key(startKey, particles, block), AisBlocks.Length(particles, block))
                   .Match(Succ: Success<Error, TState>, Fail: Fail<Error, TState>)
               from reverse in ReverseAisBlocks.Reverse(reverseKey, path, schedule, particles, block, start, Sandwich.Offset.Of(progress, steps, 2 * steps))
               select new SandwichBlock(forward.Block, reverse);
    }

    /// <summary>The sandwich of the whole run from its blocks, given in block order.</summary>
    /// <param name="path">The annealing path the blocks ran on.</param>
    /// <param name="schedule">The path positions they ran along.</param>
    /// <param name="particles">The run's particle count M of each direction.</param>
    /// <param name="blocks">Every block of the layout, once each, in order.</param>
    /// <param name="exactSamples">True when the reverse parts started from exact draws; false adds <see cref="EstimateWarnings.ApproximateTargetSamples"/>.</param>
    /// <returns>The sandwich (for one block, the bits of <see cref="Sandwich"/>'s run), or what is wrong with the blocks.</returns>
    public static Validation<Error, LogZEstimate> Combine<TState>(
        AnnealingPath<TState> path, AnnealingSchedule schedule, int particles, IReadOnlyList<SandwichBlock> blocks, bool exactSamples)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(blocks);
        AisBlock[] forward = [.. blocks.Select(b => b.Forward)];
        return AisBlocks.Check(Sandwich.Method, particles, forward).Bind(_ =>
            (AisBlocks.Combine(path, schedule, particles, forward), ReverseAisBlocks.Combine(path, schedule, particles, [.. blocks.Select(b => b.Reverse)], exactSamples))
                .Apply(Sandwich.Combine));
    }
}
