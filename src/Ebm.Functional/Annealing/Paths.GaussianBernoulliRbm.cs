using static LanguageExt.Prelude;
using LanguageExt.Common;
using LanguageExt;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Annealing;

/// <summary>Annealing paths for Gaussian-Bernoulli RBMs.</summary>
public static partial class Paths
{
    /// <summary>
    /// The coupling path of a Gaussian-Bernoulli RBM on the joint state (v, h): f_t = exp(-beta E_t) with E_t the energy
    /// of the same RBM with weights t W, from independent units at t = 0 (v_i ~ N(b_i, sigma_i^2 / beta),
    /// h_j ~ Bern(sigmoid(beta c_j)), log Z_0 = sum_i (1/2) log(2 pi sigma_i^2 / beta) + sum_j softplus(beta c_j)) to
    /// p_beta at t = 1. Every intermediate is again a Gaussian-Bernoulli RBM, so the move at t is one block-Gibbs step
    /// of it (<see cref="GaussianBernoulliBlockGibbs"/>).
    /// </summary>
    /// <remarks>
    /// <para>With E(v, h) = sum_i (v_i - b_i)^2 / (2 sigma_i^2) - sum_ij (v_i / sigma_i) W_ij h_j - c.h, the energy is
    /// affine in t: E_t = E_0 + t (E_1 - E_0), so log f_t and d/dt log f_t = -beta (E_1 - E_0) follow from E_0 and E_1
    /// of each particle. Block Gibbs on the joint state is stationary, not reversible: linked importance sampling does
    /// not apply to this path.</para>
    /// <example><code>
    /// var estimate = from path in Paths.GaussianBernoulliCoupling(model, beta: 1.0)
    ///                from schedule in AnnealingSchedule.Linear(1000)
    ///                from ais in Ais.Run(RngKey.FromSeed(7), path, schedule, particles: 100)
    ///                select ais;
    /// </code></example>
    /// </remarks>
    /// <param name="model">The Gaussian-Bernoulli RBM.</param>
    /// <param name="beta">The target inverse temperature, finite and &gt; 0 (the visible units' variance is sigma^2 / beta).</param>
    /// <returns>The path, or <see cref="AnnealingErrors.InvalidPath"/> when <paramref name="beta"/> is not finite and positive.</returns>
    public static Validation<Error, AnnealingPath<RbmChains>> GaussianBernoulliCoupling(GaussianBernoulliRbm model, double beta = 1.0)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!PositiveBeta(beta).IsEmpty) return Fail<Error, AnnealingPath<RbmChains>>(PositiveBeta(beta));
        var logZ0 = 0.0;
        for (var i = 0; i < model.Visible; i++) logZ0 += 0.5 * Math.Log(2 * Math.PI * model.Sigma[i] * model.Sigma[i] / beta);
        for (var j = 0; j < model.Hidden; j++) logZ0 += LogSpace.Softplus(beta * model.HiddenBias[j]);
        return Success<Error, AnnealingPath<RbmChains>>(new AnnealingPath<RbmChains>(
            $"coupling {model.Kind}",
            beta,
            logZ0,
            (key, particles) => SampleUncoupled(model, beta, key, particles),
            (t, s) => Vec.Create(s.Chains, d =>
            {
                var (uncoupled, coupled) = (UncoupledEnergies(model, s), model.Energies(s.Joint()));
                for (var r = 0; r < d.Length; r++) d[r] = -beta * (uncoupled[r] + t * (coupled[r] - uncoupled[r]));
            }),
            (_, s) => Vec.Create(s.Chains, d =>
            {
                var (uncoupled, coupled) = (UncoupledEnergies(model, s), model.Energies(s.Joint()));
                for (var r = 0; r < d.Length; r++) d[r] = -beta * (coupled[r] - uncoupled[r]);
            }),
            t => Kernels.MapInfo(GaussianBernoulliBlockGibbs.Create(WithCoupling(model, t), beta).Step, info => (IAcceptanceInfo)info),
            s => s.Chains,
            (s, indices) => new RbmChains(Selections.Rows(s.Visible, indices), Selections.Rows(s.Hidden, indices), Selections.Entries(s.Energies, indices))));
    }

    /// <summary>The RBM with weights t W.</summary>
    /// <remarks>The exception below guards an internal invariant, not user input: t W of a valid model is valid for t in [0, 1].</remarks>
    private static GaussianBernoulliRbm WithCoupling(GaussianBernoulliRbm model, double t) =>
        GaussianBernoulliRbm.Create(Mat.Create(model.Visible, model.Hidden, w =>
            {
                var weights = model.Weights.Span;
                for (var k = 0; k < w.Length; k++) w[k] = t * weights[k];
            }), model.VisibleBias, model.HiddenBias, model.Sigma)
            .Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    /// <summary>E_0 of every particle: sum_i (v_i - b_i)^2 / (2 sigma_i^2) - c.h.</summary>
    private static Vec UncoupledEnergies(GaussianBernoulliRbm model, RbmChains s) => Vec.Create(s.Chains, d =>
    {
        for (var r = 0; r < d.Length; r++)
        {
            var visible = s.Visible.Row(r);
            var hidden = s.Hidden.Row(r);
            var energy = 0.0;
            for (var i = 0; i < visible.Length; i++)
            {
                var standardised = (visible[i] - model.VisibleBias[i]) / model.Sigma[i];
                energy += 0.5 * standardised * standardised;
            }

            for (var j = 0; j < hidden.Length; j++) energy -= model.HiddenBias[j] * hidden[j];
            d[r] = energy;
        }
    });

    /// <summary>Exact draws of f_0: v from the key's left child, h from its right; the state caches E_1.</summary>
    private static RbmChains SampleUncoupled(GaussianBernoulliRbm model, double beta, RngKey key, int particles)
    {
        var (visibleKey, hiddenKey) = key.Split();
        var visible = Mat.Create(particles, model.Visible, d =>
        {
            visibleKey.Normal(d);
            for (var k = 0; k < d.Length; k++)
            {
                var i = k % model.Visible;
                d[k] = model.VisibleBias[i] + model.Sigma[i] / Math.Sqrt(beta) * d[k];
            }
        });
        var hidden = Mat.Create(particles, model.Hidden, d =>
        {
            for (var k = 0; k < d.Length; k++)
                d[k] = hiddenKey.UniformAt(k) < LogSpace.Sigmoid(beta * model.HiddenBias[k % model.Hidden]) ? 1.0 : 0.0;
        });
        var joint = new RbmChains(visible, hidden, Vec.Zeros(particles));
        return joint with { Energies = model.Energies(joint.Joint()) };
    }
}
