using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Estimators;

/// <summary>
/// AIS cut into fixed blocks of particles that can run anywhere — one after another, on threads, or on the machines
/// of a cluster — and be combined into the estimate of the whole run, with the same bits wherever each block ran.
/// </summary>
/// <remarks>
/// <para>Layout: M particles make ceil(M / <see cref="Size"/>) blocks; block b holds particles b·Size .. min(M, (b + 1)·Size) − 1.
/// The layout depends on M alone, never on how many workers run it.</para>
/// <para>Keys: a run of one block (M ≤ <see cref="Size"/>) is exactly <see cref="Ais.Run{TState}"/> with the run's key, so
/// its bits are those of the unblocked estimator; with more blocks, block b is an AIS run of its own with
/// <c>key.FoldIn(b)</c>. Every block's particles are independent of every other block's, so the combined estimate is
/// AIS with M independent particles.</para>
/// <para>Combination, in block order: the log weights concatenated (<see cref="Estimates.FromLogWeights"/>), the
/// running estimate log Z_0 + log((1/M) Σ_b n_b exp(m_b)) from the blocks' log mean weights m_b, and the sampler-health
/// tallies merged (<see cref="SamplerHealthCounts.Merge"/>).</para>
/// </remarks>
/// <example><code>
/// var estimate =
///     from blocks in Enumerable.Range(0, AisBlocks.Count(10_000))
///         .Select(b =&gt; AisBlocks.Run(key, path, schedule, 10_000, b)).ToSeq().Sequence()
///     from combined in AisBlocks.Combine(path, schedule, 10_000, blocks.ToArray())
///     select combined;
/// </code></example>
public static class AisBlocks
{
    /// <summary>Particles per block (the last block holds the rest).</summary>
    public const int Size = 1024;

    /// <summary>The number of blocks of <paramref name="particles"/> particles (0 for none).</summary>
    /// <param name="particles">The run's particle count M.</param>
    public static int Count(int particles) => particles < 1 ? 0 : (int)(((long)particles + Size - 1) / Size);

    /// <summary>The number of particles in block <paramref name="block"/> of the layout (0 outside it).</summary>
    /// <param name="particles">The run's particle count M.</param>
    /// <param name="block">The block's index.</param>
    public static int Length(int particles, int block) =>
        block < 0 || block >= Count(particles) ? 0 : Math.Min(Size, particles - block * Size);

    /// <summary>The key block <paramref name="block"/> runs with: the run's key for a one-block run, else <c>key.FoldIn(block)</c>.</summary>
    /// <param name="key">The run's key.</param>
    /// <param name="particles">The run's particle count M.</param>
    /// <param name="block">The block's index.</param>
    public static RngKey Key(RngKey key, int particles, int block) => Count(particles) == 1 ? key : key.FoldIn(block);

    /// <summary>Anneals one block of the run's particles along the schedule.</summary>
    /// <param name="key">The run's key (not the block's).</param>
    /// <param name="path">The annealing path.</param>
    /// <param name="schedule">The path positions.</param>
    /// <param name="particles">The run's particle count M, at least 1.</param>
    /// <param name="block">The block, 0 .. <see cref="Count"/>(M) − 1.</param>
    /// <param name="progress">Reports each step of this block, if given.</param>
    /// <returns>The block, or every problem found (<see cref="AnnealingEstimatorErrors"/>).</returns>
    public static Validation<Error, AisBlock> Run<TState>(
        RngKey key, AnnealingPath<TState> path, AnnealingSchedule schedule, int particles, int block, IProgress<AnnealingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(schedule);
        var kernel = Ais.Kernel(path);
        if (particles < 1) return Fail<Error, AisBlock>(AnnealingEstimatorErrors.InvalidParticles(Ais.Method, particles, 1));
        if (block < 0 || block >= Count(particles)) return Fail<Error, AisBlock>(AnnealingEstimatorErrors.InvalidBlock(Ais.Method, block, Count(particles)));
        var (baseKey, moveKey) = Key(key, particles, block).Split();
        return kernel.Init(baseKey, Length(particles, block))
            .Bind(start => Ais.Anneal(kernel, schedule.Points, start, moveKey, progress, "AIS"))
            .Map(run => new AisBlock(block, run.LogWeights, run.TracePoints, run.TraceLogMeanWeights, run.Health));
    }

    /// <summary>The estimate of the whole run from its blocks, given in block order.</summary>
    /// <param name="path">The annealing path the blocks ran on.</param>
    /// <param name="schedule">The path positions they ran along.</param>
    /// <param name="particles">The run's particle count M.</param>
    /// <param name="blocks">Every block of the layout, once each, in order.</param>
    /// <returns>The estimate (for one block, the bits of <see cref="Ais.Run{TState}"/>), or what is wrong with the blocks.</returns>
    public static Validation<Error, LogZEstimate> Combine<TState>(AnnealingPath<TState> path, AnnealingSchedule schedule, int particles, IReadOnlyList<AisBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(blocks);
        return Check(Ais.Method, particles, blocks).Map(_ =>
        {
            var logWeights = LogWeights(particles, blocks);
            var health = Health(blocks);
            var trace = LogMeanTrace(particles, blocks);
            var running = Vec.Create(trace.Length, d =>
            {
                for (var i = 0; i < d.Length; i++) d[i] = path.LogZ0 + trace[i];
            });
            return Estimates.FromLogWeights(Ais.Method, path.TargetBeta, path.LogZ0, logWeights, Ais.Evaluations(path, schedule, particles),
                SamplerHealth.Warnings(health, "AIS")) with
            {
                Steps = schedule.Steps,
                Trace = new EstimateTrace(blocks[0].TracePoints, running),
            };
        });
    }

    /// <summary>
    /// The running log mean weight of the whole run at each trace point, from the blocks' own: a one-block run's trace
    /// itself, else log((1/M) Σ_b n_b exp(m_b)).
    /// </summary>
    internal static Vec LogMeanTrace(int particles, IReadOnlyList<AisBlock> blocks)
    {
        var trace = blocks[0].TraceLogMeanWeights;
        if (blocks.Count == 1) return trace;
        return Vec.Create(trace.Length, d =>
        {
            var scratch = new double[blocks.Count];
            for (var i = 0; i < d.Length; i++)
            {
                for (var b = 0; b < blocks.Count; b++) scratch[b] = blocks[b].TraceLogMeanWeights[i] + Math.Log(blocks[b].LogWeights.Length);
                d[i] = LogSpace.LogSumExp(scratch) - Math.Log(particles);
            }
        });
    }

    /// <summary>The concatenated log weights of the blocks, in block order.</summary>
    internal static Vec LogWeights(int particles, IReadOnlyList<AisBlock> blocks) => Vec.Create(particles, d =>
    {
        foreach (var b in blocks) b.LogWeights.Span.CopyTo(d[(b.Block * Size)..]);
    });

    /// <summary>The blocks' sampler-health tallies merged in block order.</summary>
    internal static SamplerHealthCounts Health(IReadOnlyList<AisBlock> blocks) =>
        blocks.Skip(1).Aggregate(blocks[0].Health, (acc, b) => acc.Merge(b.Health));

    /// <summary>Every block of the layout of <paramref name="particles"/>, once each, in order, along the same trace points; else the mismatch, naming <paramref name="method"/>.</summary>
    internal static Validation<Error, Unit> Check(string method, int particles, IReadOnlyList<AisBlock> blocks)
    {
        var count = Count(particles);
        if (count == 0) return Fail<Error, Unit>(AnnealingEstimatorErrors.InvalidParticles(method, particles, 1));
        if (blocks.Count != count) return Fail<Error, Unit>(AnnealingEstimatorErrors.BlocksMismatch(method, $"{blocks.Count} blocks for {particles} particles, which make {count}"));
        for (var b = 0; b < count; b++)
        {
            var block = blocks[b];
            if (block.Block != b) return Fail<Error, Unit>(AnnealingEstimatorErrors.BlocksMismatch(method, $"block {block.Block} stands at place {b}"));
            if (block.LogWeights.Length != Length(particles, b))
                return Fail<Error, Unit>(AnnealingEstimatorErrors.BlocksMismatch(method, $"block {b} has {block.LogWeights.Length} particles, the layout gives it {Length(particles, b)}"));
            if (!block.TracePoints.Span.SequenceEqual(blocks[0].TracePoints.Span) || block.TraceLogMeanWeights.Length != block.TracePoints.Length)
                return Fail<Error, Unit>(AnnealingEstimatorErrors.BlocksMismatch(method, $"block {b} ran along other trace points than block 0"));
        }

        return Success<Error, Unit>(unit);
    }
}
