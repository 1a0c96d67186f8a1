using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Annealing;

/// <summary>
/// Single-site Metropolis on a q-state Potts or clock lattice: each update picks a site, proposes a value drawn uniformly
/// from the other q - 1 values, and accepts it with the probability a(beta dE) of <see cref="MetropolisAcceptance"/>
/// (min(1, exp(-beta dE)), a tie 7/8), dE = E(s with s_i = v) - E(s) (Metropolis et al. 1953).
/// </summary>
/// <remarks>
/// <para>Target p_beta(s) ∝ exp(-beta E(s)). The proposal is symmetric (value u proposes v with probability 1/(q - 1) and
/// v proposes u with the same), and a(x) / a(-x) = e^-x, so every single-site update satisfies detailed balance; a
/// random-scan step (n updates of uniformly random sites) is reversible, a systematic sweep (sites 0..n-1) stationary.
/// Each update moves to any other value with positive probability, and a tie is kept with probability 1/8, so the chain
/// is irreducible and aperiodic at every finite beta.</para>
/// <para>dE is read from the site's four neighbour slots (<see cref="PottsLattice"/>: a doubled neighbour on a periodic
/// side of 2 counted twice, a self-bond left out, as the energy counts them); the state's energy is recomputed from the
/// exact integer bond-class and value counts of <see cref="PottsChains"/>, so it never drifts.</para>
/// <para>Randomness: chain c draws from key.FoldIn(c); update u reads uniform 3u for the site (random scan; unused by a
/// systematic sweep), 3u + 1 for the proposed value and 3u + 2 to accept. Chains run one after another: annealing runs
/// its restarts in parallel instead, so the result is the same bits for any thread count.</para>
/// </remarks>
/// <example><code>
/// var kernel = SaKernels.Metropolis(potts);   // Validation: fails for a categorical model that is not a lattice
/// var state = SaCategoricalMetropolis.Init(potts, Mat.Zeros(4, potts.Dimension));
/// var next = SaCategoricalMetropolis.BuildKernel(potts, beta: 1.2)(RngKey.FromSeed(3), state).State;
/// </code></example>
public static class SaCategoricalMetropolis
{
    /// <summary>The name in reports, the binary single-site kernel's (<see cref="SingleSiteMetropolis.Name"/>).</summary>
    public const string Name = SingleSiteMetropolis.Name;

    /// <summary>Uniforms read per update: site, proposed value, acceptance.</summary>
    private const int DrawsPerUpdate = 3;

    /// <summary>The state of the chains starting at the rows of <paramref name="states"/> (units 0..q-1 as doubles).</summary>
    /// <exception cref="ArgumentException">The model is not a Potts or clock lattice, or a row is not a state of it.</exception>
    public static PottsChains Init(ICategoricalModel model, Mat states)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(states);
        return PottsChains.FromStates(model, states);
    }

    /// <summary>The step at inverse temperature <paramref name="beta"/>: n single-site updates of every chain.</summary>
    /// <param name="model">A <see cref="PottsModel"/> or <see cref="ClockModel"/> (any size, boundary, J and h).</param>
    /// <param name="beta">Inverse temperature, finite and &gt;= 0 (0 samples the uniform distribution).</param>
    /// <param name="order">Random scan (reversible) or systematic sweep (stationary, not reversible).</param>
    /// <exception cref="ArgumentException">The model is not a Potts or clock lattice (validate with <see cref="SaKernels.Metropolis(ICategoricalModel, ScanOrder)"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">beta is negative or not finite (validate user input first).</exception>
    public static KernelStep<PottsChains, MetropolisInfo> BuildKernel(ICategoricalModel model, double beta, ScanOrder order = ScanOrder.Random)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!double.IsFinite(beta) || beta < 0.0) throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be finite and >= 0");
        var terms = CategoricalTerms.Required(model);
        var lattice = PottsLattice.Of(terms);
        var q = terms.Levels;
        // -J pair(v, w) and -h single(v): dE is a sum of differences of these, exact multiples of J and h for Potts.
        var pair = new double[q * q];
        var site = new double[q];
        for (var v = 0; v < q; v++)
        {
            site[v] = -terms.Field * terms.SiteValues[v];
            for (var w = 0; w < q; w++) pair[v * q + w] = -terms.Coupling * terms.PairValues[terms.ClassOf(v, w)];
        }

        return (key, chains) => Step(key, chains, lattice, pair, site, beta, order);
    }

    private static (PottsChains, MetropolisInfo) Step(
        RngKey key, PottsChains state, PottsLattice lattice, double[] pair, double[] site, double beta, ScanOrder order)
    {
        var chains = state.Chains;
        var n = lattice.Sites;
        var q = site.Length;
        var units = state.Buffer.ToArray();
        var changes = new PottsChanges(chains, state.Terms);
        var acceptance = new double[chains];
        var flips = new double[chains];
        var nans = 0;
        var draws = new double[DrawsPerUpdate * n];
        for (var c = 0; c < chains; c++)
        {
            key.FoldIn(c).Uniform(draws);
            var row = units.AsSpan(c * n, n);
            double acceptanceSum = 0, moves = 0;
            for (var u = 0; u < n; u++)
            {
                var at = order == ScanOrder.Random ? Math.Min((int)(draws[DrawsPerUpdate * u] * n), n - 1) : u;
                int old = row[at];
                var other = Math.Min((int)(draws[DrawsPerUpdate * u + 1] * (q - 1)), q - 2);
                var value = other < old ? other : other + 1;
                var neighbours = lattice.Neighbours.AsSpan(at * PottsLattice.Slots, PottsLattice.Slots);
                var energyChange = site[value] - site[old];
                foreach (var neighbour in neighbours)
                    if (neighbour != n) energyChange += pair[value * q + row[neighbour]] - pair[old * q + row[neighbour]];
                var probability = MetropolisAcceptance.Probability(beta * energyChange);
                if (double.IsNaN(probability))
                {
                    nans++;
                    continue;
                }

                acceptanceSum += probability;
                if (draws[DrawsPerUpdate * u + 2] >= probability) continue;
                changes.Move(c, row, neighbours, n, old, value);
                row[at] = (byte)value;
                moves++;
            }

            acceptance[c] = acceptanceSum / n;
            flips[c] = moves / n;
        }

        return (state.With(units, changes.Classes, changes.Values), new MetropolisInfo(Vec.Wrap(acceptance), Vec.Wrap(flips), nans));
    }
}
