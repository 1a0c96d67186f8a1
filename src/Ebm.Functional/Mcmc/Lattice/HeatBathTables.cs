using Ebm.Functional.Models;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>
/// The heat bath of one categorical site at one beta: log weight beta (J sum_j pair(v, s_j) + h single(v)) of each value v,
/// tabulated per (v, neighbour value) and per v, and the inverse-CDF draw.
/// </summary>
/// <remarks>
/// The Potts model has a faster path: the weight of v is exp(beta J (m_v - 4)) exp(beta h delta(v, 0) - max(beta h, 0)) with m_v
/// the number of neighbour slots holding v, both factors read from tables (no exponential per site) and at most 1 for J &gt;= 0.
/// Where every weight underflows (beta J above about 180) or J &lt; 0, the general path is taken: log weights shifted by their
/// maximum, then exponentiated.
/// </remarks>
internal sealed class HeatBathTables
{
    private readonly double[] _pair;
    private readonly double[] _site;
    private readonly double[]? _matchFactor;
    private readonly double[] _valueFactor;

    public HeatBathTables(CategoricalTerms terms, double beta)
    {
        Levels = terms.Levels;
        _pair = new double[Levels * Levels];
        _site = new double[Levels];
        for (var v = 0; v < Levels; v++)
        {
            _site[v] = beta * terms.Field * terms.SiteValues[v];
            for (var w = 0; w < Levels; w++) _pair[v * Levels + w] = beta * terms.Coupling * terms.PairValues[terms.ClassOf(v, w)];
        }

        var largestSite = _site.Max();
        _valueFactor = _site.Select(x => Math.Exp(x - largestSite)).ToArray();
        if (terms.PairValues is [0.0, 1.0] && terms.Coupling >= 0)
        {
            _matchFactor = new double[PottsLattice.Slots + 1];
            for (var k = 0; k <= PottsLattice.Slots; k++) _matchFactor[k] = Math.Exp(beta * terms.Coupling * (k - PottsLattice.Slots));
        }
    }

    /// <summary>q.</summary>
    public int Levels { get; }

    /// <summary>
    /// The value drawn for a site with neighbour slots <paramref name="neighbours"/> (sentinel skipped) by the uniform
    /// <paramref name="uniform"/>: the smallest v whose cumulative weight exceeds uniform times the total.
    /// </summary>
    public int Draw(ReadOnlySpan<byte> row, ReadOnlySpan<int> neighbours, int sentinel, double uniform, Span<double> weights)
    {
        if (_matchFactor is not null)
        {
            Span<int> matches = stackalloc int[Levels];
            foreach (var neighbour in neighbours)
                if (neighbour != sentinel) matches[row[neighbour]]++;
            var sum = 0.0;
            for (var v = 0; v < Levels; v++)
            {
                weights[v] = _matchFactor[matches[v]] * _valueFactor[v];
                sum += weights[v];
            }

            if (sum > 1e-300) return Pick(weights, uniform * sum);
        }

        var largest = double.NegativeInfinity;
        for (var v = 0; v < Levels; v++)
        {
            var logWeight = _site[v];
            foreach (var neighbour in neighbours)
                if (neighbour != sentinel) logWeight += _pair[v * Levels + row[neighbour]];
            weights[v] = logWeight;
            largest = Math.Max(largest, logWeight);
        }

        var total = 0.0;
        for (var v = 0; v < Levels; v++)
        {
            weights[v] = Math.Exp(weights[v] - largest);
            total += weights[v];
        }

        return Pick(weights, uniform * total);
    }

    /// <summary>The smallest v whose cumulative weight exceeds <paramref name="target"/>.</summary>
    private int Pick(ReadOnlySpan<double> weights, double target)
    {
        var cumulative = 0.0;
        for (var v = 0; v < Levels; v++)
        {
            cumulative += weights[v];
            if (target < cumulative) return v;
        }

        // Rounding can leave the cumulative sum a hair below target at the top: the last value with weight takes it.
        for (var v = Levels - 1; v > 0; v--)
            if (weights[v] > 0) return v;
        return 0;
    }
}
