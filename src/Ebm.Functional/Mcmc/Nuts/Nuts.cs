using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Mcmc.Nuts;

/// <summary>
/// The No-U-Turn Sampler, multinomial variant (Hoffman and Gelman 2014; Betancourt 2017, appendix A): HMC whose
/// trajectory length is chosen per step by doubling a leapfrog trajectory forward or backward in time until it turns
/// back on itself, then drawing the next point from the whole trajectory with probabilities proportional to exp(-H),
/// H(x, p) = beta E(x) + 1/2 p^T M^-1 p with a diagonal mass M.
/// </summary>
/// <remarks>
/// <para>Sign convention: E = -log p~ and the target is p_beta ∝ exp(-beta E). Within a subtree the point is drawn
/// with probability exactly proportional to exp(-H) (uniform progressive sampling); across doublings the trajectory
/// moves to the new subtree's point with probability min(1, w_new / w_old) (biased progressive sampling), as Stan's
/// base_nuts does; both keep exp(-H) invariant, and the momentum is redrawn every step, so the kernel leaves
/// p_beta invariant and is reversible in x. The U-turn criterion, the extra checks between the halves of every merge
/// and the divergence rule are described on <see cref="NutsTrajectory"/>; the full account is Stan's Reference
/// Manual, "Hamiltonian Monte Carlo sampling", and Betancourt (2017), arXiv:1701.02434.</para>
/// <para>Randomness: chain c uses <c>key.FoldIn(c)</c>; momentum p_j = xi_j / sqrt((M^-1)_jj) with
/// xi_j = <c>.FoldIn(0).NormalAt(j)</c> (HMC's draw), doubling j's direction <c>.FoldIn(1).UniformAt(j)</c>, its
/// acceptance <c>.FoldIn(2).UniformAt(j)</c>, the m-th merge inside subtrees <c>.FoldIn(3).UniformAt(m)</c>;
/// bit-identical for any degree of parallelism.</para>
/// <para>Cost: a step spends <see cref="NutsInfo.LeapfrogSteps"/> gradient evaluations per chain, between 1 and
/// 2^MaxTreeDepth - 1, chosen by the target's geometry; chains in one batch wait for the longest trajectory.</para>
/// </remarks>
/// <example><code>
/// var nuts = Nuts.Create(model, beta: 1.0, stepSize: 0.2);
/// var state = nuts.Init(startingPositions);
/// var (final, depths) = Loop.Scan(key, state, 1000, nuts.Step, (_, info) =&gt; info.TreeDepths);
/// </code></example>
public static class Nuts
{
    /// <summary>H - H0 above which a leapfrog step is reported as divergent (Stan's max_deltaH).</summary>
    public const double DivergenceThreshold = 1000.0;

    /// <summary>The default largest tree depth (Stan's max_treedepth): at most 1023 leapfrog steps per trajectory.</summary>
    public const int DefaultMaxTreeDepth = 10;

    /// <summary>The sampler at inverse temperature <paramref name="beta"/>.</summary>
    /// <param name="model">The energy.</param>
    /// <param name="beta">Inverse temperature, positive and finite.</param>
    /// <param name="stepSize">Leapfrog step h, positive and finite.</param>
    /// <param name="inverseMassDiagonal">Diagonal of M^-1 (d), positive; null for the identity.</param>
    /// <param name="maxTreeDepth">Most doublings of a trajectory, 1 to 30.</param>
    /// <param name="maxDegreeOfParallelism">Threads over chains (-1: no limit); results do not depend on it.</param>
    public static Sampler<Mat, ContinuousChains, NutsInfo> Create(
        IContinuousModel model, double beta, double stepSize, Vec? inverseMassDiagonal = null, int maxTreeDepth = DefaultMaxTreeDepth,
        int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(model);
        var parameters = new NutsParams(stepSize, inverseMassDiagonal ?? Vec.Filled(model.Dimension, 1.0), maxTreeDepth);
        return ContinuousKernel.Sampler("nuts", model, beta, Factory(model, parameters, maxDegreeOfParallelism), maxDegreeOfParallelism);
    }

    /// <summary>The step as a function of beta, the form parallel tempering takes.</summary>
    public static Func<double, KernelStep<ContinuousChains, NutsInfo>> Factory(
        IContinuousModel model, NutsParams parameters, int maxDegreeOfParallelism = -1) =>
        beta =>
        {
            ArgumentNullException.ThrowIfNull(model);
            ArgumentNullException.ThrowIfNull(parameters);
            ContinuousKernel.Check(beta, parameters.StepSize, maxDegreeOfParallelism);
            parameters.Check(model.Dimension);
            return (key, state) => Step(key, state, model, beta, parameters, maxDegreeOfParallelism);
        };

    private static (ContinuousChains, NutsInfo) Step(
        RngKey key, ContinuousChains state, IContinuousModel model, double beta, NutsParams parameters, int maxDegreeOfParallelism)
    {
        var (chains, d) = (state.Chains, state.Dimension);
        var inverseMass = parameters.InverseMassDiagonal;
        var positions = new double[chains * d];
        var gradients = new double[chains * d];
        var energies = new double[chains];
        var rates = new double[chains];
        var depths = new double[chains];
        var leapfrogs = new double[chains];
        var divergent = new double[chains];
        var nonFinite = new int[chains];
        ContinuousKernel.ForEachChain(chains, maxDegreeOfParallelism, c =>
        {
            var chainKey = key.FoldIn(c);
            var noise = chainKey.FoldIn(0);
            var p = new double[d];
            for (var j = 0; j < d; j++) p[j] = noise.NormalAt(j) / Math.Sqrt(inverseMass[j]);
            var start = new NutsTrajectory.Point(state.Positions.Row(c).ToArray(), p, state.Gradients.Row(c).ToArray(), state.Energies[c]);
            var outcome = NutsTrajectory.Sample(chainKey, model, beta, parameters, start);
            outcome.Selected.X.CopyTo(positions.AsSpan(c * d, d));
            outcome.Selected.Gradient.CopyTo(gradients.AsSpan(c * d, d));
            energies[c] = outcome.Selected.Energy;
            rates[c] = outcome.AcceptanceStatistic;
            depths[c] = outcome.TreeDepth;
            leapfrogs[c] = outcome.LeapfrogSteps;
            divergent[c] = outcome.Divergent ? 1 : 0;
            nonFinite[c] = outcome.NonFinite ? 1 : 0;
        });
        return (ContinuousKernel.Publish(chains, d, positions, energies, gradients),
            new NutsInfo(Vec.Wrap(rates), Vec.Wrap(depths), Vec.Wrap(leapfrogs), Vec.Wrap(divergent), nonFinite.Sum()));
    }
}
