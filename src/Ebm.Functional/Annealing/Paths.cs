using static LanguageExt.Prelude;
using LanguageExt.Common;
using LanguageExt;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Annealing;

/// <summary>Annealing paths for the model families: tempering from the uniform distribution, and geometric bridges from a Gaussian.</summary>
public static partial class Paths
{
    /// <summary>
    /// The tempered path of a discrete model: f_t(x) = exp(-t beta E(x)) from the uniform distribution
    /// (t = 0, log Z_0 = n log 2) to p_beta (t = 1). The kernel at t is <paramref name="kernelAtBeta"/>(t beta),
    /// e.g. <c>b =&gt; HeatBathGibbs.BuildKernel(model, b)</c>.
    /// </summary>
    /// <param name="model">Any discrete model.</param>
    /// <param name="beta">The target inverse temperature, finite and &gt;= 0.</param>
    /// <param name="kernelAtBeta">A kernel leaving p_b invariant, for any b in [0, beta].</param>
    /// <param name="evaluationsPerMove">Energy evaluations one kernel step costs per particle.</param>
    /// <returns>The path, or <see cref="AnnealingErrors.InvalidPath"/> when beta is negative or not finite.</returns>
    public static Validation<Error, AnnealingPath<DiscreteChains>> Tempered<TInfo>(
        IDiscreteModel model, double beta, Func<double, KernelStep<DiscreteChains, TInfo>> kernelAtBeta, int evaluationsPerMove = 1)
        where TInfo : IAcceptanceInfo
    {
        ArgumentNullException.ThrowIfNull(model);
        return TemperedFromUniform(model, beta, kernelAtBeta, evaluationsPerMove,
            states => new DiscreteChains(states, model.Energies(states)), s => s.Energies, s => s.Chains, Selections.Discrete, model.States);
    }

    /// <summary>
    /// The tempered path of an Ising lattice over lattice chains, for the lattice kernels
    /// (e.g. <c>b =&gt; Checkerboard.Create(model, b, CheckerboardUpdate.Metropolis).Step</c>).
    /// </summary>
    /// <returns>The path, or <see cref="AnnealingErrors.InvalidPath"/> when beta is negative or not finite.</returns>
    public static Validation<Error, AnnealingPath<IsingChains>> Tempered<TInfo>(
        IsingModel model, double beta, Func<double, KernelStep<IsingChains, TInfo>> kernelAtBeta, int evaluationsPerMove = 1)
        where TInfo : IAcceptanceInfo
    {
        ArgumentNullException.ThrowIfNull(model);
        return TemperedFromUniform(model, beta, kernelAtBeta, evaluationsPerMove,
            states => IsingChains.FromStates(model, states), s => s.Energies, s => s.Chains, Selections.Ising, StateConvention.Spin);
    }

    /// <summary>f_t(x) = exp(-t beta E(x)) from the uniform distribution over the model's states, for any chain batch.</summary>
    private static Validation<Error, AnnealingPath<TState>> TemperedFromUniform<TState, TInfo>(
        IEnergyModel model, double beta, Func<double, KernelStep<TState, TInfo>> kernelAtBeta, int evaluationsPerMove,
        Func<Mat, TState> fromStates, Func<TState, Vec> energies, Func<TState, int> count, Func<TState, int[], TState> select,
        StateConvention convention)
        where TInfo : IAcceptanceInfo
    {
        ArgumentNullException.ThrowIfNull(kernelAtBeta);
        var errors = NonNegativeBeta(beta);
        if (!errors.IsEmpty) return Fail<Error, AnnealingPath<TState>>(errors);
        return Success<Error, AnnealingPath<TState>>(new AnnealingPath<TState>(
            $"tempered {model.Kind} from uniform",
            beta,
            model.Dimension * Math.Log(2.0),
            (key, particles) => fromStates(ExactDraws.Uniform(key, particles, model.Dimension, convention)),
            (t, s) => Scaled(energies(s), -t * beta),
            (_, s) => Scaled(energies(s), -beta),
            t => Kernels.MapInfo(kernelAtBeta(t * beta), info => (IAcceptanceInfo)info),
            count,
            select,
            evaluationsPerMove));
    }

    /// <summary>
    /// The geometric path from a Gaussian reference q (at inverse temperature 1) to p_beta of a continuous
    /// model: f_t = exp(-(1 - t) E_q(x) - t beta E(x)), log Z_0 from the Gaussian's closed form. The kernel at t
    /// is <paramref name="kernelFor"/> applied to the <see cref="InterpolatedEnergy"/> at t and run at beta 1,
    /// e.g. <c>m =&gt; Hmc.Factory(m, parameters)(1.0)</c>; each move first recomputes the cached energies and
    /// gradients for the new t (one evaluation).
    /// </summary>
    /// <param name="model">The target energy.</param>
    /// <param name="beta">The target inverse temperature, positive and finite.</param>
    /// <param name="reference">The Gaussian base; choose it close to the target (e.g. a Laplace approximation).</param>
    /// <param name="kernelFor">A kernel leaving exp(-E) invariant for the energy it is given.</param>
    /// <param name="evaluationsPerMove">Gradient evaluations one kernel step costs per particle (HMC: leapfrog steps).</param>
    /// <returns>The path, or every problem found (<see cref="AnnealingErrors.InvalidPath"/>).</returns>
    public static Validation<Error, AnnealingPath<ContinuousChains>> FromGaussian<TInfo>(
        IContinuousModel model, double beta, GaussianModel reference,
        Func<IContinuousModel, KernelStep<ContinuousChains, TInfo>> kernelFor, int evaluationsPerMove = 1)
        where TInfo : IAcceptanceInfo
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(kernelFor);
        var errors = PositiveBeta(beta);
        if (reference.Dimension != model.Dimension)
            errors = errors.Add(AnnealingErrors.InvalidPath($"the reference has dimension {reference.Dimension}, the model {model.Dimension}"));
        if (!errors.IsEmpty) return Fail<Error, AnnealingPath<ContinuousChains>>(errors);
        var logZ0 = GaussianExact.Compute(reference, 1.0).LogZ;
        return Success<Error, AnnealingPath<ContinuousChains>>(new AnnealingPath<ContinuousChains>(
            $"geometric {model.Kind} from gaussian",
            beta,
            logZ0,
            (key, count) => ContinuousKernel.Init(new InterpolatedEnergy(reference, model, beta, 0.0), ExactDraws.Gaussian(key, count, reference), -1),
            (t, s) => Scaled(new InterpolatedEnergy(reference, model, beta, t).Energies(s.Positions), -1.0),
            (_, s) =>
            {
                var (e0, e1) = (reference.Energies(s.Positions), model.Energies(s.Positions));
                return Vec.Create(e0.Length, d =>
                {
                    for (var i = 0; i < d.Length; i++) d[i] = e0[i] - beta * e1[i];
                });
            },
            t =>
            {
                var energy = new InterpolatedEnergy(reference, model, beta, t);
                var step = kernelFor(energy);
                return (key, s) =>
                {
                    var (next, info) = step(key, ContinuousKernel.Init(energy, s.Positions, -1));
                    return (next, info);
                };
            },
            s => s.Chains,
            Selections.Continuous,
            evaluationsPerMove + 1));
    }

    private static Vec Scaled(Vec x, double factor) => Vec.Create(x.Length, d =>
    {
        for (var i = 0; i < d.Length; i++) d[i] = factor * x[i];
    });

    private static Seq<Error> PositiveBeta(double beta) =>
        beta > 0 && double.IsFinite(beta) ? Seq<Error>() : Seq1(AnnealingErrors.InvalidPath($"beta must be positive and finite, not {beta}"));

    private static Seq<Error> NonNegativeBeta(double beta) =>
        beta >= 0 && double.IsFinite(beta) ? Seq<Error>() : Seq1(AnnealingErrors.InvalidPath($"beta must be finite and >= 0, not {beta}"));

}
