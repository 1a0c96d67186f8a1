using Ebm.Functional.Datasets;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Datasets;

/// <summary>Bars-and-stripes: every distinct image once, and draws with MacKay's probabilities.</summary>
public sealed class BarsAndStripesTests
{
    /// <summary>Five binomial standard errors: a count outside them has probability below 6e-7 per image (normal approximation).</summary>
    private const double Sigmas = 5.0;

    private static bool IsBarsOrStripes(ReadOnlySpan<double> image, int side)
    {
        bool stripes = true, bars = true;
        for (var i = 0; i < side; i++)
        for (var j = 0; j < side; j++)
        {
            stripes &= image[i * side + j] == image[i * side];
            bars &= image[i * side + j] == image[j];
        }

        return stripes || bars;
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 6)]
    [InlineData(3, 14)]
    [InlineData(4, 30)]
    public void All_holds_the_2_to_the_n_plus_1_minus_2_distinct_images(int side, int count)
    {
        var all = BarsAndStripes.All(side).Match(m => m, e => throw new InvalidOperationException(e.Message));
        Assert.Equal((count, side * side), (all.Rows, all.Columns));
        Assert.Equal(count, Enumerable.Range(0, all.Rows).Select(r => string.Join(",", all.Row(r).ToArray())).Distinct().Count());
        for (var r = 0; r < all.Rows; r++) Assert.True(IsBarsOrStripes(all.Row(r), side), $"row {r}");
    }

    [Fact]
    public void Draws_have_the_blank_and_full_images_twice_as_likely_as_the_others()
    {
        const int draws = 40_000;
        var sample = BarsAndStripes.Sample(RngKey.FromSeed(11), 2, draws).Match(m => m, e => throw new InvalidOperationException(e.Message));
        var counts = Enumerable.Range(0, draws).GroupBy(r => string.Join("", sample.Row(r).ToArray())).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(6, counts.Count);
        foreach (var (image, k) in counts)
        {
            // p(blank) = p(full) = 1/2 * 1/4 (stripes) + 1/2 * 1/4 (bars); each other image 1/2 * 1/4.
            var p = image is "0000" or "1111" ? 0.25 : 0.125;
            Assert.InRange(k, draws * p - Sigmas * Math.Sqrt(draws * p * (1 - p)), draws * p + Sigmas * Math.Sqrt(draws * p * (1 - p)));
        }
    }

    [Fact]
    public void The_same_key_draws_the_same_images_and_bad_sizes_are_errors()
    {
        Assert.Equal(BarsAndStripes.Sample(RngKey.FromSeed(3), 4, 50), BarsAndStripes.Sample(RngKey.FromSeed(3), 4, 50));
        Assert.Equal(DatasetErrors.InvalidSizeCode, BarsAndStripes.All(0).Match(_ => 0, e => e.Code));
        Assert.Equal(DatasetErrors.InvalidSizeCode, BarsAndStripes.Sample(RngKey.FromSeed(3), 4, -1).Match(_ => 0, e => e.Code));
        Assert.Equal(Mat.Zeros(0, 16), BarsAndStripes.Sample(RngKey.FromSeed(3), 4, 0).Match(m => m, e => throw new InvalidOperationException(e.Message)));
    }
}
