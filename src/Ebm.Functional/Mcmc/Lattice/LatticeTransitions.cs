using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>
/// Exact transition matrices of the lattice kernels on tiny lattices, built from the kernels'
/// definitions (not their code) for the correctness laws. State x = sum_i 2^i [s_i = +1], the order of
/// <c>Enumeration.Probabilities</c>.
/// </summary>
internal static class LatticeTransitions
{
    /// <summary>
    /// The update of one colour class: sites of the class move independently, site i to the opposite spin
    /// with the Metropolis or heat-bath probability at its local field f_i = J n_i + h; other sites stay.
    /// </summary>
    public static Mat ColourUpdate(IsingModel model, double beta, CheckerboardUpdate update, IReadOnlyList<int> sites) =>
        ColourUpdate(model, beta, update == CheckerboardUpdate.Metropolis ? MetropolisAcceptance.Probability : x => 1.0 / (1.0 + Math.Exp(x)), sites);

    /// <summary>
    /// The update of one colour class with any single-site rule: site i flips with probability
    /// <paramref name="flipProbability"/>(beta dE_i), dE_i = 2 s_i f_i, independently of the other sites of the class.
    /// </summary>
    public static Mat ColourUpdate(IsingModel model, double beta, Func<double, double> flipProbability, IReadOnlyList<int> sites)
    {
        var n = model.Dimension;
        var size = 1 << n;
        return Mat.Create(size, size, k =>
        {
            var state = new double[n];
            for (var x = 0; x < size; x++)
            {
                Decode(x, state);
                var flipProbabilities = sites.Select(i => flipProbability(beta * (2.0 * state[i] * model.LocalField(state, i)))).ToArray();
                for (var pattern = 0; pattern < 1 << sites.Count; pattern++)
                {
                    var probability = 1.0;
                    var y = x;
                    for (var j = 0; j < sites.Count; j++)
                    {
                        var flips = ((pattern >> j) & 1) == 1;
                        probability *= flips ? flipProbabilities[j] : 1.0 - flipProbabilities[j];
                        if (flips) y ^= 1 << sites[j];
                    }

                    k[x * size + y] += probability;
                }
            }
        });
    }

    /// <summary>
    /// Swendsen-Wang (<paramref name="singleCluster"/> false) or Wolff (true) by the Fortuin-Kasteleyn
    /// sum: over every subset A of the satisfied bond terms, weight p^|A| (1-p)^(|sat|-|A|); then SW flips
    /// each cluster of A with probability 1/2, Wolff picks a seed uniformly and flips the seed's cluster
    /// (with probability 1/2 when no bond can be activated: p = 0 or no bond terms).
    /// </summary>
    public static Mat Cluster(IsingModel model, double beta, bool singleCluster)
    {
        var n = model.Dimension;
        var size = 1 << n;
        var bonds = new LatticeGeometry(model).BondTerms().ToArray();
        var p = 1.0 - Math.Exp(-2.0 * Math.Abs(beta * model.Coupling));
        var seedFlip = p == 0.0 || bonds.Length == 0 ? 0.5 : 1.0;
        return Mat.Create(size, size, k =>
        {
            for (var x = 0; x < size; x++)
            {
                var satisfied = bonds.Where(b => beta * model.Coupling * Spin(x, b.From) * Spin(x, b.To) > 0).ToArray();
                for (var subset = 0L; subset < 1L << satisfied.Length; subset++)
                {
                    var active = System.Numerics.BitOperations.PopCount((ulong)subset);
                    var weight = Math.Pow(p, active) * Math.Pow(1.0 - p, satisfied.Length - active);
                    if (weight == 0.0) continue;
                    var label = Enumerable.Range(0, n).ToArray();
                    for (var t = 0; t < satisfied.Length; t++)
                        if (((subset >> t) & 1) == 1) Relabel(label, satisfied[t].From, satisfied[t].To);
                    var clusters = Roots(label);
                    if (singleCluster)
                    {
                        for (var seed = 0; seed < n; seed++)
                        {
                            k[x * size + FlipLabel(x, label, label[seed])] += seedFlip * weight / n;
                            k[x * size + x] += (1.0 - seedFlip) * weight / n;
                        }
                    }
                    else
                    {
                        for (var pattern = 0; pattern < 1 << clusters.Length; pattern++)
                        {
                            var y = x;
                            for (var j = 0; j < clusters.Length; j++)
                                if (((pattern >> j) & 1) == 1) y = FlipLabel(y, label, clusters[j]);
                            k[x * size + y] += weight / (1 << clusters.Length);
                        }
                    }
                }
            }
        });
    }

    /// <summary>Fills +1/-1 spins from the index x.</summary>
    public static void Decode(int x, Span<double> state)
    {
        for (var i = 0; i < state.Length; i++) state[i] = ((x >> i) & 1) == 1 ? 1.0 : -1.0;
    }

    private static int[] Roots(int[] label)
    {
        var count = 0;
        for (var i = 0; i < label.Length; i++)
            if (label[i] == i) count++;
        var roots = new int[count];
        count = 0;
        for (var i = 0; i < label.Length; i++)
            if (label[i] == i) roots[count++] = i;
        return roots;
    }

    private static int Spin(int x, int site) => ((x >> site) & 1) == 1 ? 1 : -1;

    private static int FlipLabel(int x, int[] label, int which)
    {
        for (var i = 0; i < label.Length; i++)
            if (label[i] == which) x ^= 1 << i;
        return x;
    }

    private static void Relabel(int[] label, int a, int b)
    {
        var (from, to) = (Math.Max(label[a], label[b]), Math.Min(label[a], label[b]));
        if (from == to) return;
        for (var i = 0; i < label.Length; i++)
            if (label[i] == from) label[i] = to;
    }
}
