using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Mcmc.RandomWalk;

/// <summary>
/// Random-walk Metropolis for any continuous model: propose x' = x + s xi with xi ~ N(0, I) and accept
/// with probability min(1, exp(-beta (E(x') - E(x)))) (Metropolis et al. 1953).
/// </summary>
/// <remarks>
/// <para>Sign convention: E = -log p~, so the target is p_beta(x) ∝ exp(-beta E(x)). The proposal is
/// symmetric, so the kernel satisfies detailed balance with p_beta. A step size s near 2.4 / sqrt(d)
/// times the target's scale is the classical choice (Roberts, Gelman and Gilks 1997).</para>
/// <para>Randomness: chain c uses <c>key.FoldIn(c)</c>; its noise xi_j is <c>.FoldIn(0).NormalAt(j)</c>
/// and its accept uniform <c>.FoldIn(1).UniformAt(0)</c>, so the result is bit-identical for any degree
/// of parallelism. A proposal with a NaN or infinite energy is rejected and counted in the info.</para>
/// <para>The state caches dE/dx as well (shared with the gradient kernels), so an accepted move costs one
/// gradient evaluation.</para>
/// </remarks>
/// <example><code>
/// var rwm = RandomWalkMetropolis.Create(model, beta: 1.0, stepSize: 0.5);
/// var state = rwm.Init(startingPositions);   // C x d
/// var (final, energies) = Loop.Scan(key, state, 1000, rwm.Step, (s, _) =&gt; s.Energies);
/// </code></example>
public static class RandomWalkMetropolis
{
    /// <summary>The sampler at inverse temperature <paramref name="beta"/> with proposal scale <paramref name="stepSize"/>.</summary>
    /// <param name="model">The energy.</param>
    /// <param name="beta">Inverse temperature, positive and finite.</param>
    /// <param name="stepSize">Standard deviation s of each proposal coordinate, positive and finite.</param>
    /// <param name="maxDegreeOfParallelism">Threads over chains (-1: no limit); results do not depend on it.</param>
    public static Sampler<Mat, ContinuousChains, RandomWalkInfo> Create(
        IContinuousModel model, double beta, double stepSize, int maxDegreeOfParallelism = -1) =>
        ContinuousKernel.Sampler("random-walk-metropolis", model, beta, Factory(model, stepSize, maxDegreeOfParallelism), maxDegreeOfParallelism);

    /// <summary>The step as a function of beta, the form parallel tempering takes.</summary>
    public static Func<double, KernelStep<ContinuousChains, RandomWalkInfo>> Factory(
        IContinuousModel model, double stepSize, int maxDegreeOfParallelism = -1) =>
        beta =>
        {
            ArgumentNullException.ThrowIfNull(model);
            ContinuousKernel.Check(beta, stepSize, maxDegreeOfParallelism);
            return (key, state) => Step(key, state, model, beta, stepSize, maxDegreeOfParallelism);
        };

    private static (ContinuousChains, RandomWalkInfo) Step(
        RngKey key, ContinuousChains state, IContinuousModel model, double beta, double stepSize, int maxDegreeOfParallelism)
    {
        var (chains, d) = (state.Chains, state.Dimension);
        var positions = new double[chains * d];
        var gradients = new double[chains * d];
        var energies = new double[chains];
        var rates = new double[chains];
        var accepted = new double[chains];
        var nonFinite = new int[chains];
        ContinuousKernel.ForEachChain(chains, maxDegreeOfParallelism, c =>
        {
            var chainKey = key.FoldIn(c);
            var noise = chainKey.FoldIn(0);
            var x = state.Positions.Row(c);
            var proposal = positions.AsSpan(c * d, d);
            for (var j = 0; j < d; j++) proposal[j] = x[j] + stepSize * noise.NormalAt(j);
            var proposalEnergy = model.Energy(proposal);
            if (!ContinuousKernel.AllFinite(proposalEnergy, proposal, ReadOnlySpan<double>.Empty))
            {
                nonFinite[c] = 1;
                ContinuousKernel.KeepRow(state, c, positions, energies, gradients);
                return;
            }

            var logRatio = -beta * (proposalEnergy - state.Energies[c]);
            rates[c] = ContinuousKernel.AcceptanceProbability(logRatio);
            if (ContinuousKernel.Accept(chainKey.FoldIn(1).UniformAt(0), logRatio))
            {
                accepted[c] = 1;
                energies[c] = proposalEnergy;
                model.EnergyGradient(proposal, gradients.AsSpan(c * d, d));
            }
            else
            {
                ContinuousKernel.KeepRow(state, c, positions, energies, gradients);
            }
        });
        return (ContinuousKernel.Publish(chains, d, positions, energies, gradients),
            new RandomWalkInfo(Vec.Wrap(rates), Vec.Wrap(accepted), nonFinite.Sum()));
    }
}
