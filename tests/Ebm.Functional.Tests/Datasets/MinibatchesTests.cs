using Ebm.Functional.Datasets;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Datasets;

/// <summary>Minibatches: each epoch's key gives a uniform permutation, and the batches hold every example once.</summary>
public sealed class MinibatchesTests
{
    private static Mat Indexed(int rows) => Mat.Create(rows, 2, d =>
    {
        for (var r = 0; r < rows; r++) (d[2 * r], d[2 * r + 1]) = (r, -r);
    });

    [Fact]
    public void The_batches_of_an_epoch_hold_every_example_once_the_last_one_the_remainder()
    {
        var batches = Minibatches.Of(RngKey.FromSeed(5), Indexed(10), 4).Match(b => b, e => throw new InvalidOperationException(e.Message)).ToList();
        Assert.Equal([4, 4, 2], batches.Select(b => b.Rows));
        var seen = batches.SelectMany(b => Enumerable.Range(0, b.Rows).Select(r => (b[r, 0], b[r, 1]))).ToList();
        Assert.Equal(Enumerable.Range(0, 10).Select(r => ((double)r, (double)-r)), seen.Order());
    }

    [Fact]
    public void Each_key_gives_its_own_order_and_the_same_key_the_same()
    {
        var data = Indexed(50);
        var first = Minibatches.Of(RngKey.FromSeed(1).FoldIn(0), data, 50).Match(b => b.Head, e => throw new InvalidOperationException(e.Message));
        var again = Minibatches.Of(RngKey.FromSeed(1).FoldIn(0), data, 50).Match(b => b.Head, e => throw new InvalidOperationException(e.Message));
        var next = Minibatches.Of(RngKey.FromSeed(1).FoldIn(1), data, 50).Match(b => b.Head, e => throw new InvalidOperationException(e.Message));
        Assert.Equal(first, again);
        Assert.NotEqual(first, next);
    }

    [Fact]
    public void Permutations_of_three_are_uniform()
    {
        // 6 orders, each of probability 1/6 over 60,000 keys: SE sqrt(60000 * 1/6 * 5/6) = 91; 5 SE bound, delta < 6e-7 per order.
        const int keys = 60_000;
        var counts = Enumerable.Range(0, keys).GroupBy(k => string.Join("", Minibatches.Permutation(RngKey.FromSeed(9).FoldIn(k), 3))).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(6, counts.Count);
        var se = Math.Sqrt(keys / 6.0 * (5.0 / 6.0));
        Assert.All(counts.Values, k => Assert.InRange(k, keys / 6.0 - 5 * se, keys / 6.0 + 5 * se));
    }

    [Fact]
    public void An_empty_data_set_or_a_batch_below_one_is_an_error()
    {
        Assert.Equal(DatasetErrors.InvalidBatchCode, Minibatches.Of(RngKey.FromSeed(1), Mat.Zeros(0, 3), 2).Match(_ => 0, e => e.Code));
        Assert.Equal(DatasetErrors.InvalidBatchCode, Minibatches.Of(RngKey.FromSeed(1), Indexed(3), 0).Match(_ => 0, e => e.Code));
    }
}
