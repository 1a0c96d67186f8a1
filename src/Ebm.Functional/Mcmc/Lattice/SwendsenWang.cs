using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>
/// The Swendsen-Wang update of an Ising lattice at zero field: activate every satisfied bond with
/// p = 1 - exp(-2 beta |J|), find the connected clusters, flip each cluster with probability 1/2
/// (Swendsen and Wang 1987; Edwards and Sokal 1988 for the joint spin-bond view).
/// </summary>
/// <remarks>
/// <para>Target p(s) ∝ exp(-beta E(s)), E(s) = -J sum_bonds s_i s_j. The move is rejection-free and
/// reversible with respect to p. A field h != 0 is refused; J &lt; 0 is handled as in
/// <see cref="ClusterBonds"/>.</para>
/// <para>Randomness: chain c uses key.FoldIn(c), split into a bond key (bond term t, in the order of each
/// site's right then down term, reads draw t) and a flip key (the cluster whose smallest site is i reads draw i).</para>
/// </remarks>
public static class SwendsenWang
{
    /// <summary>The Swendsen-Wang sampler at inverse temperature beta; an error when h != 0 or beta is not finite.</summary>
    /// <param name="model">The lattice, at zero field.</param>
    /// <param name="beta">Inverse temperature.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the chains (-1: no limit); results do not depend on it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    public static Fin<Sampler<Mat, IsingChains, ClusterInfo>> Create(IsingModel model, double beta, int maxDegreeOfParallelism = -1)
    {
        Batch.CheckParallelism(maxDegreeOfParallelism);
        if (!double.IsFinite(beta)) return LatticeErrors.InvalidBeta(beta);
        if (model.Field != 0.0) return LatticeErrors.FieldNotSupported("Swendsen-Wang", model.Field);
        var geometry = new LatticeGeometry(model);
        var bonds = geometry.BondTerms().ToArray();
        var activation = ClusterBonds.ActivationProbability(model, beta);
        return new Sampler<Mat, IsingChains, ClusterInfo>(
            "swendsen-wang",
            states => IsingChains.FromStates(model, states),
            (key, state) => Step(key, state, beta * model.Coupling, geometry, bonds, activation, maxDegreeOfParallelism));
    }

    private static (IsingChains, ClusterInfo) Step(RngKey key, IsingChains state, double coupling, LatticeGeometry geometry, (int From, int To)[] bonds, double activation, int maxDegreeOfParallelism)
    {
        var chains = state.Chains;
        var stride = state.Stride;
        var spins = state.Buffer.ToArray();
        var sizes = new double[chains];
        Batch.ForEachRow(maxDegreeOfParallelism, chains, c =>
        {
            var (bondKey, flipKey) = key.FoldIn(c).Split();
            var row = spins.AsSpan(c * stride, stride);
            var parent = Enumerable.Range(0, geometry.Sites).ToArray();
            var uniforms = new double[Math.Max(bonds.Length, geometry.Sites)];
            BulkDraws.Uniforms(bondKey, 0, uniforms.AsSpan(0, bonds.Length));
            for (var t = 0; t < bonds.Length; t++)
            {
                var (i, j) = bonds[t];
                if (ClusterBonds.Satisfied(coupling, row[i], row[j]) && uniforms[t] < activation) Union(parent, i, j);
            }

            var clusters = 0;
            var flipRoot = new bool[geometry.Sites];
            BulkDraws.Uniforms(flipKey, 0, uniforms.AsSpan(0, geometry.Sites));
            for (var i = 0; i < geometry.Sites; i++)
            {
                var root = Find(parent, i);
                if (root == i) clusters++;
                if (root == i) flipRoot[i] = uniforms[i] < 0.5;
            }

            for (var i = 0; i < geometry.Sites; i++)
                if (flipRoot[Find(parent, i)]) row[i] = (sbyte)-row[i];
            sizes[c] = (double)geometry.Sites / clusters;
        });
        var result = IsingChains.FromBuffer(state.Model, geometry, chains, spins);
        return (result, new ClusterInfo(Vec.Filled(chains, 1.0), Vec.From(sizes)));
    }

    /// <summary>Union by smaller root, so every cluster's root is its smallest site.</summary>
    private static void Union(int[] parent, int a, int b)
    {
        var (ra, rb) = (Find(parent, a), Find(parent, b));
        if (ra < rb) parent[rb] = ra;
        else if (rb < ra) parent[ra] = rb;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }
}
