using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Annealing;

/// <summary>
/// Single-site heat bath (Gibbs) on a q-state Potts or clock lattice: each update picks a site and draws its new value from
/// its exact conditional given its neighbours, p(v) ∝ exp(beta (J sum_j pair(v, s_j) + h single(v))) (Glauber 1963), the
/// old value included.
/// </summary>
/// <remarks>
/// <para>Target p_beta(s) ∝ exp(-beta E(s)). Each single-site update is the conditional of p_beta at its site, so it
/// satisfies detailed balance: a random-scan step (n updates of uniformly random sites) is reversible, a systematic sweep
/// (sites 0..n-1) stationary. Every value has positive probability at every finite beta, so the chain is irreducible and
/// aperiodic. pair = delta (Potts) or cos(theta_v - theta_j) (clock), single = delta(v, 0) or cos theta_v, as in
/// <see cref="PottsCheckerboard"/>, whose per-site draw (log weights shifted by their maximum, inverse CDF of one uniform)
/// this kernel shares; the two differ in which sites they update and in what order.</para>
/// <para>The conditional is read from the site's four neighbour slots (<see cref="PottsLattice"/>: a doubled neighbour on
/// a periodic side of 2 counted twice, a self-bond left out, as the energy counts them); the state's energy is recomputed
/// from the exact integer bond-class and value counts of <see cref="PottsChains"/>, so it never drifts.</para>
/// <para>Randomness: chain c draws from key.FoldIn(c); update u reads uniform 2u for the site (random scan; unused by a
/// systematic sweep) and 2u + 1 for the value. Chains run one after another: annealing runs its restarts in parallel
/// instead, so the result is the same bits for any thread count.</para>
/// </remarks>
/// <example><code>
/// var kernel = SaKernels.HeatBath(clock, ScanOrder.Random);   // Validation: fails for a categorical model that is not a lattice
/// var state = SaCategoricalHeatBath.Init(clock, Mat.Zeros(4, clock.Dimension));
/// var next = SaCategoricalHeatBath.BuildKernel(clock, beta: 1.2, ScanOrder.Systematic)(RngKey.FromSeed(3), state).State;
/// </code></example>
public static class SaCategoricalHeatBath
{
    /// <summary>The name in reports, the binary single-site heat bath's (<see cref="HeatBathGibbs.Name"/>).</summary>
    public const string Name = HeatBathGibbs.Name;

    /// <summary>Uniforms read per update: site, value.</summary>
    private const int DrawsPerUpdate = 2;

    /// <summary>The state of the chains starting at the rows of <paramref name="states"/> (units 0..q-1 as doubles).</summary>
    /// <exception cref="ArgumentException">The model is not a Potts or clock lattice, or a row is not a state of it.</exception>
    public static PottsChains Init(ICategoricalModel model, Mat states)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(states);
        return PottsChains.FromStates(model, states);
    }

    /// <summary>The step at inverse temperature <paramref name="beta"/>: n single-site heat-bath updates of every chain.</summary>
    /// <param name="model">A <see cref="PottsModel"/> or <see cref="ClockModel"/> (any size, boundary, J and h).</param>
    /// <param name="beta">Inverse temperature, finite and &gt;= 0 (0 samples the uniform distribution).</param>
    /// <param name="order">Random scan (reversible) or systematic sweep (stationary, not reversible).</param>
    /// <exception cref="ArgumentException">The model is not a Potts or clock lattice (validate with <see cref="SaKernels.HeatBath(ICategoricalModel, ScanOrder)"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">beta is negative or not finite (validate user input first).</exception>
    public static KernelStep<PottsChains, HeatBathInfo> BuildKernel(ICategoricalModel model, double beta, ScanOrder order = ScanOrder.Random)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!double.IsFinite(beta) || beta < 0.0) throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be finite and >= 0");
        var terms = CategoricalTerms.Required(model);
        var lattice = PottsLattice.Of(terms);
        var tables = new HeatBathTables(terms, beta);
        return (key, chains) => Step(key, chains, lattice, tables, order);
    }

    private static (PottsChains, HeatBathInfo) Step(RngKey key, PottsChains state, PottsLattice lattice, HeatBathTables tables, ScanOrder order)
    {
        var chains = state.Chains;
        var n = lattice.Sites;
        var units = state.Buffer.ToArray();
        var changes = new PottsChanges(chains, state.Terms);
        var draws = new double[DrawsPerUpdate * n];
        var weights = new double[tables.Levels];
        for (var c = 0; c < chains; c++)
        {
            key.FoldIn(c).Uniform(draws);
            var row = units.AsSpan(c * n, n);
            for (var u = 0; u < n; u++)
            {
                var at = order == ScanOrder.Random ? Math.Min((int)(draws[DrawsPerUpdate * u] * n), n - 1) : u;
                var neighbours = lattice.Neighbours.AsSpan(at * PottsLattice.Slots, PottsLattice.Slots);
                var value = tables.Draw(row, neighbours, n, draws[DrawsPerUpdate * u + 1], weights);
                int old = row[at];
                if (value == old) continue;
                changes.Move(c, row, neighbours, n, old, value);
                row[at] = (byte)value;
            }
        }

        var flips = Vec.Create(chains, f =>
        {
            for (var c = 0; c < chains; c++) f[c] = changes.Moves[c] / (double)n;
        });
        // A heat-bath update always draws from its conditional: every update is carried out, none is skipped.
        return (state.With(units, changes.Classes, changes.Values), new HeatBathInfo(Vec.Filled(chains, 1.0), flips, 0));
    }
}
