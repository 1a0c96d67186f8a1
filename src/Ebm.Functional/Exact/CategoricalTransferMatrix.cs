using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Exact;

/// <summary>
/// Exact log Z, U, Var(E), &lt;M_x&gt; and &lt;|M|^2&gt; of a Potts or clock strip by the row-to-row transfer matrix:
/// width W (the shorter side) with q^W row states, any length, periodic or open, any field.
/// </summary>
/// <remarks>
/// <para>Rows run along the long side (the lattice is transposed when wider than tall; the bond set is symmetric under
/// transposition). With D = diag exp(-beta E_row(s)) (the row's own bonds and fields) and B the bond factor between
/// consecutive rows, exp(beta J sum_c pair(s_c, s'_c)), Z = 1^T D (B D)^{L-1} 1 for open boundaries and Z = Tr (D B)^L for
/// periodic ones. B factorises over the W columns, so applying it costs W q^(W+1) instead of q^(2W) (Kramers and Wannier
/// 1941; for the q-state Potts strip see Blöte and Nightingale 1982, Physica A 112, 405).</para>
/// <para>The vector holds, per row state, the weight and the weighted means and variances of E, M_x and M_y
/// (<see cref="CategoricalRowMoments"/>), so U, Var(E), &lt;M_x&gt; and &lt;|M|^2&gt; = Var(M_x) + &lt;M_x&gt;^2 + Var(M_y) +
/// &lt;M_y&gt;^2 come out of one pass without cancellation; &lt;|M|&gt; and &lt;|M|^4&gt; are not linear in the transfer and are
/// left out (enumeration gives them). The periodic trace propagates one basis vector per orbit of row states under the
/// row's translations and reflection (in parallel; merged in a fixed order, so bit-identical for any thread count).</para>
/// <para>Weights are kept relative to the largest entry after each column step; an entry below 1e-308 of it is lost, which is
/// harmless while beta times the energy range of one row and its bonds stays below <see cref="MaxLogWeightRange"/> (a
/// continuation cannot favour a lost entry by more than that), and refused beyond it as a numerical limit, so that
/// <see cref="ExactMethod.Auto"/> tries enumeration.</para>
/// </remarks>
internal static class CategoricalTransferMatrix
{
    /// <summary>Most row states, q^W &lt;= 2^20.</summary>
    public const int MaxRowStates = 1 << 20;

    /// <summary>Most pooled entries (of q sources each) per call, about a minute on one core.</summary>
    public const long MaxWork = 4L << 30;

    /// <summary>The largest beta times the energy range of one row and its bonds below which no lost weight could matter.</summary>
    private const double MaxLogWeightRange = 600;

    /// <summary>Why the transfer matrix does not take <paramref name="terms"/>, or None.</summary>
    public static Option<Error> Check(CategoricalTerms terms, string kind)
    {
        var (width, length) = Shape(terms);
        var size = $"{terms.Rows} x {terms.Columns} with {terms.Levels} states";
        var rowStates = CategoricalWalk.States(terms.Levels, width);
        if (rowStates < 0 || rowStates > MaxRowStates)
            return ExactErrors.TooLarge($"a {kind} lattice", size, $"the transfer matrix needs q^W <= 2^20 row states, W the shorter side");
        var work = Work(terms, width, length, rowStates);
        return work > MaxWork
            ? ExactErrors.TooLarge($"a {kind} lattice", size, $"the transfer matrix would need {work:E2} updates, more than its limit of {MaxWork:E2}")
            : None;
    }

    /// <summary>The pooled entries one call computes (an upper estimate for a periodic lattice).</summary>
    public static long Work(CategoricalTerms terms)
    {
        var (width, length) = Shape(terms);
        var rowStates = CategoricalWalk.States(terms.Levels, width);
        return rowStates < 0 || rowStates > MaxRowStates ? long.MaxValue : Work(terms, width, length, rowStates);
    }

    /// <summary>The exact result at <paramref name="beta"/> (finite, at least 0) of a lattice <see cref="Check"/> accepts.</summary>
    public static Fin<ExactResult> Compute(CategoricalTerms terms, string kind, string culprit, double beta, int maxDegreeOfParallelism)
    {
        var rows = new CategoricalRows(terms, beta);
        if (!(beta * rows.EnergyRange <= MaxLogWeightRange))
            return FinFail<ExactResult>(ExactErrors.MethodRange("transfer-matrix", culprit, beta,
                $"beta times the energy range of one row and its bonds must stay below {MaxLogWeightRange} for the transfer matrix's weights"));
        var pooled = terms.Boundary == Boundary.Periodic ? Trace(rows, maxDegreeOfParallelism) : OpenSum(rows);
        var (logZ, energy, variance, along, alongSquare) = pooled;
        var result = new ExactResult("transfer-matrix", beta, logZ, energy, variance,
            Some(new MagnetisationMoments(along, alongSquare, Option<double>.None, Option<double>.None)))
        {
            HeatCapacity = ExactThermodynamics.HeatCapacity(beta, variance),
        };
        return FinSucc(result);
    }

    private static (int Width, int Length) Shape(CategoricalTerms terms) =>
        (Math.Min(terms.Rows, terms.Columns), Math.Max(terms.Rows, terms.Columns));

    private static long Work(CategoricalTerms terms, int width, int length, long rowStates)
    {
        var perRow = width * rowStates;
        if (terms.Boundary == Boundary.Open) return (length - 1) * perRow;
        var orbits = rowStates / width + (1L << (width / 2 + 1)) * terms.Levels;
        return Math.Min(orbits, rowStates) * length * perRow;
    }

    private static (double, double, double, double, double) OpenSum(CategoricalRows rows)
    {
        var vector = new CategoricalRowMoments(rows.States);
        System.Array.Fill(vector.Weight, 1.0);
        rows.ApplyRow(vector);
        for (var step = 1; step < rows.Length; step++)
        {
            vector = rows.ApplyBonds(vector);
            rows.ApplyRow(vector);
        }
        var logWeights = vector.Weight.Select(w => Math.Log(w) + vector.LogShift).ToArray();
        return Pool(logWeights, Enumerable.Range(0, rows.States).Select(s => Moments(vector, s)).ToArray());
    }

    private static (double, double, double, double, double) Trace(CategoricalRows rows, int maxDegreeOfParallelism)
    {
        var (representatives, sizes) = rows.Orbits();
        var logWeights = new double[representatives.Length];
        var moments = new (double, double, double, double, double, double)[representatives.Length];
        Batch.ForEachRow(maxDegreeOfParallelism, representatives.Length, orbit =>
        {
            var start = representatives[orbit];
            var vector = new CategoricalRowMoments(rows.States);
            vector.Weight[start] = 1.0;
            for (var step = 0; step < rows.Length; step++)
            {
                rows.ApplyRow(vector);
                vector = rows.ApplyBonds(vector);
            }

            logWeights[orbit] = Math.Log(vector.Weight[start]) + vector.LogShift + Math.Log(sizes[orbit]);
            moments[orbit] = Moments(vector, start);
        });
        return Pool(logWeights, moments);
    }

    private static (double, double, double, double, double, double) Moments(CategoricalRowMoments v, int s) =>
        (v.Energy[s], v.EnergyVariance[s], v.Along[s], v.AlongVariance[s], v.Across[s], v.AcrossVariance[s]);

    /// <summary>log Z, U, Var(E), &lt;M_x&gt;, &lt;|M|^2&gt; of the union of groups with the given log weights and moments.</summary>
    private static (double, double, double, double, double) Pool(double[] logWeights, (double E, double VE, double X, double VX, double Y, double VY)[] groups)
    {
        var shift = logWeights.Max();
        var weights = logWeights.Select(l => Math.Exp(l - shift)).ToArray();
        var total = weights.Sum();
        double energy = 0.0, along = 0.0, across = 0.0;
        for (var g = 0; g < groups.Length; g++)
        {
            if (weights[g] == 0.0) continue;
            energy += weights[g] * groups[g].E;
            along += weights[g] * groups[g].X;
            across += weights[g] * groups[g].Y;
        }

        energy /= total;
        along /= total;
        across /= total;
        double variance = 0.0, alongVariance = 0.0, acrossVariance = 0.0;
        for (var g = 0; g < groups.Length; g++)
        {
            if (weights[g] == 0.0) continue;
            var (e, ve, x, vx, y, vy) = groups[g];
            variance += weights[g] * (ve + (e - energy) * (e - energy));
            alongVariance += weights[g] * (vx + (x - along) * (x - along));
            acrossVariance += weights[g] * (vy + (y - across) * (y - across));
        }

        return (shift + Math.Log(total), energy, Math.Max(0.0, variance / total), along,
            alongVariance / total + along * along + acrossVariance / total + across * across);
    }
}
