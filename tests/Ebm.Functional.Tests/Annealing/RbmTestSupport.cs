using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Tests.Annealing;

/// <summary>Shared helpers of the RBM annealing tests: chi-square bounds and visible-state tables.</summary>
internal static class RbmTestSupport
{
    /// <summary>z with P(Z &gt; z) = 1e-6 for a standard normal.</summary>
    public const double NormalQuantile1e6 = 4.753424;

    /// <summary>
    /// The upper 1e-6 quantile of chi-square with <paramref name="dof"/> degrees of freedom, by Wilson and Hilferty
    /// (1931): dof (1 - 2/(9 dof) + z sqrt(2/(9 dof)))^3; its relative error is below 1 % for dof &gt;= 3 at this level.
    /// </summary>
    public static double ChiSquareBound(int dof)
    {
        var a = 2.0 / (9.0 * dof);
        return dof * Math.Pow(1 - a + NormalQuantile1e6 * Math.Sqrt(a), 3);
    }

    /// <summary>Pearson's statistic of the counts against the probabilities, over cells of positive probability; empty cells must stay empty.</summary>
    public static (double Statistic, int Dof) ChiSquare(long[] counts, double[] probabilities)
    {
        var total = counts.Sum();
        var (statistic, cells) = (0.0, 0);
        for (var x = 0; x < counts.Length; x++)
        {
            if (probabilities[x] == 0)
            {
                Assert.Equal(0, counts[x]);
                continue;
            }

            var expected = total * probabilities[x];
            statistic += (counts[x] - expected) * (counts[x] - expected) / expected;
            cells++;
        }

        return (statistic, cells - 1);
    }

    /// <summary>Every binary vector of <paramref name="units"/> units, row x holding the bits of x.</summary>
    public static Mat AllStates(int units) => Mat.Create(1 << units, units, d =>
    {
        for (var x = 0; x < 1 << units; x++)
        for (var i = 0; i < units; i++)
            d[x * units + i] = (x >> i) & 1;
    });

    /// <summary>The state number (sum_i 2^i [unit i = 1]) of a row.</summary>
    public static int Index(ReadOnlySpan<double> row)
    {
        var x = 0;
        for (var i = 0; i < row.Length; i++) x |= (row[i] > 0.5 ? 1 : 0) << i;
        return x;
    }

    /// <summary>The RBM whose block-Gibbs kernel at beta 1 is the path's move at t: weights t beta W, visible bias (1 - t) bA + t beta b, hidden bias t beta c.</summary>
    public static BernoulliRbm Intermediate(BernoulliRbm model, Vec baseBias, double beta, double t)
    {
        var s = t * beta;
        return BernoulliRbm.Create(
                Mat.Create(model.Visible, model.Hidden, d =>
                {
                    for (var k = 0; k < d.Length; k++) d[k] = s * model.Weights.Span[k];
                }),
                Vec.Create(model.Visible, d =>
                {
                    for (var i = 0; i < d.Length; i++) d[i] = (1 - t) * baseBias[i] + s * model.VisibleBias[i];
                }),
                Vec.Create(model.Hidden, d =>
                {
                    for (var j = 0; j < d.Length; j++) d[j] = s * model.HiddenBias[j];
                }))
            .Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
    }
}
