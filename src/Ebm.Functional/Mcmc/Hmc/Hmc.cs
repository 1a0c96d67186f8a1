using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Mcmc.Hmc;

/// <summary>
/// Hamiltonian Monte Carlo with a fixed number of leapfrog steps and a diagonal mass (Duane et al. 1987;
/// Neal 2011): draw p ~ N(0, M), integrate H(x, p) = beta E(x) + 1/2 p^T M^-1 p with <see cref="Leapfrog"/>,
/// accept the end point with probability min(1, exp(-(H(end) - H(start)))).
/// </summary>
/// <remarks>
/// <para>Sign convention: E = -log p~ and the target is p_beta ∝ exp(-beta E). The leapfrog map is
/// reversible and volume preserving, so with the momentum flip at the end (irrelevant here, because p is
/// redrawn every step) the kernel satisfies detailed balance with p_beta.</para>
/// <para>Randomness: chain c uses <c>key.FoldIn(c)</c>; momentum p_j = xi_j / sqrt((M^-1)_jj) with
/// xi_j = <c>.FoldIn(0).NormalAt(j)</c>, accept uniform <c>.FoldIn(1).UniformAt(0)</c>; bit-identical for
/// any degree of parallelism. A trajectory that reaches a NaN or infinite energy or gradient is rejected
/// and counted; |Delta H| &gt; <see cref="DivergenceThreshold"/> marks a divergence (a step size too large
/// for the curvature met).</para>
/// </remarks>
/// <example><code>
/// var hmc = Hmc.Create(model, beta: 1.0, stepSize: 0.2, leapfrogSteps: 10);
/// var state = hmc.Init(startingPositions);
/// var (final, errors) = Loop.Scan(key, state, 1000, hmc.Step, (_, info) =&gt; info.EnergyErrors);
/// </code></example>
public static class Hmc
{
    /// <summary>|Delta H| above which a trajectory is reported as divergent (the threshold Stan and blackjax use).</summary>
    public const double DivergenceThreshold = 1000.0;

    /// <summary>The sampler at inverse temperature <paramref name="beta"/>.</summary>
    /// <param name="model">The energy.</param>
    /// <param name="beta">Inverse temperature, positive and finite.</param>
    /// <param name="stepSize">Leapfrog step h, positive and finite.</param>
    /// <param name="leapfrogSteps">Leapfrog steps per trajectory L, at least 1.</param>
    /// <param name="inverseMassDiagonal">Diagonal of M^-1 (d), positive; null for the identity.</param>
    /// <param name="maxDegreeOfParallelism">Threads over chains (-1: no limit); results do not depend on it.</param>
    public static Sampler<Mat, ContinuousChains, HmcInfo> Create(
        IContinuousModel model, double beta, double stepSize, int leapfrogSteps, Vec? inverseMassDiagonal = null,
        int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(model);
        var parameters = new HmcParams(stepSize, leapfrogSteps, inverseMassDiagonal ?? Vec.Filled(model.Dimension, 1.0));
        return ContinuousKernel.Sampler("hmc", model, beta, Factory(model, parameters, maxDegreeOfParallelism), maxDegreeOfParallelism);
    }

    /// <summary>The step as a function of beta, the form parallel tempering takes.</summary>
    public static Func<double, KernelStep<ContinuousChains, HmcInfo>> Factory(
        IContinuousModel model, HmcParams parameters, int maxDegreeOfParallelism = -1) =>
        beta =>
        {
            ArgumentNullException.ThrowIfNull(model);
            ArgumentNullException.ThrowIfNull(parameters);
            ContinuousKernel.Check(beta, parameters.StepSize, maxDegreeOfParallelism);
            parameters.Check(model.Dimension);
            return (key, state) => Step(key, state, model, beta, parameters, maxDegreeOfParallelism);
        };

    private static (ContinuousChains, HmcInfo) Step(
        RngKey key, ContinuousChains state, IContinuousModel model, double beta, HmcParams parameters, int maxDegreeOfParallelism)
    {
        var (chains, d) = (state.Chains, state.Dimension);
        var inverseMass = parameters.InverseMassDiagonal;
        var positions = new double[chains * d];
        var gradients = new double[chains * d];
        var energies = new double[chains];
        var rates = new double[chains];
        var accepted = new double[chains];
        var energyErrors = new double[chains];
        var divergent = new double[chains];
        var nonFinite = new int[chains];
        ContinuousKernel.ForEachChain(chains, maxDegreeOfParallelism, c =>
        {
            var chainKey = key.FoldIn(c);
            var noise = chainKey.FoldIn(0);
            var x = positions.AsSpan(c * d, d);
            var gradient = gradients.AsSpan(c * d, d);
            state.Positions.Row(c).CopyTo(x);
            state.Gradients.Row(c).CopyTo(gradient);
            var p = new double[d];
            for (var j = 0; j < d; j++) p[j] = noise.NormalAt(j) / Math.Sqrt(inverseMass[j]);
            var startEnergy = state.Energies[c];
            var startH = beta * startEnergy + Leapfrog.KineticEnergy(p, inverseMass.Span);
            var endEnergy = Leapfrog.IntegrateInPlace(model, beta, parameters.StepSize, parameters.LeapfrogSteps, inverseMass.Span, x, p, gradient, startEnergy);
            var energyError = beta * endEnergy + Leapfrog.KineticEnergy(p, inverseMass.Span) - startH;
            energyErrors[c] = energyError;
            divergent[c] = !double.IsFinite(energyError) || Math.Abs(energyError) > DivergenceThreshold ? 1 : 0;
            if (!ContinuousKernel.AllFinite(endEnergy, x, gradient) || !ContinuousKernel.AllFinite(0, p, ReadOnlySpan<double>.Empty))
            {
                nonFinite[c] = 1;
                ContinuousKernel.KeepRow(state, c, positions, energies, gradients);
                return;
            }

            rates[c] = ContinuousKernel.AcceptanceProbability(-energyError);
            if (ContinuousKernel.Accept(chainKey.FoldIn(1).UniformAt(0), -energyError))
            {
                accepted[c] = 1;
                energies[c] = endEnergy;
            }
            else
            {
                ContinuousKernel.KeepRow(state, c, positions, energies, gradients);
            }
        });
        return (ContinuousKernel.Publish(chains, d, positions, energies, gradients),
            new HmcInfo(Vec.Wrap(rates), Vec.Wrap(accepted), Vec.Wrap(energyErrors), Vec.Wrap(divergent), nonFinite.Sum()));
    }
}
