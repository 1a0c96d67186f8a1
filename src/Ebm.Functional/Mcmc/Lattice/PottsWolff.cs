using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>
/// Wolff's single-cluster update of a ferromagnetic q-state Potts lattice at zero field: pick a seed site uniformly and a new
/// value uniformly among the q - 1 others, grow the cluster by activating each bond term from the cluster's frontier to an
/// equal unit with p = 1 - exp(-beta J), and give the whole cluster the new value (Wolff 1989).
/// </summary>
/// <remarks>
/// <para>Target p(s) ∝ exp(-beta E(s)), E(s) = -J sum_bonds delta(s_i, s_j), J &gt;= 0. Each bond is tested at most once; the
/// move is rejection-free and reversible with respect to p (the cluster's boundary bonds, equal before and unequal after or
/// the reverse, are paid for by the (1 - p) factors of the bonds left inactive). A field, a clock model and J &lt; 0 are
/// refused (an error value). Near beta_c = ln(1 + sqrt q) / J it decorrelates far faster than single-site updates for
/// q &lt;= 4; for q &gt; 4 the transition is first order and the clusters help less.</para>
/// <para>Irreducibility: where no bond can be activated (beta J = 0, or a lattice without bond terms) every cluster is one
/// site, and the move is made lazy (the seed changes with probability 1/2), as in <see cref="Wolff"/>: for q = 2 the plain move
/// would alternate the parity of the number of zeros forever.</para>
/// <para>Randomness: chain c uses key.FoldIn(c), split into a seed key (uniform 0 picks the seed, 1 the new value, 2 the lazy
/// coin) and a bond key (the bond tried from site i through slot k reads uniform 4 i + k).</para>
/// </remarks>
public static class PottsWolff
{
    /// <summary>The sampler's name in reports.</summary>
    public const string Name = "potts-wolff";

    /// <summary>The Wolff sampler at inverse temperature beta; an error for a field, a clock model, J &lt; 0 or a non-finite beta.</summary>
    /// <param name="model">A <see cref="PottsModel"/> with h = 0 and J &gt;= 0.</param>
    /// <param name="beta">Inverse temperature, finite and at least 0.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the chains (-1: no limit); results do not depend on it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    public static Fin<Sampler<Mat, PottsChains, ClusterInfo>> Create(ICategoricalModel model, double beta, int maxDegreeOfParallelism = -1)
    {
        Batch.CheckParallelism(maxDegreeOfParallelism);
        return PottsClusters.Check("Wolff", model, beta).Bind(potts => potts.Field != 0.0
            ? PottsLatticeErrors.ClusterNotSupported("Wolff", $"need h = 0 (a field breaks the symmetry between values they rely on), got {potts.Field}; Swendsen-Wang takes a field")
            : Fin<Sampler<Mat, PottsChains, ClusterInfo>>.Succ(Build(potts, beta, maxDegreeOfParallelism)));
    }

    private static Sampler<Mat, PottsChains, ClusterInfo> Build(PottsModel model, double beta, int maxDegreeOfParallelism)
    {
        var terms = CategoricalTerms.Of(model)!;
        var lattice = PottsLattice.Of(terms);
        var activation = PottsClusters.ActivationProbability(model, beta);
        var lazy = activation == 0.0 || terms.BondTerms().All(b => b.From == b.To);
        return new Sampler<Mat, PottsChains, ClusterInfo>(
            Name,
            states => PottsChains.FromStates(model, states),
            (key, state) => Step(key, state, terms, lattice, activation, lazy, maxDegreeOfParallelism));
    }

    private static (PottsChains, ClusterInfo) Step(
        RngKey key, PottsChains state, CategoricalTerms terms, PottsLattice lattice, double activation, bool lazy, int maxDegreeOfParallelism)
    {
        var chains = state.Chains;
        var sites = lattice.Sites;
        var units = state.Buffer.ToArray();
        var sizes = new double[chains];
        Batch.ForEachRow(maxDegreeOfParallelism, chains, c =>
        {
            var (seedKey, bondKey) = key.FoldIn(c).Split();
            var row = units.AsSpan(c * sites, sites);
            var seed = Math.Min(sites - 1, (int)(seedKey.UniformAt(0) * sites));
            var old = row[seed];
            var shift = 1 + Math.Min(terms.Levels - 2, (int)(seedKey.UniformAt(1) * (terms.Levels - 1)));
            var value = (byte)((old + shift) % terms.Levels);
            if (lazy)
            {
                if (seedKey.UniformAt(2) < 0.5) row[seed] = value;
                sizes[c] = 1;
                return;
            }

            sizes[c] = Grow(bondKey, row, lattice, seed, value, activation);
        });
        return (PottsChains.FromBuffer(state.Model, terms, chains, units), new ClusterInfo(Vec.Filled(chains, lazy ? 0.5 : 1.0), Vec.From(sizes)));
    }

    /// <summary>Grows the seed's cluster over equal units and gives it the new value; returns its size.</summary>
    private static int Grow(RngKey bondKey, Span<byte> row, PottsLattice lattice, int seed, byte value, double activation)
    {
        var sites = lattice.Sites;
        var old = row[seed];
        var inCluster = new bool[sites + 1];
        inCluster[sites] = true;
        var stack = new Stack<int>();
        inCluster[seed] = true;
        stack.Push(seed);
        var size = 0;
        while (stack.Count > 0)
        {
            var site = stack.Pop();
            size++;
            row[site] = value;
            for (var slot = 0; slot < PottsLattice.Slots; slot++)
            {
                var neighbour = lattice.Neighbours[site * PottsLattice.Slots + slot];
                if (inCluster[neighbour] || row[neighbour] != old) continue;
                if (bondKey.UniformAt((long)site * PottsLattice.Slots + slot) >= activation) continue;
                inCluster[neighbour] = true;
                stack.Push(neighbour);
            }
        }

        return size;
    }
}
