using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Training;

/// <summary>
/// The fixed shards of a minibatch for data-parallel training: a minibatch of n rows is cut into ⌈n / <see cref="Size"/>⌉
/// shards of consecutive rows, every one full but the last, so the layout depends on n alone, never on how many machines
/// compute it. Each shard's gradient is computed on its own; <see cref="Combine"/> adds them, weighted by their row
/// counts, in a fixed pairwise tree in shard order; the optimizer then takes one step on the sum.
/// </summary>
/// <remarks>
/// <para>A minibatch of one shard (n ≤ <see cref="Size"/>) is the step without shards: its key is the step's key and its
/// gradient the step's gradient, bit for bit. With S &gt; 1 shards, shard s draws from <c>stepKey.FoldIn(s)</c>.</para>
/// <para>Persistent chains (PCD) are cut in proportion to the rows: shard s of a minibatch of n rows owns chains
/// ⌊C a_s / n⌋ .. ⌊C e_s / n⌋ − 1, where a_s .. e_s − 1 are its rows, so with C = n the chains are cut as the rows are.
/// Every shard owns at least one chain when C ≥ S (a full shard has n_s / n ≥ 1 / S, and the last ends at C).</para>
/// <para>Combination: leaf s holds n_s g_s; adjacent pairs are added level by level (an odd one out moves up unchanged)
/// and the root is divided by n, so g = (1/n) Σ_s n_s g_s, the minibatch's mean gradient when each g_s is its shard's
/// mean. For PCD the negative phase is then weighted by n_s / (n C_s) per chain instead of 1 / C: the same when C = n.</para>
/// </remarks>
public static class TrainingShards
{
    /// <summary>The most rows in a shard (the size of an AIS block: a shard keeps every core of a machine busy).</summary>
    public const int Size = 1024;

    /// <summary>The number of shards of a minibatch of <paramref name="rows"/> rows: ⌈rows / <see cref="Size"/>⌉, at least 1.</summary>
    /// <param name="rows">The minibatch's rows.</param>
    public static int Count(int rows) => Math.Max(1, (int)((rows + (long)Size - 1) / Size));

    /// <summary>The first row and the row count of shard <paramref name="shard"/> of a minibatch of <paramref name="rows"/> rows.</summary>
    /// <param name="rows">The minibatch's rows.</param>
    /// <param name="shard">The shard, 0 .. <see cref="Count"/> − 1.</param>
    public static (int Start, int Count) Rows(int rows, int shard)
    {
        CheckShard(rows, shard);
        var start = shard * Size;
        return (start, Math.Min(Size, rows - start));
    }

    /// <summary>The first chain and the chain count shard <paramref name="shard"/> owns, of <paramref name="chains"/> chains.</summary>
    /// <param name="rows">The minibatch's rows.</param>
    /// <param name="chains">The persistent chains C.</param>
    /// <param name="shard">The shard, 0 .. <see cref="Count"/> − 1.</param>
    public static (int Start, int Count) Chains(int rows, int chains, int shard)
    {
        var (start, count) = Rows(rows, shard);
        var first = (int)((long)chains * start / rows);
        var end = (int)((long)chains * (start + count) / rows);
        return (first, end - first);
    }

    /// <summary>The key of shard <paramref name="shard"/>: the step's key for a minibatch of one shard, else <c>stepKey.FoldIn(shard)</c>.</summary>
    /// <param name="stepKey">The step's key.</param>
    /// <param name="rows">The minibatch's rows.</param>
    /// <param name="shard">The shard.</param>
    public static RngKey Key(RngKey stepKey, int rows, int shard)
    {
        CheckShard(rows, shard);
        return Count(rows) == 1 ? stepKey : stepKey.FoldIn(shard);
    }

    /// <summary>
    /// The shards' gradients combined in the fixed tree (g = (1/n) Σ n_s g_s), their chains stacked in shard order, their
    /// reconstruction errors combined in the same tree; one shard is returned as it is.
    /// </summary>
    /// <param name="shards">Every shard's gradient, in shard order.</param>
    public static ShardGradient Combine(IReadOnlyList<ShardGradient> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0) throw new ArgumentException("no shards to combine", nameof(shards));
        if (shards.Count == 1) return shards[0];
        var length = shards[0].Gradient.Length;
        if (shards.Any(s => s.Gradient.Length != length)) throw new ArgumentException("the shards' gradients differ in length", nameof(shards));
        var rows = shards.Sum(s => s.Rows);
        var level = shards.Select(s => Scaled(s.Gradient.Span, s.Rows)).ToList();
        while (level.Count > 1)
        {
            var next = new List<double[]>((level.Count + 1) / 2);
            for (var i = 0; i + 1 < level.Count; i += 2)
            {
                System.Numerics.Tensors.TensorPrimitives.Add(level[i], level[i + 1], level[i]);
                next.Add(level[i]);
            }

            if (level.Count % 2 == 1) next.Add(level[^1]);
            level = next;
        }

        var gradient = level[0];
        System.Numerics.Tensors.TensorPrimitives.Divide(gradient, rows, gradient);
        var reconstruction = Tree(shards.Select(s => s.Rows * s.ReconstructionError).ToList()) / rows;
        return new ShardGradient(rows, Vec.Wrap(gradient), Stacked(shards), reconstruction);
    }

    /// <summary>The pairwise tree of <see cref="Combine"/> on numbers.</summary>
    private static double Tree(List<double> level)
    {
        while (level.Count > 1)
        {
            var next = new List<double>((level.Count + 1) / 2);
            for (var i = 0; i + 1 < level.Count; i += 2) next.Add(level[i] + level[i + 1]);
            if (level.Count % 2 == 1) next.Add(level[^1]);
            level = next;
        }

        return level[0];
    }

    private static double[] Scaled(ReadOnlySpan<double> gradient, int rows)
    {
        var scaled = new double[gradient.Length];
        System.Numerics.Tensors.TensorPrimitives.Multiply(gradient, rows, scaled);
        return scaled;
    }

    /// <summary>The shards' chains one under the other, or null when the shards keep none.</summary>
    private static Mat? Stacked(IReadOnlyList<ShardGradient> shards)
    {
        if (shards.Any(s => s.Chains is null)) return null;
        var columns = shards[0].Chains!.Columns;
        var total = shards.Sum(s => s.Chains!.Rows);
        return Mat.Create(total, columns, d =>
        {
            var at = 0;
            foreach (var s in shards)
            {
                s.Chains!.Span.CopyTo(d[at..]);
                at += s.Chains.Span.Length;
            }
        });
    }

    private static void CheckShard(int rows, int shard)
    {
        if (rows < 1) throw new ArgumentOutOfRangeException(nameof(rows), rows, "a minibatch has at least one row");
        if (shard < 0 || shard >= Count(rows)) throw new ArgumentOutOfRangeException(nameof(shard), shard, $"a minibatch of {rows} rows has {Count(rows)} shards");
    }
}
