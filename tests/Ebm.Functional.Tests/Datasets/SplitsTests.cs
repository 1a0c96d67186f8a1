using Ebm.Functional.Datasets;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Datasets;

/// <summary>Train/test splits: round(f n) test examples chosen uniformly by the key, both parts in the data's order.</summary>
public sealed class SplitsTests
{
    private static Mat Indexed(int rows) => Mat.Create(rows, 1, d =>
    {
        for (var r = 0; r < rows; r++) d[r] = r;
    });

    private static (Mat Train, Mat Test) Split(RngKey key, Mat data, double fraction) =>
        Splits.TrainTest(key, data, fraction).Match(s => s, e => throw new InvalidOperationException(e.Message));

    [Fact]
    public void The_parts_have_the_stated_sizes_partition_the_data_and_keep_its_order()
    {
        var (train, test) = Split(RngKey.FromSeed(4), Indexed(10), 0.25);
        Assert.Equal((7, 3), (train.Rows, test.Rows)); // round(2.5) = 3, away from zero
        var all = train.Span.ToArray().Concat(test.Span.ToArray()).Order();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (double)i), all);
        Assert.Equal(train.Span.ToArray().Order(), train.Span.ToArray());
        Assert.Equal(test.Span.ToArray().Order(), test.Span.ToArray());
        Assert.Equal(Split(RngKey.FromSeed(4), Indexed(10), 0.25), (train, test));
    }

    [Fact]
    public void Each_example_is_a_test_example_with_probability_m_over_n()
    {
        // n = 5, m = round(0.4 * 5) = 2: P(example i in test) = 2/5. Over 20,000 keys the SE of a count is 69; 5 SE bound.
        const int keys = 20_000;
        var counts = new int[5];
        for (var k = 0; k < keys; k++)
            foreach (var x in Split(RngKey.FromSeed(8).FoldIn(k), Indexed(5), 0.4).Test.Span) counts[(int)x]++;
        var se = Math.Sqrt(keys * 0.4 * 0.6);
        Assert.All(counts, c => Assert.InRange(c, keys * 0.4 - 5 * se, keys * 0.4 + 5 * se));
    }

    [Theory]
    [InlineData(10, 0.0)]
    [InlineData(10, 1.0)]
    [InlineData(10, double.NaN)]
    [InlineData(1, 0.5)]
    [InlineData(10, 0.01)]
    [InlineData(10, 0.99)]
    public void A_fraction_outside_0_1_or_leaving_a_part_empty_is_an_error(int rows, double fraction)
    {
        Assert.Equal(DatasetErrors.InvalidSettingCode, Splits.TrainTest(RngKey.FromSeed(1), Indexed(rows), fraction).Match(_ => 0, e => e.Code));
    }
}
