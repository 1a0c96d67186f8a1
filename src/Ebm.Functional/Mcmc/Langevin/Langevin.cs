using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Mcmc.Langevin;

/// <summary>
/// The unadjusted Langevin algorithm (ULA), the usual negative-phase sampler of energy-based models:
/// x' = x - (eps^2 / 2) beta grad E(x) + eps xi, xi ~ N(0, I), with no accept step.
/// </summary>
/// <remarks>
/// <para>Parametrisation: the step size eps is the noise scale, and the drift is half its square, so
/// the update is the Euler-Maruyama discretisation, with time step h = eps^2, of the Langevin diffusion
/// dX = -(beta / 2) grad E dt + dW, whose stationary law is p_beta ∝ exp(-beta E) (Roberts and Tweedie
/// 1996). Some EBM code writes x' = x - a grad E + sigma xi with independent a and sigma; that is this
/// kernel only when a = beta sigma^2 / 2.</para>
/// <para>Warning: without a Metropolis correction the chain is biased by O(eps^2). For the Gaussian
/// E = x^2 / (2 sigma^2) at beta = 1 the update is x' = (1 - eps^2 / (2 sigma^2)) x + eps xi, an AR(1)
/// chain with stationary variance eps^2 / (1 - (1 - eps^2 / (2 sigma^2))^2) = sigma^2 / (1 - eps^2 / (4 sigma^2)),
/// above sigma^2, and unstable once eps^2 &gt;= 4 sigma^2. Use <see cref="Mala"/> for exact sampling.</para>
/// <para>Randomness: chain c uses <c>key.FoldIn(c)</c>, noise xi_j = <c>.FoldIn(0).NormalAt(j)</c>;
/// bit-identical for any degree of parallelism. A move to a point with a NaN or infinite energy or
/// gradient is refused (the chain stays) and counted in the info, so one bad point cannot poison the chain.</para>
/// </remarks>
/// <example><code>
/// var ula = Langevin.Create(model, beta: 1.0, stepSize: 0.05);
/// var state = ula.Init(startingPositions);
/// var final = Loop.Run(key, state, 500, ula.Step);
/// </code></example>
public static class Langevin
{
    /// <summary>The sampler at inverse temperature <paramref name="beta"/> with noise scale <paramref name="stepSize"/>.</summary>
    /// <param name="model">The energy.</param>
    /// <param name="beta">Inverse temperature, positive and finite.</param>
    /// <param name="stepSize">The noise scale eps (the drift is eps^2 / 2 times beta grad E), positive and finite.</param>
    /// <param name="maxDegreeOfParallelism">Threads over chains (-1: no limit); results do not depend on it.</param>
    public static Sampler<Mat, ContinuousChains, LangevinInfo> Create(
        IContinuousModel model, double beta, double stepSize, int maxDegreeOfParallelism = -1) =>
        ContinuousKernel.Sampler("langevin", model, beta, Factory(model, stepSize, maxDegreeOfParallelism), maxDegreeOfParallelism);

    /// <summary>The step as a function of beta, the form parallel tempering takes.</summary>
    public static Func<double, KernelStep<ContinuousChains, LangevinInfo>> Factory(
        IContinuousModel model, double stepSize, int maxDegreeOfParallelism = -1) =>
        beta =>
        {
            ArgumentNullException.ThrowIfNull(model);
            ContinuousKernel.Check(beta, stepSize, maxDegreeOfParallelism);
            return (key, state) => Step(key, state, model, beta, stepSize, maxDegreeOfParallelism);
        };

    private static (ContinuousChains, LangevinInfo) Step(
        RngKey key, ContinuousChains state, IContinuousModel model, double beta, double stepSize, int maxDegreeOfParallelism)
    {
        var (chains, d) = (state.Chains, state.Dimension);
        var positions = new double[chains * d];
        var gradients = new double[chains * d];
        var energies = new double[chains];
        var rates = new double[chains];
        var nonFinite = new int[chains];
        ContinuousKernel.ForEachChain(chains, maxDegreeOfParallelism, c =>
        {
            var proposal = positions.AsSpan(c * d, d);
            var gradient = gradients.AsSpan(c * d, d);
            LangevinProposal.Draw(key.FoldIn(c).FoldIn(0), state.Positions.Row(c), state.Gradients.Row(c), beta, stepSize, proposal);
            var energy = model.Energy(proposal);
            if (double.IsFinite(energy)) model.EnergyGradient(proposal, gradient);
            if (!ContinuousKernel.AllFinite(energy, proposal, gradient))
            {
                nonFinite[c] = 1;
                ContinuousKernel.KeepRow(state, c, positions, energies, gradients);
                return;
            }

            energies[c] = energy;
            rates[c] = 1.0;
        });
        return (ContinuousKernel.Publish(chains, d, positions, energies, gradients), new LangevinInfo(Vec.Wrap(rates), nonFinite.Sum()));
    }
}
