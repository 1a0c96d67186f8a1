using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>
/// The Swendsen-Wang update of a ferromagnetic q-state Potts lattice: activate every bond term between equal units with
/// p = 1 - exp(-beta J), find the connected clusters, give each cluster a value drawn afresh (Swendsen and Wang 1987).
/// </summary>
/// <remarks>
/// <para>Target p(s) ∝ exp(-beta E(s)), E(s) = -J sum_bonds delta(s_i, s_j) - h sum_i delta(s_i, 0), J &gt;= 0. In the joint
/// spin-bond measure of Fortuin and Kasteleyn (1972; Edwards and Sokal 1988) the clusters' values are independent given the
/// bonds: uniform over the q values at h = 0, and with a field a cluster C takes value 0 with probability
/// e^(beta h |C|) / (e^(beta h |C|) + q - 1), each other value with 1 / (e^(beta h |C|) + q - 1). The move is rejection-free
/// and reversible with respect to p. A periodic side of 2 has two bond terms per pair, each tried on its own; self-terms
/// (a periodic side of 1) are constants and never tried. J &lt; 0 has no such representation and is refused, as is the clock model.</para>
/// <para>Randomness: chain c uses key.FoldIn(c), split into a bond key (bond term t, in the order of each site's right then
/// down term, reads uniform t) and a value key (the cluster whose smallest site is i reads uniform i).</para>
/// </remarks>
public static class PottsSwendsenWang
{
    /// <summary>The sampler's name in reports.</summary>
    public const string Name = "potts-swendsen-wang";

    /// <summary>The Swendsen-Wang sampler at inverse temperature beta; an error for a clock model, J &lt; 0 or a non-finite beta.</summary>
    /// <param name="model">A <see cref="PottsModel"/> with J &gt;= 0 (any field, size and boundary).</param>
    /// <param name="beta">Inverse temperature, finite and at least 0.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the chains (-1: no limit); results do not depend on it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    public static Fin<Sampler<Mat, PottsChains, ClusterInfo>> Create(ICategoricalModel model, double beta, int maxDegreeOfParallelism = -1)
    {
        Batch.CheckParallelism(maxDegreeOfParallelism);
        return PottsClusters.Check("Swendsen-Wang", model, beta).Map(potts =>
        {
            var terms = CategoricalTerms.Of(potts)!;
            var bonds = terms.BondTerms().Where(b => b.From != b.To).ToArray();
            var activation = PottsClusters.ActivationProbability(potts, beta);
            var betaField = beta * potts.Field;
            return new Sampler<Mat, PottsChains, ClusterInfo>(
                Name,
                states => PottsChains.FromStates(model, states),
                (key, state) => Step(key, state, terms, bonds, activation, betaField, maxDegreeOfParallelism));
        });
    }

    private static (PottsChains, ClusterInfo) Step(
        RngKey key, PottsChains state, CategoricalTerms terms, (int From, int To)[] bonds, double activation, double betaField, int maxDegreeOfParallelism)
    {
        var chains = state.Chains;
        var sites = state.Sites;
        var q = terms.Levels;
        var units = state.Buffer.ToArray();
        var sizes = new double[chains];
        Batch.ForEachRow(maxDegreeOfParallelism, chains, c =>
        {
            var (bondKey, valueKey) = key.FoldIn(c).Split();
            var row = units.AsSpan(c * sites, sites);
            var parent = Enumerable.Range(0, sites).ToArray();
            var uniforms = new double[Math.Max(bonds.Length, sites)];
            BulkDraws.Uniforms(bondKey, 0, uniforms.AsSpan(0, bonds.Length));
            for (var t = 0; t < bonds.Length; t++)
            {
                var (i, j) = bonds[t];
                if (row[i] == row[j] && uniforms[t] < activation) PottsClusters.Union(parent, i, j);
            }

            var clusterSizes = new int[sites];
            for (var i = 0; i < sites; i++) clusterSizes[PottsClusters.Find(parent, i)]++;
            BulkDraws.Uniforms(valueKey, 0, uniforms.AsSpan(0, sites));
            var values = new byte[sites];
            var clusters = 0;
            for (var i = 0; i < sites; i++)
            {
                if (clusterSizes[i] == 0) continue;
                clusters++;
                values[i] = (byte)PottsClusters.DrawValue(uniforms[i], q, betaField * clusterSizes[i]);
            }

            for (var i = 0; i < sites; i++) row[i] = values[PottsClusters.Find(parent, i)];
            sizes[c] = (double)sites / clusters;
        });
        return (PottsChains.FromBuffer(state.Model, terms, chains, units), new ClusterInfo(Vec.Filled(chains, 1.0), Vec.From(sizes)));
    }
}
