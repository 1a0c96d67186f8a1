using Ebm.Functional.Datasets;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Datasets;

/// <summary>
/// The 2-D toys: shapes, seeding, classes and exact moments. Moment checks allow <see cref="Sigmas"/> standard errors
/// (each check fails by chance with probability below 6e-7, normal approximation) on <see cref="Count"/> points.
/// </summary>
public sealed class Toys2DTests
{
    private const int Count = 40_000;
    private const double Sigmas = 5.0;

    private static Mat Labelled(string name, ulong seed = 3, int count = Count) =>
        Toys2D.SampleLabelled(RngKey.FromSeed(seed), name, count).Match(m => m, e => throw new InvalidOperationException(e.Message));

    public static TheoryData<string> Names => new(Toys2D.Names);

    [Fact]
    public void Names_are_the_six_toys_with_their_classes()
    {
        Assert.Equal(["ring", "two-moons", "eight-gaussians", "checkerboard", "two-spirals", "pinwheel"], Toys2D.Names);
        Assert.Equal([2, 2, 8, 2, 2, 5], Toys2D.Names.Select(Toys2D.Classes));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Sample_is_the_point_columns_of_the_labelled_sample_and_a_prefix_of_a_larger_one(string name)
    {
        var points = Toys2D.Sample(RngKey.FromSeed(5), name, 500).Match(m => m, e => throw new InvalidOperationException(e.Message));
        var labelled = Labelled(name, 5, 500);
        var larger = Labelled(name, 5, 900);
        Assert.Equal((500, 2), (points.Rows, points.Columns));
        Assert.Equal((500, 3), (labelled.Rows, labelled.Columns));
        for (var r = 0; r < 500; r++)
        {
            Assert.Equal(points[r, 0], labelled[r, 0]);
            Assert.Equal(points[r, 1], labelled[r, 1]);
            Assert.Equal(labelled.Row(r).ToArray(), larger.Row(r).ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_same_key_gives_the_same_bits_and_another_key_other_points(string name)
    {
        Assert.Equal(Labelled(name, 8, 200), Labelled(name, 8, 200));
        Assert.NotEqual(Labelled(name, 8, 200), Labelled(name, 9, 200));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_class_has_probability_one_over_k_and_every_value_is_finite(string name)
    {
        var sample = Labelled(name);
        var classes = Toys2D.Classes(name);
        var counts = new int[classes];
        for (var r = 0; r < sample.Rows; r++)
        {
            Assert.True(double.IsFinite(sample[r, 0]) && double.IsFinite(sample[r, 1]), $"row {r}");
            var label = sample[r, 2];
            Assert.True(label == Math.Floor(label) && label >= 0 && label < classes, $"row {r}: class {label}");
            counts[(int)label]++;
        }

        var p = 1.0 / classes;
        var se = Math.Sqrt(Count * p * (1 - p));
        foreach (var k in counts) Assert.InRange(k, Count * p - Sigmas * se, Count * p + Sigmas * se);
    }

    [Theory]
    [InlineData("ring", 0, 1.0 + 2 * 0.01)]
    [InlineData("ring", 1, 4.0 + 2 * 0.01)]
    [InlineData("eight-gaussians", -1, 8.0 + 2 * 0.125)]
    [InlineData("two-spirals", -1, Math.PI * Math.PI / 2 + 2 * 0.01)]
    [InlineData("pinwheel", -1, 4 * (1 + 0.09 + 0.01))]
    public void The_mean_squared_radius_is_exact(string name, int label, double expected)
    {
        // ring: R² + 2σ². Eight Gaussians: 8 + 2 (0.5/√2)². Spirals: E t² / 9 = (9π² E u) / 9 = π²/2, plus 2σ².
        // Pinwheel: a rotation keeps |f|, so 4 E(f1² + f2²) = 4 (1 + 0.3² + 0.1²).
        var sample = Labelled(name);
        var squares = Enumerable.Range(0, sample.Rows).Where(r => label < 0 || sample[r, 2] == label)
            .Select(r => sample[r, 0] * sample[r, 0] + sample[r, 1] * sample[r, 1]).ToArray();
        AssertMean(squares, expected);
    }

    [Theory]
    [InlineData(0, 0.0, 2 / Math.PI)]
    [InlineData(1, 1.0, 0.5 - 2 / Math.PI)]
    public void Each_moon_has_its_exact_mean(int label, double x, double y)
    {
        // t uniform on [0, pi]: E cos t = 0, E sin t = 2/pi; the lower moon is (1 - cos t, 1/2 - sin t).
        var sample = Labelled("two-moons");
        var rows = Enumerable.Range(0, sample.Rows).Where(r => sample[r, 2] == label).ToArray();
        AssertMean(rows.Select(r => sample[r, 0]).ToArray(), x);
        AssertMean(rows.Select(r => sample[r, 1]).ToArray(), y);
    }

    [Fact]
    public void Each_eight_gaussians_class_is_centred_on_its_component()
    {
        var sample = Labelled("eight-gaussians");
        for (var k = 0; k < 8; k++)
        {
            var rows = Enumerable.Range(0, sample.Rows).Where(r => sample[r, 2] == k).ToArray();
            AssertMean(rows.Select(r => sample[r, 0]).ToArray(), Toys2D.EightGaussiansRadius * Math.Cos(k * Math.PI / 4));
            AssertMean(rows.Select(r => sample[r, 1]).ToArray(), Toys2D.EightGaussiansRadius * Math.Sin(k * Math.PI / 4));
        }
    }

    [Fact]
    public void The_two_spirals_are_mirror_images_through_the_origin()
    {
        var sample = Labelled("two-spirals");
        for (var axis = 0; axis < 2; axis++)
        {
            var first = Enumerable.Range(0, sample.Rows).Where(r => sample[r, 2] == 0).Select(r => sample[r, axis]).ToArray();
            var second = Enumerable.Range(0, sample.Rows).Where(r => sample[r, 2] == 1).Select(r => -sample[r, axis]).ToArray();
            var se = Math.Sqrt(Variance(first) / first.Length + Variance(second) / second.Length);
            Assert.InRange(first.Average() - second.Average(), -Sigmas * se, Sigmas * se);
        }
    }

    [Fact]
    public void Checkerboard_points_lie_on_their_classes_filled_squares()
    {
        var sample = Labelled("checkerboard");
        var density = Toys2D.LogDensity("checkerboard").Match(f => f, () => throw new InvalidOperationException("no density"));
        for (var r = 0; r < sample.Rows; r++)
        {
            var column = (int)Math.Floor((sample[r, 0] + 4) / 2);
            var line = (int)Math.Floor((sample[r, 1] + 4) / 2);
            var label = (int)sample[r, 2];
            Assert.True(column is >= 0 and < 4 && line is >= 0 and < 4, $"row {r} is off the board");
            Assert.True(column % 2 == label && line % 2 == label, $"row {r}: square ({column}, {line}) is not one of class {label}'s");
            Assert.Equal(-Math.Log(32), density(sample[r, 0], sample[r, 1]));
        }
    }

    [Fact]
    public void Only_ring_eight_gaussians_and_checkerboard_have_a_closed_form_density()
    {
        Assert.Equal(["ring", "eight-gaussians", "checkerboard"], Toys2D.Names.Where(n => Toys2D.LogDensity(n).IsSome));
        Assert.True(Toys2D.LogDensity("moons").IsNone);
    }

    [Fact]
    public void Unknown_names_and_negative_counts_are_errors_that_name_them()
    {
        var unknown = Toys2D.Sample(RngKey.FromSeed(1), "moons", 10);
        unknown.Match(_ => Assert.Fail("expected an error"), e =>
        {
            Assert.Equal(DatasetErrors.UnknownToyCode, e.Code);
            Assert.Contains("'moons'", e.Message);
            Assert.Contains("two-moons", e.Message);
        });
        Toys2D.SampleLabelled(RngKey.FromSeed(1), "ring", -1).Match(_ => Assert.Fail("expected an error"), e => Assert.Equal(DatasetErrors.InvalidSizeCode, e.Code));
        Assert.Throws<ArgumentException>(() => Toys2D.Classes("Ring"));
        Assert.False(Toys2D.IsKnown("Ring"));
        Assert.True(Toys2D.IsKnown("ring"));
    }

    [Fact]
    public void Zero_points_is_an_empty_matrix_of_the_right_width()
    {
        var empty = Toys2D.SampleLabelled(RngKey.FromSeed(1), "pinwheel", 0).Match(m => m, e => throw new InvalidOperationException(e.Message));
        Assert.Equal((0, 3), (empty.Rows, empty.Columns));
    }

    private static void AssertMean(double[] values, double expected)
    {
        var se = Math.Sqrt(Variance(values) / values.Length);
        Assert.InRange(values.Average(), expected - Sigmas * se, expected + Sigmas * se);
    }

    private static double Variance(double[] values)
    {
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_draw_lies_in_the_region_without_margin(string name)
    {
        // The box reaches six noise deviations beyond the noiseless shape: a draw outside has probability below 2e-9 per
        // coordinate, so 4 x 40,000 coordinates leave it with probability below 4e-4 by chance.
        var region = Toys2D.Region(name, margin: 0).Match(r => r, e => throw new InvalidOperationException(e.Message));
        var sample = Labelled(name);
        for (var r = 0; r < sample.Rows; r++)
            Assert.True(sample[r, 0] >= region.XMin && sample[r, 0] <= region.XMax && sample[r, 1] >= region.YMin && sample[r, 1] <= region.YMax, $"row {r}: ({sample[r, 0]}, {sample[r, 1]})");
        Assert.Null(region.Problem());
    }

    [Fact]
    public void The_region_margin_widens_every_side_and_bad_margins_or_names_are_errors()
    {
        var tight = Toys2D.Region("ring", 0).Match(r => r, e => throw new InvalidOperationException(e.Message));
        var wide = Toys2D.Region("ring").Match(r => r, e => throw new InvalidOperationException(e.Message));
        Assert.Equal((tight.XMin - 1, tight.XMax + 1, tight.YMin - 1, tight.YMax + 1), (wide.XMin, wide.XMax, wide.YMin, wide.YMax));
        Assert.Equal(Toys2D.RingNoise, wide.XScale);
        Assert.Equal(DatasetErrors.InvalidSettingCode, Toys2D.Region("ring", -1).Match(_ => 0, e => e.Code));
        Assert.Equal(DatasetErrors.InvalidSettingCode, Toys2D.Region("ring", double.NaN).Match(_ => 0, e => e.Code));
        Assert.Equal(DatasetErrors.UnknownToyCode, Toys2D.Region("rings").Match(_ => 0, e => e.Code));
    }
}
