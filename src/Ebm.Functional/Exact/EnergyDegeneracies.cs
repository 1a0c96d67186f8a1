using Ebm.Functional.Numerics;
using LanguageExt;

namespace Ebm.Functional.Exact;

/// <summary>
/// The exact density of states of a model: its distinct energies E_k in increasing order and the number of states
/// g(E_k) at each, summing to the number of states (q^N for a categorical lattice).
/// </summary>
/// <remarks>
/// Z(beta) = sum_k g(E_k) exp(-beta E_k). Energies that agree to within 1e-12 of the largest |E| (rounding of sums
/// of cosines, or of -J n - h m with incommensurate J and h) are one level, listed at the smallest of them: see
/// <see cref="CategoricalEnumeration.EnergyCounts"/>.
/// </remarks>
/// <param name="Energies">The distinct energies, increasing.</param>
/// <param name="Counts">g(E_k), the number of states at each energy (at least 1).</param>
public sealed record EnergyDegeneracies(Vec Energies, Seq<long> Counts)
{
    /// <summary>The number of states, sum_k g(E_k).</summary>
    public long States => Counts.Sum();

    /// <summary>log g(E_k), the form Wang-Landau estimates.</summary>
    public Vec LogCounts => Vec.Create(Counts.Count, d =>
    {
        var k = 0;
        foreach (var count in Counts) d[k++] = Math.Log(count);
    });
}
