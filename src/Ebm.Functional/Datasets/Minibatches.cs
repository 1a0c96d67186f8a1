using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Datasets;

/// <summary>Shuffled minibatches: one permutation per key (one key per epoch), so every epoch's order is reproducible on its own.</summary>
public static class Minibatches
{
    /// <summary>
    /// A uniform random permutation of 0..n-1 (Fisher-Yates, draw i from uniform i of <paramref name="key"/>).
    /// </summary>
    public static int[] Permutation(RngKey key, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var order = new int[n];
        for (var i = 0; i < n; i++) order[i] = i;
        for (var i = n - 1; i > 0; i--)
        {
            var j = (int)Math.Min(i, Math.Floor(key.UniformAt(i) * (i + 1)));
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    /// <summary>The rows of <paramref name="data"/> in the order <paramref name="order"/> gives.</summary>
    public static Mat Rows(Mat data, ReadOnlySpan<int> order)
    {
        ArgumentNullException.ThrowIfNull(data);
        var columns = data.Columns;
        var picked = order.ToArray();
        return Mat.Create(picked.Length, columns, d =>
        {
            for (var r = 0; r < picked.Length; r++) data.Row(picked[r]).CopyTo(d.Slice(r * columns, columns));
        });
    }

    /// <summary>
    /// The rows of <paramref name="data"/> shuffled by <paramref name="key"/> and cut into batches of
    /// <paramref name="batchSize"/>; the last batch holds the remainder when the size does not divide the rows.
    /// </summary>
    /// <returns>The batches, or <see cref="DatasetErrors.InvalidBatch"/> for an empty data set or a batch size below 1.</returns>
    public static Fin<Seq<Mat>> Of(RngKey key, Mat data, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Rows == 0) return FinFail<Seq<Mat>>(DatasetErrors.InvalidBatch("the data set has no examples"));
        if (batchSize < 1) return FinFail<Seq<Mat>>(DatasetErrors.InvalidBatch($"the batch size must be >= 1, got {batchSize}"));
        var order = Permutation(key, data.Rows);
        var batches = new List<Mat>();
        for (var start = 0; start < data.Rows; start += batchSize)
            batches.Add(Rows(data, order.AsSpan(start, Math.Min(batchSize, data.Rows - start))));
        return FinSucc(toSeq(batches));
    }
}
