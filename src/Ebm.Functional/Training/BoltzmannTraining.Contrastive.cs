using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>CD-k and PCD for Boltzmann machines, on the heat-bath Gibbs kernel.</summary>
public static partial class BoltzmannTraining
{
    /// <summary>The name of CD-k's metric: the mean squared difference between the minibatch and its k-sweep reconstruction.</summary>
    public const string ReconstructionErrorMetric = "reconstruction-error";

    /// <summary>
    /// Contrastive divergence CD-k (Hinton 2002): the model term of the gradient is the mean of dE/dtheta over the
    /// minibatch's rows after k systematic heat-bath Gibbs sweeps started from them (<see cref="HeatBathGibbs"/>,
    /// sweep s with <c>key.FoldIn(s)</c>, chain r with its <c>FoldIn(r)</c>).
    /// </summary>
    /// <remarks>
    /// A biased estimate of the likelihood gradient for small k, cheap and low-variance; the bias vanishes as k grows
    /// (the sweeps then forget the data). Metric: <see cref="ReconstructionErrorMetric"/>, the mean over units and
    /// examples of (x - x_k)^2 (for spins, 4 times the fraction of units that changed).
    /// </remarks>
    /// <param name="k">Gibbs sweeps per step, at least 1.</param>
    public static Objective<BoltzmannMachine> ContrastiveDivergence(int k = 1) =>
        new(
            "cd",
            (_, _) => FinSucc(Seq<Mat>()),
            (key, model, _, batch) =>
                from sweeps in CheckPositive("k", k)
                from data in CheckData(Family, model.Dimension, model.States, batch)
                let reconstructed = Sweeps(key, model, data, sweeps)
                select new ObjectiveResult(
                    PhaseDifference(model.MeanEnergyGradient(data), model.MeanEnergyGradient(reconstructed)),
                    Seq<Mat>(),
                    Seq1(new Metric(ReconstructionErrorMetric, MeanSquaredDifference(data, reconstructed)))));

    /// <summary>
    /// Persistent contrastive divergence, or stochastic maximum likelihood (Younes 1989; Tieleman 2008): the model term
    /// is the mean of dE/dtheta over <paramref name="chains"/> persistent chains, each moved by k systematic heat-bath
    /// sweeps per step and never restarted from the data, so for small learning rates they track the model as it moves.
    /// </summary>
    /// <remarks>
    /// The chains are one matrix (chains x n), started uniform over the state space (<see cref="ExactDraws.Uniform"/>
    /// from the start key); sweep s of a step uses <c>key.FoldIn(s)</c>. A chains matrix of another shape or with values
    /// outside the convention is refused with <see cref="TrainingErrors.ChainsMismatch"/>.
    /// </remarks>
    /// <param name="chains">Persistent chains, at least 1.</param>
    /// <param name="k">Gibbs sweeps per step, at least 1.</param>
    public static Objective<BoltzmannMachine> PersistentContrastiveDivergence(int chains, int k = 1) =>
        new(
            "pcd",
            (key, model) => CheckPositive("chains", chains).Map(count => Seq1(ExactDraws.Uniform(key, count, model.Dimension, model.States))),
            (key, model, persistent, batch) =>
                from count in CheckPositive("chains", chains)
                from sweeps in CheckPositive("k", k)
                from data in CheckData(Family, model.Dimension, model.States, batch)
                from start in CheckChains("pcd", model, persistent, 1, count)
                let moved = Sweeps(key, model, start.Head, sweeps)
                select new ObjectiveResult(
                    PhaseDifference(model.MeanEnergyGradient(data), model.MeanEnergyGradient(moved)),
                    Seq1(moved),
                    Seq<Metric>()));

    /// <summary>k systematic heat-bath sweeps of every row of <paramref name="states"/> at beta = 1.</summary>
    internal static Mat Sweeps(RngKey key, IDiscreteModel model, Mat states, int sweeps)
    {
        var kernel = HeatBathGibbs.BuildKernel(model, 1.0, ScanOrder.Systematic);
        var chains = new DiscreteChains(states, model.Energies(states));
        for (var s = 0; s < sweeps; s++) chains = kernel(key.FoldIn(s), chains).State;
        return chains.States;
    }

    internal static Fin<int> CheckPositive(string name, int value) =>
        value >= 1 ? FinSucc(value) : FinFail<int>(TrainingErrors.InvalidSetting(name, $"{value} must be at least 1"));

    /// <summary>Succeeds with the chains when there are <paramref name="matrices"/> of <paramref name="rows"/> valid states each.</summary>
    internal static Fin<Seq<Mat>> CheckChains(string objective, IDiscreteModel model, Seq<Mat> chains, int matrices, int rows)
    {
        if (chains.Count != matrices) return FinFail<Seq<Mat>>(TrainingErrors.ChainsMismatch(objective, $"are {chains.Count} matrices, expected {matrices}"));
        foreach (var m in chains)
        {
            if (m.Rows != rows || m.Columns != model.Dimension)
                return FinFail<Seq<Mat>>(TrainingErrors.ChainsMismatch(objective, $"are {m.Rows} x {m.Columns}, expected {rows} x {model.Dimension}"));
            var low = Low(model.States);
            foreach (var value in m.Span)
                if (value != low && value != 1.0)
                    return FinFail<Seq<Mat>>(TrainingErrors.ChainsMismatch(objective, $"hold {value}, outside {Support(model.States)}"));
        }

        return FinSucc(chains);
    }

    private static double MeanSquaredDifference(Mat first, Mat second)
    {
        var sum = 0.0;
        for (var k = 0; k < first.Span.Length; k++)
        {
            var gap = first.Span[k] - second.Span[k];
            sum += gap * gap;
        }

        return sum / first.Span.Length;
    }
}
