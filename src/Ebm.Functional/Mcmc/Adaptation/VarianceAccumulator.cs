using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Adaptation;

/// <summary>
/// Running per-coordinate mean and sum of squared deviations of the draws seen so far (Welford 1962), as an
/// immutable value: <see cref="Add"/> returns the accumulator with a batch of rows added.
/// </summary>
/// <param name="Count">n, the draws seen.</param>
/// <param name="Mean">Per-coordinate mean of the draws (d).</param>
/// <param name="SquaredDeviations">Per-coordinate sum of (x - mean)^2 (d).</param>
public sealed record VarianceAccumulator(long Count, Vec Mean, Vec SquaredDeviations)
{
    /// <summary>The empty accumulator for dimension <paramref name="dimension"/>.</summary>
    public static VarianceAccumulator Empty(int dimension) => new(0, Vec.Zeros(dimension), Vec.Zeros(dimension));

    /// <summary>The accumulator with every row of <paramref name="draws"/> added, in row order.</summary>
    public VarianceAccumulator Add(Mat draws)
    {
        ArgumentNullException.ThrowIfNull(draws);
        if (draws.Columns != Mean.Length)
            throw new ArgumentException($"draws have {draws.Columns} columns, the accumulator dimension {Mean.Length}", nameof(draws));
        var mean = Mean.ToArray();
        var squares = SquaredDeviations.ToArray();
        var n = Count;
        for (var r = 0; r < draws.Rows; r++)
        {
            n++;
            var row = draws.Row(r);
            for (var j = 0; j < mean.Length; j++)
            {
                var delta = row[j] - mean[j];
                mean[j] += delta / n;
                squares[j] += delta * (row[j] - mean[j]);
            }
        }

        return new VarianceAccumulator(n, Vec.Wrap(mean), Vec.Wrap(squares));
    }

    /// <summary>The sample variances sum (x - mean)^2 / (n - 1); needs n &gt;= 2.</summary>
    public Vec SampleVariance()
    {
        if (Count < 2) throw new InvalidOperationException($"a sample variance needs at least 2 draws, got {Count}");
        return SquaredDeviations.Map(s => s / (Count - 1));
    }

    /// <summary>
    /// Stan's regularised estimate of the inverse mass diagonal: (n / (n + 5)) var + 1e-3 (5 / (n + 5)), which shrinks
    /// a short window's variances towards 1e-3 so that no coordinate gets a zero or wild mass (Stan's diag_e_adaptation).
    /// Needs n &gt;= 2.
    /// </summary>
    public Vec RegularisedVariance()
    {
        var n = (double)Count;
        return SampleVariance().Map(v => n / (n + 5) * v + 1e-3 * (5 / (n + 5)));
    }
}
