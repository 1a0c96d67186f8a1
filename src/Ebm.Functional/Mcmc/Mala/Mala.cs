using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Mcmc.Langevin;

namespace Ebm.Functional.Mcmc.Mala;

/// <summary>
/// The Metropolis-adjusted Langevin algorithm (MALA): the Langevin proposal
/// x' = x - (eps^2 / 2) beta grad E(x) + eps xi, accepted with the Metropolis-Hastings probability for its
/// asymmetric proposal density (Roberts and Tweedie 1996; Besag 1994).
/// </summary>
/// <remarks>
/// <para>With q(b | a) = N(b; a - (eps^2 / 2) beta grad E(a), eps^2 I), the acceptance probability is
/// min(1, exp(-beta (E(x') - E(x)) + log q(x | x') - log q(x' | x))), so the kernel satisfies detailed
/// balance with p_beta ∝ exp(-beta E) (E = -log p~) for any eps; the optimal acceptance rate in high
/// dimension is about 0.574 (Roberts and Rosenthal 1998).</para>
/// <para>Randomness: chain c uses <c>key.FoldIn(c)</c>; noise xi_j = <c>.FoldIn(0).NormalAt(j)</c>,
/// accept uniform <c>.FoldIn(1).UniformAt(0)</c>; bit-identical for any degree of parallelism. A proposal
/// with a NaN or infinite energy or gradient is rejected and counted in the info.</para>
/// </remarks>
/// <example><code>
/// var mala = Mala.Create(model, beta: 1.0, stepSize: 0.3);
/// var state = mala.Init(startingPositions);
/// var (final, rates) = Loop.Scan(key, state, 1000, mala.Step, (_, info) =&gt; info.AcceptanceRates);
/// </code></example>
public static class Mala
{
    /// <summary>The sampler at inverse temperature <paramref name="beta"/> with noise scale <paramref name="stepSize"/>.</summary>
    /// <param name="model">The energy.</param>
    /// <param name="beta">Inverse temperature, positive and finite.</param>
    /// <param name="stepSize">The proposal noise scale eps, positive and finite.</param>
    /// <param name="maxDegreeOfParallelism">Threads over chains (-1: no limit); results do not depend on it.</param>
    public static Sampler<Mat, ContinuousChains, MalaInfo> Create(
        IContinuousModel model, double beta, double stepSize, int maxDegreeOfParallelism = -1) =>
        ContinuousKernel.Sampler("mala", model, beta, Factory(model, stepSize, maxDegreeOfParallelism), maxDegreeOfParallelism);

    /// <summary>The step as a function of beta, the form parallel tempering takes.</summary>
    public static Func<double, KernelStep<ContinuousChains, MalaInfo>> Factory(
        IContinuousModel model, double stepSize, int maxDegreeOfParallelism = -1) =>
        beta =>
        {
            ArgumentNullException.ThrowIfNull(model);
            ContinuousKernel.Check(beta, stepSize, maxDegreeOfParallelism);
            return (key, state) => Step(key, state, model, beta, stepSize, maxDegreeOfParallelism);
        };

    private static (ContinuousChains, MalaInfo) Step(
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
            var x = state.Positions.Row(c);
            var gradient = state.Gradients.Row(c);
            var proposal = positions.AsSpan(c * d, d);
            var proposalGradient = gradients.AsSpan(c * d, d);
            LangevinProposal.Draw(chainKey.FoldIn(0), x, gradient, beta, stepSize, proposal);
            var proposalEnergy = model.Energy(proposal);
            if (double.IsFinite(proposalEnergy)) model.EnergyGradient(proposal, proposalGradient);
            if (!ContinuousKernel.AllFinite(proposalEnergy, proposal, proposalGradient))
            {
                nonFinite[c] = 1;
                ContinuousKernel.KeepRow(state, c, positions, energies, gradients);
                return;
            }

            var logRatio = -beta * (proposalEnergy - state.Energies[c])
                           + LangevinProposal.LogDensity(x, proposal, proposalGradient, beta, stepSize)
                           - LangevinProposal.LogDensity(proposal, x, gradient, beta, stepSize);
            rates[c] = ContinuousKernel.AcceptanceProbability(logRatio);
            if (ContinuousKernel.Accept(chainKey.FoldIn(1).UniformAt(0), logRatio))
            {
                accepted[c] = 1;
                energies[c] = proposalEnergy;
            }
            else
            {
                ContinuousKernel.KeepRow(state, c, positions, energies, gradients);
            }
        });
        return (ContinuousKernel.Publish(chains, d, positions, energies, gradients),
            new MalaInfo(Vec.Wrap(rates), Vec.Wrap(accepted), nonFinite.Sum()));
    }
}
