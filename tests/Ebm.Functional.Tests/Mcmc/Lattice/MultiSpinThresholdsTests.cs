using Ebm.Functional.Mcmc.Lattice;

namespace Ebm.Functional.Tests.Mcmc.Lattice;

/// <summary>
/// The class table's binary expansions are exact: for every value p in (0, 1), including a subnormal one, the bits
/// t_j the bit-serial comparison reads sum back to p exactly, end at the last plane the comparison visits, and agree
/// with the tabulated plane masks; p &gt;= 1 and p &lt;= 0 (and NaN) are the always and never classes.
/// </summary>
public sealed class MultiSpinThresholdsTests
{
    [Fact]
    public void Expansions_sum_back_to_each_value_exactly()
    {
        // The table's class (s, a) reads index 8 - 2a for s = -1 and 9 + 2a for s = +1.
        var table = new double[18];
        double[] down = [0.875, 1.0 / 3, 1e-30, double.Epsilon, 1.0 - Math.Pow(2, -53)];
        double[] up = [0.1, 1.5, 0.0, double.NaN, 0.875];
        for (var a = 0; a <= 4; a++)
        {
            table[8 - 2 * a] = down[a];
            table[9 + 2 * a] = up[a];
        }

        var thresholds = new MultiSpinThresholds(table);
        Assert.Equal([0.875, 1.0 / 3, 1e-30, double.Epsilon, 1.0 - Math.Pow(2, -53), 0.1], thresholds.Values);
        for (var a = 0; a <= 4; a++)
        {
            Assert.Equal(down[a], thresholds.FlipProbability(a));
            Assert.Equal(double.IsNaN(up[a]) ? 0.0 : Math.Min(up[a], 1.0), thresholds.FlipProbability(5 + a));
        }

        var deepest = -1;
        for (var v = 0; v < thresholds.Values.Length; v++)
        {
            var planes = Enumerable.Range(0, 1100).Where(j => thresholds.Bit(v, j) == 1).ToArray();
            var sum = planes.Reverse().Aggregate(0.0, (total, j) => total + Math.ScaleB(1.0, -(j + 1)));
            Assert.Equal(thresholds.Values[v], sum);
            deepest = Math.Max(deepest, planes[^1]);
            for (var j = 0; j < MultiSpinThresholds.TabulatedPlanes; j++)
                Assert.Equal(thresholds.Bit(v, j) == 1 ? ulong.MaxValue : 0UL, thresholds.PlaneMasks[j * thresholds.Values.Length + v]);
        }

        Assert.Equal(1073, deepest);
        Assert.Equal(deepest, thresholds.LastPlane);
    }
}
