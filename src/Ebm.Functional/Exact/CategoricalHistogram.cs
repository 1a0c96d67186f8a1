using Ebm.Functional.Models;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Exact;

/// <summary>
/// The exact joint histogram of (E, M_x, |M|^2) over all q^N states of a Potts or clock lattice, and the Boltzmann
/// moments it gives at any beta.
/// </summary>
/// <remarks>
/// <para>Each state's E, M_x = sum_i cos theta_i and |M|^2 = M_x^2 + M_y^2 are computed from its integer counts in a
/// fixed order, so equal counts give equal bits and the histogram is a map from these three numbers to an exact
/// integer count; the sum over the blocks is therefore the same for any thread count. The entries are then sorted, and
/// every beta is a pass over the (usually few thousand) entries instead of the q^N states.</para>
/// <para>At one beta, with l_j = -beta E_j + log g_j and a = max l_j: log Z = a + log W, W = sum_j exp(l_j - a);
/// U and Var(E) by two passes (no cancellation); S = log W + sum_j p_j (a - l_j + log g_j), a sum of non-negative
/// terms; C = beta^2 Var(E), or Var(beta E) where Var(E) underflows (<see cref="ExactThermodynamics"/>).</para>
/// </remarks>
internal sealed class CategoricalHistogram
{
    private CategoricalHistogram(Entry[] entries) => Entries = entries;

    /// <summary>One histogram bin: the number of states with these exact values.</summary>
    public readonly record struct Entry(double Energy, double AlongField, double LengthSquared, long Count);

    /// <summary>The bins, sorted by energy, then M_x, then |M|^2.</summary>
    public Entry[] Entries { get; }

    /// <summary>Walks all states of <paramref name="terms"/> (q^N at most <see cref="CategoricalWalk.MaxStates"/>).</summary>
    public static CategoricalHistogram Of(CategoricalTerms terms, int maxDegreeOfParallelism)
    {
        var parts = CategoricalWalk.Run(terms, () => new Tally(terms), maxDegreeOfParallelism);
        var total = new Dictionary<(double, double, double), long>();
        foreach (var part in parts)
        foreach (var (key, count) in part.Counts)
            total[key] = total.GetValueOrDefault(key) + count;
        var entries = total.Select(p => new Entry(p.Key.Item1, p.Key.Item2, p.Key.Item3, p.Value))
            .OrderBy(e => e.Energy).ThenBy(e => e.AlongField).ThenBy(e => e.LengthSquared).ToArray();
        return new CategoricalHistogram(entries);
    }

    /// <summary>The exact thermodynamics at <paramref name="beta"/> (finite, at least 0).</summary>
    public ExactResult At(double beta)
    {
        var logWeights = new double[Entries.Length];
        var shift = double.NegativeInfinity;
        for (var j = 0; j < Entries.Length; j++)
        {
            logWeights[j] = -beta * Entries[j].Energy + Math.Log(Entries[j].Count);
            shift = Math.Max(shift, logWeights[j]);
        }

        var weights = new double[Entries.Length];
        double total = 0.0, energy = 0.0, along = 0.0, square = 0.0, length = 0.0, fourth = 0.0, entropyTerms = 0.0;
        for (var j = 0; j < Entries.Length; j++)
        {
            weights[j] = Math.Exp(logWeights[j] - shift);
            total += weights[j];
        }

        double meanScaled = 0.0;
        for (var j = 0; j < Entries.Length; j++)
        {
            var p = weights[j] / total;
            if (p == 0.0) continue;
            var e = Entries[j];
            energy += p * e.Energy;
            along += p * e.AlongField;
            square += p * e.LengthSquared;
            length += p * Math.Sqrt(e.LengthSquared);
            fourth += p * e.LengthSquared * e.LengthSquared;
            entropyTerms += p * (shift - logWeights[j] + Math.Log(e.Count));
            meanScaled += p * (-beta * e.Energy);
        }

        double variance = 0.0, scaledVariance = 0.0;
        for (var j = 0; j < Entries.Length; j++)
        {
            var p = weights[j] / total;
            if (p == 0.0) continue;
            var deviation = Entries[j].Energy - energy;
            var scaledDeviation = -beta * Entries[j].Energy - meanScaled;
            variance += p * deviation * deviation;
            scaledVariance += p * scaledDeviation * scaledDeviation;
        }

        var logZ = shift + Math.Log(total);
        return new ExactResult(Enumeration.MethodName, beta, logZ, energy, variance,
            Some(new MagnetisationMoments(along, square, Some(length), Some(fourth))))
        {
            Entropy = Math.Log(total) + entropyTerms,
            HeatCapacity = ExactThermodynamics.HeatCapacity(beta, variance, scaledVariance, logZ),
        };
    }

    /// <summary>One part's counts.</summary>
    private sealed class Tally(CategoricalTerms terms) : ICategoricalVisitor
    {
        public Dictionary<(double, double, double), long> Counts { get; } = new();

        public void Visit(ReadOnlySpan<int> classCounts, ReadOnlySpan<int> valueCounts)
        {
            double along = 0.0, across = 0.0;
            for (var a = 0; a < valueCounts.Length; a++)
            {
                along += valueCounts[a] * terms.Cosines[a];
                across += valueCounts[a] * terms.Sines[a];
            }

            var key = (terms.Energy(classCounts, valueCounts), along, along * along + across * across);
            Counts[key] = Counts.GetValueOrDefault(key) + 1;
        }
    }
}
