using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>CD-k and PCD for the Gaussian-Bernoulli RBM, on <see cref="GaussianBernoulliBlockGibbs"/>.</summary>
public static partial class GaussianBernoulliRbmTraining
{
    /// <summary>
    /// Contrastive divergence (Hinton 2002, "Training products of experts by minimizing contrastive divergence"): k
    /// block-Gibbs steps started at the minibatch give the negative phase, and the loss gradient estimate is
    /// &lt;dF/dtheta&gt;_data - &lt;dF/dtheta&gt;_samples (the hidden units summed out at the samples).
    /// </summary>
    /// <remarks>
    /// Gibbs step s uses the step key folded with s. Each step draws h from sigmoid(c + W^T (v / sigma)) and then
    /// v_i from Normal(b_i + sigma_i (W h)_i, sigma_i^2) (Hinton and Salakhutdinov 2006; Cho, Ilin and Raiko 2011).
    /// Biased for finite k; as k grows it tends to the likelihood gradient. No persistent chains.
    /// </remarks>
    /// <param name="k">Gibbs steps, at least 1.</param>
    /// <param name="learnSigma">Whether the gradient includes log sigma (it must match the trainer's <see cref="Parameters"/>).</param>
    public static Objective<GaussianBernoulliRbm> ContrastiveDivergence(int k = 1, bool learnSigma = false) =>
        new("cd", (_, _) => FinSucc(Seq<Mat>()), (key, model, _, minibatch) =>
            from steps in CheckSteps("contrastive divergence", k)
            from batch in RbmBatchChecks.Real(model.Kind, model.Visible, minibatch)
            let samples = Gibbs(key, model, JointWithZeroHidden(batch, model.Hidden), steps)
            select new ObjectiveResult(Flatten(model, FreeEnergyPhases.Difference(model, batch, samples.Visible), learnSigma), Seq<Mat>(), Seq<Metric>()));

    /// <summary>
    /// Persistent contrastive divergence, or stochastic maximum likelihood (Younes 1989; Tieleman 2008, "Training
    /// restricted Boltzmann machines using approximations to the likelihood gradient"): <paramref name="chains"/> chains
    /// kept from step to step, each step moved k block-Gibbs steps under the current model.
    /// </summary>
    /// <remarks>
    /// The state's chains are one C x (nv + nh) matrix of joint states (real visible units first, then hidden bits); they
    /// start with v_i from Normal(b_i, sigma_i^2) and h uniform on {0,1}. The gradient is as for
    /// <see cref="ContrastiveDivergence"/> with the chains' visible states as samples.
    /// </remarks>
    /// <param name="chains">Persistent chains, at least 1.</param>
    /// <param name="k">Gibbs steps per training step, at least 1.</param>
    /// <param name="learnSigma">Whether the gradient includes log sigma (it must match the trainer's <see cref="Parameters"/>).</param>
    public static Objective<GaussianBernoulliRbm> PersistentContrastiveDivergence(int chains, int k = 1, bool learnSigma = false) =>
        new("pcd",
            (key, model) => CheckChainCount("persistent contrastive divergence", chains).Map(c => Seq1(FreeEnergyPhases.GaussianStates(key, model, c))),
            (key, model, state, minibatch) =>
                from count in CheckChainCount("persistent contrastive divergence", chains)
                from steps in CheckSteps("persistent contrastive divergence", k)
                from stored in TemperedChains.Check("pcd", state, 1, count, model.Dimension)
                from batch in RbmBatchChecks.Real(model.Kind, model.Visible, minibatch)
                let moved = Gibbs(key, model, stored.Head, steps)
                select new ObjectiveResult(Flatten(model, FreeEnergyPhases.Difference(model, batch, moved.Visible), learnSigma), Seq1(moved.Joint()), Seq<Metric>()));

    /// <summary>k block-Gibbs steps at beta = 1 from joint states, step s with <c>key.FoldIn(s)</c>.</summary>
    private static RbmChains Gibbs(RngKey key, GaussianBernoulliRbm model, Mat joint, int steps)
    {
        var sampler = GaussianBernoulliBlockGibbs.Create(model, 1.0);
        var state = sampler.Init(joint);
        for (var s = 0; s < steps; s++) state = sampler.Step(key.FoldIn(s), state).State;
        return state;
    }

    /// <summary>The examples as joint states with zero hidden units (the first Gibbs step draws h from v and never reads the old h).</summary>
    private static Mat JointWithZeroHidden(Mat batch, int hidden) => Mat.Create(batch.Rows, batch.Columns + hidden, d =>
    {
        for (var r = 0; r < batch.Rows; r++) batch.Row(r).CopyTo(d.Slice(r * (batch.Columns + hidden), batch.Columns));
    });

    private static Fin<int> CheckSteps(string objective, int k) =>
        k >= 1 ? FinSucc(k) : FinFail<int>(TrainingErrors.InvalidSetting($"{objective} k", $"{k} Gibbs steps; needs at least 1"));

    private static Fin<int> CheckChainCount(string objective, int chains) =>
        chains >= 1 ? FinSucc(chains) : FinFail<int>(TrainingErrors.InvalidSetting($"{objective} chains", $"{chains} must be at least 1"));
}
