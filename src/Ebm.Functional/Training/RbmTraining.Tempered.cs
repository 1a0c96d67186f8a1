using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>Tempered stochastic maximum likelihood (Desjardins et al. 2010) for the Bernoulli RBM.</summary>
public static partial class RbmTraining
{
    /// <summary>The name of the tempered objective (<c>ebm train --objective tempered</c>).</summary>
    public const string TemperedName = "tempered";

    /// <summary>
    /// Stochastic maximum likelihood with a parallel-tempering negative phase (Desjardins, Courville, Bengio, Vincent and
    /// Delalleau 2010, AISTATS, PMLR 9:145-152): <paramref name="chains"/>
    /// persistent chains at each of <paramref name="replicas"/> inverse temperatures, geometric from
    /// <paramref name="minBeta"/> to 1; each step runs <paramref name="steps"/> parallel-tempering steps (block Gibbs at
    /// every rung, then even and odd swap sweeps) under the current model and takes the negative phase from the beta = 1
    /// rung.
    /// </summary>
    /// <remarks>
    /// The loss gradient is &lt;dF/dtheta&gt;_data - &lt;dF/dtheta&gt;_chains, the second over the visible states of the
    /// beta = 1 rung (the free-energy gradient sums the hidden units out, the Rao-Blackwellised form of
    /// &lt;dE/dtheta&gt;_model). The state's chains are one C x (nv + nh) matrix of joint states (visible units first)
    /// per rung, hottest first; they start uniform on {0,1}, rung r from the chain key folded with r. Hot rungs mix
    /// across the modes that trap plain PCD chains once the weights grow, and swaps carry those states down to beta = 1.
    /// Metrics: <c>swap-rate-i</c>, the swap acceptance probability of rungs (i, i + 1) averaged over chains and steps,
    /// and <c>swap-rate</c>, their mean; a rate near 0 says the ladder needs more rungs.
    /// </remarks>
    /// <param name="chains">Chains per rung, at least 1.</param>
    /// <param name="replicas">Rungs, at least 2.</param>
    /// <param name="minBeta">The hottest rung's inverse temperature, in (0, 1).</param>
    /// <param name="steps">Parallel-tempering steps per training step, at least 1.</param>
    public static Objective<BernoulliRbm> Tempered(int chains, int replicas, double minBeta = 0.1, int steps = 1) =>
        new(TemperedName,
            (key, model) => TemperedChains.Ladder(TemperedName, chains, replicas, minBeta, steps)
                .Map(_ => Range(0, replicas).Map(r => FreeEnergyPhases.UniformStates(key.FoldIn(r), chains, model.Dimension)).ToSeq()),
            (key, model, state, minibatch) => TemperedStep(key, model, state, minibatch, chains, replicas, minBeta, steps));

    private static Fin<ObjectiveResult> TemperedStep(
        RngKey key, BernoulliRbm model, Seq<Mat> state, Mat minibatch, int chains, int replicas, double minBeta, int steps) =>
        from betas in TemperedChains.Ladder(TemperedName, chains, replicas, minBeta, steps)
        from stored in TemperedChains.Check(TemperedName, state, replicas, chains, model.Dimension)
        from batch in RbmBatchChecks.Binary(model.Kind, model.Visible, minibatch)
        let run = TemperedChains.Run(key, beta => RbmBlockGibbs.Create(model, beta).Step, joint => RbmBlockGibbs.Init(model, joint), betas, stored, steps)
        select new ObjectiveResult(FreeEnergyPhases.Difference(model, batch, run.ColdVisible), run.Chains, TemperedChains.SwapMetrics(run.SwapRates));
}
