using Ebm.Functional.Datasets;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Datasets;

/// <summary>
/// The closed-form densities are the densities of what the toys draw: each integrates to one, and a histogram of
/// <see cref="Count"/> draws agrees with the cell probabilities integrated from the density (Pearson's chi-square, the
/// bound the 1 - <see cref="Alpha"/> quantile of its null distribution, so a correct density fails with probability
/// <see cref="Alpha"/>). A density off by 3 % in scale fails the same bound, so the test has power.
/// </summary>
public sealed class Toys2DDensityTests
{
    private const int Count = 200_000;

    /// <summary>Chance that a correct density fails the chi-square bound.</summary>
    private const double Alpha = 1e-6;

    /// <summary>The standard normal's 1 - <see cref="Alpha"/> quantile.</summary>
    private const double NormalQuantile = 4.753424;

    /// <summary>Cells whose expected count is below this are pooled, so the chi-square approximation holds.</summary>
    private const double SmallestExpected = 5;

    private static readonly double[] Nodes = [-0.9061798459386640, -0.5384693101056831, 0, 0.5384693101056831, 0.9061798459386640];
    private static readonly double[] Weights = [0.2369268850561891, 0.4786286704993665, 0.5688888888888889, 0.4786286704993665, 0.2369268850561891];

    /// <summary>A histogram: the box [-Half, Half]² in square cells of side Cell, each integrated on Parts² sub-cells.</summary>
    private sealed record Grid(double Half, double Cell, int Parts)
    {
        public int Cells => (int)Math.Round(2 * Half / Cell);
    }

    public static TheoryData<string, double, double, int> Toys => new()
    {
        { "ring", 3.0, 0.25, 3 },
        { "eight-gaussians", 5.0, 0.5, 2 },
        { "checkerboard", 4.0, 0.5, 1 },
    };

    private static Func<double, double, double> Density(string name) =>
        Toys2D.LogDensity(name).Match(f => f, () => throw new InvalidOperationException($"{name} has no density"));

    /// <summary>
    /// The probability of every cell by 5-point Gauss-Legendre on each sub-cell: the checkerboard's squares fall on cell
    /// edges, so its integrand is constant on every cell; the Gaussians are at least 1.2 sub-cells wide, where the
    /// rule's error is far below the 1e-3 relative accuracy the chi-square needs at these counts.
    /// </summary>
    private static double[] CellProbabilities(Func<double, double, double> logDensity, Grid grid)
    {
        var n = grid.Cells;
        var h = grid.Cell / grid.Parts;
        var probabilities = new double[n * n];
        for (var i = 0; i < n; i++)
        for (var j = 0; j < n; j++)
        {
            var sum = 0.0;
            for (var a = 0; a < grid.Parts; a++)
            for (var b = 0; b < grid.Parts; b++)
            {
                var x0 = -grid.Half + i * grid.Cell + a * h + h / 2;
                var y0 = -grid.Half + j * grid.Cell + b * h + h / 2;
                for (var p = 0; p < 5; p++)
                for (var q = 0; q < 5; q++)
                    sum += Weights[p] * Weights[q] * Math.Exp(logDensity(x0 + Nodes[p] * h / 2, y0 + Nodes[q] * h / 2));
            }

            probabilities[i * n + j] = sum * h * h / 4;
        }

        return probabilities;
    }

    private static (double Statistic, double Bound) ChiSquare(Mat points, double[] probabilities, Grid grid)
    {
        var n = grid.Cells;
        var observed = new double[n * n];
        var outside = 0.0;
        for (var r = 0; r < points.Rows; r++)
        {
            var i = (int)Math.Floor((points[r, 0] + grid.Half) / grid.Cell);
            var j = (int)Math.Floor((points[r, 1] + grid.Half) / grid.Cell);
            if (i is >= 0 && i < n && j is >= 0 && j < n) observed[i * n + j]++;
            else outside++;
        }

        double statistic = 0, pooledObserved = outside, pooledExpected = points.Rows * Math.Max(0, 1 - probabilities.Sum());
        var bins = 0;
        for (var k = 0; k < observed.Length; k++)
        {
            var expected = points.Rows * probabilities[k];
            if (expected < SmallestExpected)
            {
                pooledObserved += observed[k];
                pooledExpected += expected;
                continue;
            }

            statistic += (observed[k] - expected) * (observed[k] - expected) / expected;
            bins++;
        }

        // Points where the density puts no mass at all refute it whatever their number.
        if (pooledExpected < 1e-9) statistic += pooledObserved > 0 ? double.PositiveInfinity : 0;
        else
        {
            statistic += (pooledObserved - pooledExpected) * (pooledObserved - pooledExpected) / pooledExpected;
            bins++;
        }

        return (statistic, WilsonHilferty(bins - 1));
    }

    /// <summary>The chi-square quantile by the Wilson-Hilferty cube-root normal approximation (accurate to well under 1 % for hundreds of degrees of freedom).</summary>
    private static double WilsonHilferty(int degrees)
    {
        var c = 2.0 / (9 * degrees);
        return degrees * Math.Pow(1 - c + NormalQuantile * Math.Sqrt(c), 3);
    }

    [Theory]
    [MemberData(nameof(Toys))]
    public void The_density_integrates_to_one(string name, double half, double cell, int parts)
    {
        // The boxes reach 10 noise deviations beyond the rings and 6 beyond the Gaussians' centres: the mass outside is below 1e-8.
        var total = CellProbabilities(Density(name), new Grid(half, cell, parts)).Sum();
        Assert.Equal(1.0, total, 7);
    }

    [Theory]
    [MemberData(nameof(Toys))]
    public void A_histogram_of_draws_agrees_with_the_density(string name, double half, double cell, int parts)
    {
        var grid = new Grid(half, cell, parts);
        var points = Toys2D.Sample(RngKey.FromSeed(2026), name, Count).Match(m => m, e => throw new InvalidOperationException(e.Message));
        var (statistic, bound) = ChiSquare(points, CellProbabilities(Density(name), grid), grid);
        Assert.True(statistic < bound, $"{name}: chi-square {statistic:F1} above the bound {bound:F1}");
    }

    [Theory]
    [MemberData(nameof(Toys))]
    public void Draws_stretched_by_three_percent_fail_the_same_bound(string name, double half, double cell, int parts)
    {
        var grid = new Grid(half, cell, parts);
        var points = Toys2D.Sample(RngKey.FromSeed(2026), name, Count).Match(m => m, e => throw new InvalidOperationException(e.Message));
        var stretched = Mat.Create(points.Rows, 2, d =>
        {
            for (var k = 0; k < d.Length; k++) d[k] = 1.03 * points.Span[k];
        });
        var (statistic, bound) = ChiSquare(stretched, CellProbabilities(Density(name), grid), grid);
        Assert.True(statistic > bound, $"{name}: chi-square {statistic:F1} of stretched draws below the bound {bound:F1}");
    }

    [Theory]
    [InlineData("ring")]
    [InlineData("eight-gaussians")]
    [InlineData("checkerboard")]
    public void The_expected_log_density_is_the_mean_log_density_of_draws(string name)
    {
        // Monte Carlo over Count draws, within Sigmas standard errors of the mean (failure probability below 6e-7).
        const double sigmas = 5;
        var density = Density(name);
        var points = Toys2D.Sample(RngKey.FromSeed(77), name, Count).Match(m => m, e => throw new InvalidOperationException(e.Message));
        var values = Enumerable.Range(0, points.Rows).Select(r => density(points[r, 0], points[r, 1])).ToArray();
        var mean = values.Average();
        var se = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1) / values.Length);
        var expected = Toys2D.ExpectedLogDensity(name).Match(v => v, () => throw new InvalidOperationException("none"));
        // The checkerboard's log density is the same constant at every draw (se = 0): 1e-9 allows the rounding of the sum.
        Assert.InRange(expected, mean - sigmas * se - 1e-9, mean + sigmas * se + 1e-9);
    }

    [Fact]
    public void The_expected_log_densities_meet_their_closed_forms_and_bounds()
    {
        Assert.Equal(-Math.Log(32), Toys2D.ExpectedLogDensity("checkerboard").Match(v => v, () => double.NaN));
        // A mixture of K components of entropy h has h <= H <= h + log K, with equality on the right only for components
        // that do not overlap at all; the Gaussians' tails do, so the value lies strictly inside, near the lower end.
        var h = Math.Log(2 * Math.PI * Toys2D.EightGaussiansStandardDeviation * Toys2D.EightGaussiansStandardDeviation) + 1;
        Assert.InRange(Toys2D.ExpectedLogDensity("eight-gaussians").Match(v => v, () => double.NaN), -h - Math.Log(8) + 1e-4, -h);
        Assert.True(Toys2D.ExpectedLogDensity("two-moons").IsNone);
        Assert.True(Toys2D.ExpectedLogDensity("unknown").IsNone);
    }
}
