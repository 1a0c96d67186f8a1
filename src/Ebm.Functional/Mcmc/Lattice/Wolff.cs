using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>
/// Wolff's single-cluster update of an Ising lattice at zero field: pick a seed site uniformly, grow the
/// cluster by activating each satisfied bond from the cluster's frontier with p = 1 - exp(-2 beta |J|),
/// flip the whole cluster (Wolff 1989).
/// </summary>
/// <remarks>
/// <para>Target p(s) ∝ exp(-beta E(s)), E(s) = -J sum_bonds s_i s_j. The move is rejection-free and
/// reversible with respect to p (each bond is tested at most once, from whichever end joins the
/// cluster first). Near the critical point beta_c = ln(1 + sqrt 2) / 2 it has far shorter
/// autocorrelation times than single-site updates. A field h != 0 is refused (an error value);
/// J &lt; 0 is handled by the rule in <see cref="ClusterBonds"/>.</para>
/// <para>Irreducibility: a Wolff step always flips at least the seed, so when no bond can ever be activated
/// (beta J = 0, or a lattice without bond terms) every cluster is one site and the plain move would flip one
/// random spin per step, a chain of period 2 (the parity of M alternates). There the seed is flipped with
/// probability 1/2 instead: the lazy version of the same symmetric move, which keeps the uniform target
/// (Levin, Peres and Wilmer, "Markov Chains and Mixing Times", 2009, section 1.3). Whenever a bond can
/// be activated (0 &lt; p &lt; 1) the plain move is kept, bit for bit: it is irreducible (single-site
/// clusters reach every state) and aperiodic (a satisfied bond i-j can be flipped in one step as a
/// cluster or in two as two single sites, so return times 1 + r and 2 + r have gcd 1).</para>
/// <para>Randomness: chain c uses key.FoldIn(c), split into a seed key (draw 0 picks the seed, draw 1 is
/// the lazy coin) and a bond key (the bond tried from site i through slot k reads draw 4 i + k).</para>
/// </remarks>
public static class Wolff
{
    /// <summary>The Wolff sampler at inverse temperature beta; an error when h != 0 or beta is not finite.</summary>
    /// <param name="model">The lattice, at zero field.</param>
    /// <param name="beta">Inverse temperature.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the chains (-1: no limit); results do not depend on it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below -1.</exception>
    public static Fin<Sampler<Mat, IsingChains, ClusterInfo>> Create(IsingModel model, double beta, int maxDegreeOfParallelism = -1)
    {
        Batch.CheckParallelism(maxDegreeOfParallelism);
        if (!double.IsFinite(beta)) return LatticeErrors.InvalidBeta(beta);
        if (model.Field != 0.0) return LatticeErrors.FieldNotSupported("Wolff", model.Field);
        var geometry = new LatticeGeometry(model);
        var activation = ClusterBonds.ActivationProbability(model, beta);
        var lazy = SingleSitesOnly(geometry, activation);
        return new Sampler<Mat, IsingChains, ClusterInfo>(
            "wolff",
            states => IsingChains.FromStates(model, states),
            (key, state) => Step(key, state, beta * model.Coupling, geometry, activation, lazy, maxDegreeOfParallelism));
    }

    /// <summary>Whether no bond can ever be activated, so that every cluster is a single site and the step is made lazy.</summary>
    private static bool SingleSitesOnly(LatticeGeometry geometry, double activation) => activation == 0.0 || !geometry.BondTerms().Any();

    private static (IsingChains, ClusterInfo) Step(RngKey key, IsingChains state, double coupling, LatticeGeometry geometry, double activation, bool lazy, int maxDegreeOfParallelism)
    {
        var chains = state.Chains;
        var stride = state.Stride;
        var spins = state.Buffer.ToArray();
        var sizes = new double[chains];
        Batch.ForEachRow(maxDegreeOfParallelism, chains, c =>
        {
            var (seedKey, bondKey) = key.FoldIn(c).Split();
            var row = spins.AsSpan(c * stride, stride);
            sizes[c] = lazy ? FlipSeedHalfTheTime(seedKey, row, geometry.Sites) : FlipCluster(seedKey, bondKey, row, geometry, coupling, activation);
        });
        var result = IsingChains.FromBuffer(state.Model, geometry, chains, spins);
        return (result, new ClusterInfo(Vec.Filled(chains, lazy ? 0.5 : 1.0), Vec.From(sizes)));
    }

    private static int FlipSeedHalfTheTime(RngKey seedKey, Span<sbyte> row, int sites)
    {
        var seed = SeedSite(seedKey, sites);
        if (seedKey.UniformAt(1) < 0.5) row[seed] = (sbyte)-row[seed];
        return 1;
    }

    private static int SeedSite(RngKey seedKey, int sites) => Math.Min(sites - 1, (int)(seedKey.UniformAt(0) * sites));

    private static int FlipCluster(RngKey seedKey, RngKey bondKey, Span<sbyte> row, LatticeGeometry geometry, double coupling, double activation)
    {
        var sites = geometry.Sites;
        var seed = SeedSite(seedKey, sites);
        var inCluster = new bool[sites + 1];
        inCluster[sites] = true;
        var stack = new Stack<int>();
        var original = row.ToArray();
        inCluster[seed] = true;
        stack.Push(seed);
        var size = 0;
        while (stack.Count > 0)
        {
            var site = stack.Pop();
            size++;
            row[site] = (sbyte)-original[site];
            for (var slot = 0; slot < LatticeGeometry.Slots; slot++)
            {
                var neighbour = geometry.Neighbours[site * LatticeGeometry.Slots + slot];
                if (inCluster[neighbour] || !ClusterBonds.Satisfied(coupling, original[site], original[neighbour])) continue;
                if (bondKey.UniformAt((long)site * LatticeGeometry.Slots + slot) >= activation) continue;
                inCluster[neighbour] = true;
                stack.Push(neighbour);
            }
        }

        return size;
    }
}
