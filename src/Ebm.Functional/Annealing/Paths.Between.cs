using static LanguageExt.Prelude;
using LanguageExt.Common;
using LanguageExt;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Annealing;

// Paths between two models with unknown normalisers: their estimators give log(Z_B / Z_A).
public static partial class Paths
{
    /// <summary>
    /// The geometric path between two discrete models at the same beta: f_t = exp(-(1 - t) beta E_A - t beta E_B)
    /// (<see cref="InterpolatedDiscreteEnergy"/>), with LogZ0 = 0, so AIS on it estimates log(Z_B / Z_A) and
    /// reverse AIS started from exact draws of B bounds it from above (Neal 2001; Salakhutdinov and Murray 2008
    /// for the ratio of two models). The kernel at t is <paramref name="kernelFor"/> applied to the bridge at t
    /// and run at beta 1, e.g. <c>m =&gt; HeatBathGibbs.BuildKernel(m, 1.0)</c>; each move first recomputes the
    /// cached energies for the new t (one evaluation).
    /// </summary>
    /// <param name="start">Model A (t = 0).</param>
    /// <param name="end">Model B (t = 1): same dimension and state convention as A.</param>
    /// <param name="beta">The inverse temperature of both, finite and &gt;= 0.</param>
    /// <param name="startDraws">M exact, independent draws of A at beta (states as rows), e.g.
    /// <c>(k, m) =&gt; ExactDraws.Discrete(k, m, a, beta)</c> unwrapped once the model is known to be small enough to draw from.</param>
    /// <param name="kernelFor">A kernel leaving exp(-E) invariant for the energy it is given (at beta 1).</param>
    /// <param name="evaluationsPerMove">Energy evaluations one kernel step costs per particle.</param>
    /// <returns>The path, or every problem found (<see cref="AnnealingErrors.InvalidPath"/>).</returns>
    public static Validation<Error, AnnealingPath<DiscreteChains>> Between<TInfo>(
        IDiscreteModel start, IDiscreteModel end, double beta, Func<RngKey, int, Mat> startDraws,
        Func<IDiscreteModel, KernelStep<DiscreteChains, TInfo>> kernelFor, int evaluationsPerMove = 1)
        where TInfo : IAcceptanceInfo
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(end);
        ArgumentNullException.ThrowIfNull(startDraws);
        ArgumentNullException.ThrowIfNull(kernelFor);
        var errors = NonNegativeBeta(beta);
        if (start.Dimension != end.Dimension)
            errors = errors.Add(AnnealingErrors.InvalidPath($"model A has {start.Dimension} units, model B {end.Dimension}"));
        if (start.States != end.States)
            errors = errors.Add(AnnealingErrors.InvalidPath($"model A has {start.States} units, model B {end.States}"));
        if (!errors.IsEmpty) return Fail<Error, AnnealingPath<DiscreteChains>>(errors);
        InterpolatedDiscreteEnergy At(double t) => new(start, end, beta, t);
        return Success<Error, AnnealingPath<DiscreteChains>>(new AnnealingPath<DiscreteChains>(
            $"geometric {start.Kind} to {end.Kind}",
            beta,
            0.0,
            (key, count) =>
            {
                var states = startDraws(key, count);
                return new DiscreteChains(states, At(0.0).Energies(states));
            },
            (t, s) => Scaled(At(t).Energies(s.States), -1.0),
            (_, s) => Difference(start.Energies(s.States), end.Energies(s.States), beta),
            t =>
            {
                var bridge = At(t);
                var step = kernelFor(bridge);
                return (key, s) =>
                {
                    var (next, info) = step(key, new DiscreteChains(s.States, bridge.Energies(s.States)));
                    return (next, (IAcceptanceInfo)info);
                };
            },
            s => s.Chains,
            Selections.Discrete,
            evaluationsPerMove + 1));
    }

    /// <summary>
    /// The geometric path between two continuous models at the same beta: f_t = exp(-(1 - t) beta E_A - t beta E_B)
    /// (an <see cref="InterpolatedEnergy"/> from beta E_A), with LogZ0 = 0, so AIS on it estimates log(Z_B / Z_A).
    /// The kernel at t is <paramref name="kernelFor"/> applied to the bridge at t and run at beta 1, e.g.
    /// <c>m =&gt; Hmc.Factory(m, parameters)(1.0)</c>; each move first recomputes cached energies and gradients.
    /// </summary>
    /// <param name="start">Model A (t = 0).</param>
    /// <param name="end">Model B (t = 1), of the same dimension.</param>
    /// <param name="beta">The inverse temperature of both, positive and finite.</param>
    /// <param name="startDraws">M exact, independent draws of A at beta (points as rows).</param>
    /// <param name="kernelFor">A kernel leaving exp(-E) invariant for the energy it is given (at beta 1).</param>
    /// <param name="evaluationsPerMove">Gradient evaluations one kernel step costs per particle (HMC: leapfrog steps).</param>
    /// <returns>The path, or every problem found (<see cref="AnnealingErrors.InvalidPath"/>).</returns>
    public static Validation<Error, AnnealingPath<ContinuousChains>> Between<TInfo>(
        IContinuousModel start, IContinuousModel end, double beta, Func<RngKey, int, Mat> startDraws,
        Func<IContinuousModel, KernelStep<ContinuousChains, TInfo>> kernelFor, int evaluationsPerMove = 1)
        where TInfo : IAcceptanceInfo
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(end);
        ArgumentNullException.ThrowIfNull(startDraws);
        ArgumentNullException.ThrowIfNull(kernelFor);
        var errors = PositiveBeta(beta);
        if (start.Dimension != end.Dimension)
            errors = errors.Add(AnnealingErrors.InvalidPath($"model A has dimension {start.Dimension}, model B {end.Dimension}"));
        if (!errors.IsEmpty) return Fail<Error, AnnealingPath<ContinuousChains>>(errors);
        var scaledStart = new ScaledEnergy(start, beta);
        InterpolatedEnergy At(double t) => new(scaledStart, end, beta, t);
        return Success<Error, AnnealingPath<ContinuousChains>>(new AnnealingPath<ContinuousChains>(
            $"geometric {start.Kind} to {end.Kind}",
            beta,
            0.0,
            (key, count) => ContinuousKernel.Init(At(0.0), startDraws(key, count), -1),
            (t, s) => Scaled(At(t).Energies(s.Positions), -1.0),
            (_, s) => Difference(start.Energies(s.Positions), end.Energies(s.Positions), beta),
            t =>
            {
                var bridge = At(t);
                var step = kernelFor(bridge);
                return (key, s) =>
                {
                    var (next, info) = step(key, ContinuousKernel.Init(bridge, s.Positions, -1));
                    return (next, (IAcceptanceInfo)info);
                };
            },
            s => s.Chains,
            Selections.Continuous,
            evaluationsPerMove + 1));
    }

    // d/dt log f_t = beta (E_A - E_B).
    private static Vec Difference(Vec startEnergies, Vec endEnergies, double beta) => Vec.Create(startEnergies.Length, d =>
    {
        for (var i = 0; i < d.Length; i++) d[i] = beta * (startEnergies[i] - endEnergies[i]);
    });

    /// <summary>factor E(x) of a continuous model.</summary>
    private sealed record ScaledEnergy(IContinuousModel Model, double Factor) : IContinuousModel
    {
        public string Kind => Model.Kind;

        public int Dimension => Model.Dimension;

        public double Energy(ReadOnlySpan<double> x) => Factor * Model.Energy(x);

        public Vec Energies(Mat xs) => Scaled(Model.Energies(xs), Factor);

        public void EnergyGradient(ReadOnlySpan<double> x, Span<double> gradient)
        {
            Model.EnergyGradient(x, gradient);
            for (var i = 0; i < gradient.Length; i++) gradient[i] *= Factor;
        }
    }
}
