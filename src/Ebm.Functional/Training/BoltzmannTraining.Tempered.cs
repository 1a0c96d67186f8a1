using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Mcmc.Tempering;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>Tempered stochastic maximum likelihood for Boltzmann machines.</summary>
public static partial class BoltzmannTraining
{
    /// <summary>The name of the metric holding the mean swap rate over all adjacent pairs; pair i's is this name, a hyphen and i.</summary>
    public const string SwapRateMetric = "swap-rate";

    /// <summary>
    /// Tempered SML (Desjardins, Courville, Bengio, Vincent and Delalleau 2010): the persistent negative phase is a
    /// parallel-tempering sampler (<see cref="ParallelTempering"/> over <see cref="DiscreteChains"/>, one systematic
    /// heat-bath sweep per rung and step, then even and odd swap sweeps) on the geometric ladder from
    /// <paramref name="minBeta"/> to 1 (<see cref="Ladder.Geometric"/>); the model term of the gradient is the mean of
    /// dE/dtheta over the beta = 1 rung. Hot rungs cross the energy barriers that trap plain PCD chains when the
    /// model grows sharp modes.
    /// </summary>
    /// <remarks>
    /// The chains are one matrix per rung (rung 0 the hottest), each chains x n, started uniform. Replica labels are
    /// not kept between steps (round trips are not reported); the configurations are. Metrics: "swap-rate-i", the
    /// mean swap acceptance probability between rungs i and i+1 over the chains, and <see cref="SwapRateMetric"/>, their
    /// mean.
    /// </remarks>
    /// <param name="chains">Chains per rung, at least 1.</param>
    /// <param name="replicas">Rungs of the ladder, at least 2.</param>
    /// <param name="minBeta">The hottest rung's beta, in (0, 1).</param>
    public static Objective<BoltzmannMachine> Tempered(int chains, int replicas, double minBeta = 0.1) =>
        new(
            "tempered",
            (key, model) =>
                from ladder in TemperedLadder(chains, replicas, minBeta)
                select Range(0, replicas).Map(r => ExactDraws.Uniform(key.FoldIn(r), chains, model.Dimension, model.States)).ToSeq(),
            (key, model, persistent, batch) =>
                from ladder in TemperedLadder(chains, replicas, minBeta)
                from data in CheckData(Family, model.Dimension, model.States, batch)
                from rungs in CheckChains("tempered", model, persistent, replicas, chains)
                let sampler = ParallelTempering.Create(b => HeatBathGibbs.BuildKernel(model, b, ScanOrder.Systematic), model, ladder)
                let start = new TemperingState<DiscreteChains>(rungs.Map(m => new DiscreteChains(m, model.Energies(m))), ReplicaTracking.Start(chains, replicas))
                let step = sampler.Step(key, start)
                let cold = step.State.Coldest.States
                select new ObjectiveResult(
                    PhaseDifference(model.MeanEnergyGradient(data), model.MeanEnergyGradient(cold)),
                    step.State.Rungs.Map(r => r.States),
                    SwapMetrics(step.Info.MeanSwapRates)));

    private static Fin<Arr<double>> TemperedLadder(int chains, int replicas, double minBeta) =>
        from count in CheckPositive("chains", chains)
        from rungs in replicas >= 2 ? FinSucc(replicas) : FinFail<int>(TrainingErrors.InvalidSetting("replicas", $"{replicas} must be at least 2"))
        from hottest in minBeta > 0 && minBeta < 1 ? FinSucc(minBeta) : FinFail<double>(TrainingErrors.InvalidSetting("min beta", $"{minBeta} must be in (0, 1)"))
        from ladder in Ladder.Geometric(hottest, 1.0, rungs)
        select ladder;

    private static Seq<Metric> SwapMetrics(Vec rates)
    {
        var pairs = Range(0, rates.Length).Map(i => new Metric($"{SwapRateMetric}-{i}", rates[i])).ToSeq();
        var mean = rates.Length == 0 ? 0.0 : pairs.Sum(m => m.Value) / rates.Length;
        return pairs.Add(new Metric(SwapRateMetric, mean));
    }
}
