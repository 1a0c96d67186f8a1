using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Mcmc.Tempering;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>
/// The negative phase of tempered stochastic maximum likelihood for both RBM families: the persistent chains, one
/// C x (nv + nh) matrix of joint states per rung (hottest first, beta = 1 last), advanced by parallel tempering over
/// block-Gibbs kernels (<see cref="ParallelTempering"/>) under the current model.
/// </summary>
internal static class TemperedChains
{
    /// <summary>The metric of the mean swap rate over all adjacent pairs; pair i's is <c>swap-rate-i</c>.</summary>
    public const string SwapRateMetric = "swap-rate";

    /// <summary>The geometric ladder minBeta .. 1 of <paramref name="replicas"/> rungs, after checking every setting.</summary>
    public static Fin<Arr<double>> Ladder(string objective, int chains, int replicas, double minBeta, int steps)
    {
        if (chains < 1) return FinFail<Arr<double>>(TrainingErrors.InvalidSetting($"{objective} chains", $"{chains} must be at least 1"));
        if (replicas < 2) return FinFail<Arr<double>>(TrainingErrors.InvalidSetting($"{objective} replicas", $"{replicas} must be at least 2 (one rung at beta = 1 and a hotter one)"));
        if (!(minBeta > 0 && minBeta < 1)) return FinFail<Arr<double>>(TrainingErrors.InvalidSetting($"{objective} minimum beta", $"{minBeta} must lie strictly between 0 and 1"));
        if (steps < 1) return FinFail<Arr<double>>(TrainingErrors.InvalidSetting($"{objective} steps", $"{steps} must be at least 1"));
        return Mcmc.Tempering.Ladder.Geometric(minBeta, 1.0, replicas);
    }

    /// <summary>Succeeds when there are <paramref name="rungs"/> chain matrices (1 for PCD) of <paramref name="chains"/> rows and <paramref name="width"/> columns.</summary>
    public static Fin<Seq<Mat>> Check(string objective, Seq<Mat> matrices, int rungs, int chains, int width)
    {
        if (matrices.Count != rungs) return FinFail<Seq<Mat>>(TrainingErrors.ChainsMismatch(objective, $"are {matrices.Count} matrices, expected {rungs} (one per rung)"));
        foreach (var m in matrices)
            if (m.Rows != chains || m.Columns != width)
                return FinFail<Seq<Mat>>(TrainingErrors.ChainsMismatch(objective, $"are {m.Rows} x {m.Columns}, expected {chains} x {width} (chains x joint units)"));
        return FinSucc(matrices);
    }

    /// <summary>
    /// <paramref name="steps"/> parallel-tempering steps from the stored chains (energies recomputed under the current
    /// model by <paramref name="init"/>), step s with <c>key.FoldIn(s)</c>: the chains after them, the visible states of
    /// the beta = 1 rung, and each pair's swap probability averaged over chains and steps.
    /// </summary>
    public static (Seq<Mat> Chains, Mat ColdVisible, double[] SwapRates) Run(
        RngKey key, Func<double, KernelStep<RbmChains, BlockGibbsInfo>> kernelAt, Func<Mat, RbmChains> init, Arr<double> betas, Seq<Mat> chains, int steps)
    {
        var sampler = ParallelTempering.Create(kernelAt, init, betas, s => s.Energies, ChainGathers.Rbm);
        var state = new TemperingState<RbmChains>(chains.Map(init), ReplicaTracking.Start(chains.Head.Rows, betas.Count));
        var rates = new double[betas.Count - 1];
        for (var s = 0; s < steps; s++)
        {
            var (next, info) = sampler.Step(key.FoldIn(s), state);
            var mean = info.MeanSwapRates;
            for (var p = 0; p < rates.Length; p++) rates[p] += mean[p] / steps;
            state = next;
        }

        return (state.Rungs.Map(r => r.Joint()), state.Coldest.Visible, rates);
    }

    /// <summary><c>swap-rate-i</c> for each adjacent pair (i, i + 1), then their mean as <see cref="SwapRateMetric"/>.</summary>
    public static Seq<Metric> SwapMetrics(double[] rates) =>
        rates.Select((rate, p) => new Metric($"{SwapRateMetric}-{p}", rate)).ToSeq().Add(new Metric(SwapRateMetric, rates.Average()));
}
