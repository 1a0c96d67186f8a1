using Ebm.Functional.Models;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>
/// The heat bath of one categorical site at one beta: log weight beta (J sum_j pair(v, s_j) + h single(v)) of each value v,
/// tabulated per (v, neighbour value) and per v, and the inverse-CDF draw.
/// </summary>
internal sealed class HeatBathTables
{
    private readonly double[] _pair;
    private readonly double[] _site;

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
    }

    /// <summary>q.</summary>
    public int Levels { get; }

    /// <summary>
    /// The value drawn for a site with neighbour slots <paramref name="neighbours"/> (sentinel skipped) by the uniform
    /// <paramref name="uniform"/>: the smallest v whose cumulative weight exceeds uniform times the total.
    /// </summary>
    public int Draw(ReadOnlySpan<byte> row, ReadOnlySpan<int> neighbours, int sentinel, double uniform, Span<double> logWeights)
    {
        var largest = double.NegativeInfinity;
        for (var v = 0; v < Levels; v++)
        {
            var logWeight = _site[v];
            foreach (var neighbour in neighbours)
                if (neighbour != sentinel) logWeight += _pair[v * Levels + row[neighbour]];
            logWeights[v] = logWeight;
            largest = Math.Max(largest, logWeight);
        }

        var total = 0.0;
        for (var v = 0; v < Levels; v++)
        {
            logWeights[v] = Math.Exp(logWeights[v] - largest);
            total += logWeights[v];
        }

        var target = uniform * total;
        var cumulative = 0.0;
        for (var v = 0; v < Levels; v++)
        {
            cumulative += logWeights[v];
            if (target < cumulative) return v;
        }

        // Rounding can leave the cumulative sum a hair below target at the top: the last value with weight takes it.
        for (var v = Levels - 1; v > 0; v--)
            if (logWeights[v] > 0) return v;
        return 0;
    }
}
