using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>CD-k and PCD-k in the fixed shards of <see cref="TrainingShards"/>, computed by a shard map the caller chooses.</summary>
public static partial class RbmTraining
{
    /// <summary>
    /// CD-k (<see cref="ContrastiveDivergence"/>) with each minibatch's shards computed by <paramref name="shards"/> (this
    /// machine's <see cref="LocalShards"/>, or a cluster's workers): the map gets the shards of a step in order and must
    /// return their gradients in that order; they are combined in <see cref="TrainingShards.Combine"/>'s tree. Any map
    /// that computes <see cref="RunShard"/> gives the bits of <see cref="ContrastiveDivergence"/>.
    /// </summary>
    /// <param name="shards">Computes a step's shards.</param>
    /// <param name="k">Gibbs steps per update, 1..<see cref="MaxGibbsSteps"/>.</param>
    /// <param name="precision">The precision of the matrix products and of the trained parameters.</param>
    public static Objective<BernoulliRbm> ShardedContrastiveDivergence(
        Func<IReadOnlyList<RbmShard>, Fin<IReadOnlyList<ShardGradient>>> shards, int k = 1, ProductPrecision precision = ProductPrecision.Double)
    {
        ArgumentNullException.ThrowIfNull(shards);
        return new Objective<BernoulliRbm>(
            "cd",
            (_, _) => CheckSteps("cd", k).Map(_ => LanguageExt.Seq<Mat>.Empty),
            (key, model, _, batch) =>
                from steps in CheckSteps("cd", k)
                from data in CheckBatch(model, batch)
                from combined in Sharded(shards, key, model, data, null, steps, precision)
                select new ObjectiveResult(combined.Gradient, LanguageExt.Seq<Mat>.Empty, Seq1(new Metric("reconstruction-error", combined.ReconstructionError))))
        {
            Keep = Kept(precision),
        };
    }

    /// <summary>
    /// PCD-k (<see cref="PersistentContrastiveDivergence"/>) with each minibatch's shards computed by <paramref name="shards"/>;
    /// shard s continues its own slice of the chains (<see cref="TrainingShards.Chains"/>), so a minibatch of S shards needs
    /// at least S chains (an <see cref="TrainingErrors.InvalidSetting"/> otherwise).
    /// </summary>
    /// <param name="shards">Computes a step's shards.</param>
    /// <param name="chains">Persistent chains C, 1..<see cref="MaxPersistentChains"/>.</param>
    /// <param name="k">Gibbs steps per update, 1..<see cref="MaxGibbsSteps"/>.</param>
    /// <param name="precision">The precision of the matrix products and of the trained parameters.</param>
    public static Objective<BernoulliRbm> ShardedPersistentContrastiveDivergence(
        Func<IReadOnlyList<RbmShard>, Fin<IReadOnlyList<ShardGradient>>> shards, int chains, int k = 1, ProductPrecision precision = ProductPrecision.Double)
    {
        ArgumentNullException.ThrowIfNull(shards);
        return new Objective<BernoulliRbm>(
            "pcd",
            (key, model) =>
                from count in CheckChains(chains)
                from steps in CheckSteps("pcd", k)
                select Seq1(StartChains(key, model, count)),
            (key, model, persistent, batch) =>
                from count in CheckChains(chains)
                from steps in CheckSteps("pcd", k)
                from data in CheckBatch(model, batch)
                from joint in CheckPersistent(model, persistent, count)
                from enough in CheckShardChains(data.Rows, count)
                from combined in Sharded(shards, key, model, data, joint, steps, precision)
                select new ObjectiveResult(combined.Gradient, Seq1(combined.Chains!), LanguageExt.Seq<Metric>.Empty))
        {
            Keep = Kept(precision),
        };
    }

    /// <summary>The shard map of this machine: the shards one after another, each on <paramref name="maxDegreeOfParallelism"/> threads.</summary>
    /// <param name="maxDegreeOfParallelism">Threads for the per-row work (-1: no limit); results do not depend on it.</param>
    public static Func<IReadOnlyList<RbmShard>, Fin<IReadOnlyList<ShardGradient>>> LocalShards(int maxDegreeOfParallelism = -1)
    {
        Batch.CheckParallelism(maxDegreeOfParallelism);
        return shards => FinSucc<IReadOnlyList<ShardGradient>>(shards.Select(s => Shard(s, maxDegreeOfParallelism)).ToArray());
    }

    /// <summary>
    /// One shard's gradient: the CD-k or PCD-k kernel on the shard's rows (and chains) with the shard's key. Errors (as
    /// values): k out of range, rows that are empty, of the wrong width or not 0/1, chains of the wrong width or not 0/1.
    /// </summary>
    /// <param name="shard">The shard.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the per-row work (-1: no limit); results do not depend on it.</param>
    public static Fin<ShardGradient> RunShard(RbmShard shard, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(shard);
        Batch.CheckParallelism(maxDegreeOfParallelism);
        var name = shard.Chains is null ? "cd" : "pcd";
        return from steps in CheckSteps(name, shard.K)
               from data in CheckBatch(shard.Model, shard.Rows)
               from chains in shard.Chains is null ? FinSucc(unit) : CheckPersistent(shard.Model, Seq1(shard.Chains), shard.Chains.Rows).Map(_ => unit)
               select Shard(shard, maxDegreeOfParallelism);
    }

    private static ShardGradient Shard(RbmShard shard, int maxDegreeOfParallelism)
    {
        var hidden = shard.Chains is null ? [] : HiddenColumns(shard.Chains, shard.Model.Visible);
        var output = Run(shard.Precision, shard.Key, shard.Model, shard.Rows, hidden, shard.Chains?.Rows ?? 0, shard.K, maxDegreeOfParallelism);
        return new ShardGradient(shard.Rows.Rows, output.Gradient, output.Chains, output.ReconstructionError);
    }

    /// <summary>The step's shards handed to the map and combined; a minibatch of one shard goes whole, with the step's key and chains.</summary>
    private static Fin<ShardGradient> Sharded(
        Func<IReadOnlyList<RbmShard>, Fin<IReadOnlyList<ShardGradient>>> map, RngKey key, BernoulliRbm model, Mat data, Mat? joint, int k, ProductPrecision precision)
    {
        var n = data.Rows;
        var count = TrainingShards.Count(n);
        var shards = new RbmShard[count];
        for (var s = 0; s < count; s++)
        {
            var rows = count == 1 ? data : RowSlice(data, TrainingShards.Rows(n, s));
            var chains = joint is null || count == 1 ? joint : RowSlice(joint, TrainingShards.Chains(n, joint.Rows, s));
            shards[s] = new RbmShard(TrainingShards.Key(key, n, s), model, rows, chains, k, precision);
        }

        return map(shards).Bind(results =>
            results.Count == count && results.Select((r, s) => r.Rows == shards[s].Rows.Rows && (r.Chains?.Rows ?? 0) == (shards[s].Chains?.Rows ?? 0)).All(x => x)
                ? FinSucc(TrainingShards.Combine(results))
                : FinFail<ShardGradient>(TrainingErrors.InvalidSetting(joint is null ? "cd" : "pcd",
                    $"the shard map returned {results.Count} shard gradients of other sizes than the {count} shards it was given")));
    }

    private static Mat RowSlice(Mat matrix, (int Start, int Count) range) =>
        Mat.From(range.Count, matrix.Columns, matrix.Span.Slice(range.Start * matrix.Columns, range.Count * matrix.Columns));

    private static Fin<int> CheckShardChains(int rows, int chains)
    {
        var count = TrainingShards.Count(rows);
        return chains >= count
            ? FinSucc(chains)
            : FinFail<int>(TrainingErrors.InvalidSetting("pcd",
                $"a minibatch of {rows} rows is {count} shards of at most {TrainingShards.Size} rows, each continuing chains of its own: give at least {count} persistent chains, got {chains}"));
    }
}
