using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Models;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>Tempered stochastic maximum likelihood for the Gaussian-Bernoulli RBM.</summary>
public static partial class GaussianBernoulliRbmTraining
{
    /// <summary>
    /// Stochastic maximum likelihood with a parallel-tempering negative phase (Desjardins et al. 2010; Cho, Raiko and
    /// Ilin 2010, "Parallel tempering is efficient for learning restricted Boltzmann machines"), exactly as
    /// <see cref="RbmTraining.Tempered"/> with <see cref="GaussianBernoulliBlockGibbs"/> at every rung: at inverse
    /// temperature beta the visible conditional is Normal(b_i + sigma_i (W h)_i, sigma_i^2 / beta), wider on hot rungs.
    /// </summary>
    /// <remarks>
    /// Chains: one C x (nv + nh) joint matrix per rung, hottest first, started as in
    /// <see cref="PersistentContrastiveDivergence"/> (rung r from the chain key folded with r). Metrics: <c>swap-rate-i</c>
    /// per adjacent pair and their mean <c>swap-rate</c>.
    /// </remarks>
    /// <param name="chains">Chains per rung, at least 1.</param>
    /// <param name="replicas">Rungs, at least 2.</param>
    /// <param name="minBeta">The hottest rung's inverse temperature, in (0, 1).</param>
    /// <param name="steps">Parallel-tempering steps per training step, at least 1.</param>
    /// <param name="learnSigma">Whether the gradient includes log sigma (it must match the trainer's <see cref="Parameters"/>).</param>
    public static Objective<GaussianBernoulliRbm> Tempered(int chains, int replicas, double minBeta = 0.1, int steps = 1, bool learnSigma = false) =>
        new(RbmTraining.TemperedName,
            (key, model) => TemperedChains.Ladder(RbmTraining.TemperedName, chains, replicas, minBeta, steps)
                .Map(_ => Range(0, replicas).Map(r => FreeEnergyPhases.GaussianStates(key.FoldIn(r), model, chains)).ToSeq()),
            (key, model, state, minibatch) =>
                from betas in TemperedChains.Ladder(RbmTraining.TemperedName, chains, replicas, minBeta, steps)
                from stored in TemperedChains.Check(RbmTraining.TemperedName, state, replicas, chains, model.Dimension)
                from batch in RbmBatchChecks.Real(model.Kind, model.Visible, minibatch)
                let run = TemperedChains.Run(
                    key, beta => GaussianBernoulliBlockGibbs.Create(model, beta).Step, joint => GaussianBernoulliBlockGibbs.Init(model, joint), betas, stored, steps)
                select new ObjectiveResult(Flatten(model, FreeEnergyPhases.Difference(model, batch, run.ColdVisible), learnSigma), run.Chains, TemperedChains.SwapMetrics(run.SwapRates)));
}
