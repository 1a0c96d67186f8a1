using Ebm.Functional.Annealing;
using Ebm.Functional.Estimators;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

public static partial class Evaluation
{
    /// <summary>
    /// The evaluator of a <see cref="GaussianBernoulliRbm"/>: log Z exact by the hidden-layer sum (the Gaussian visible
    /// units integrated in closed form) up to <see cref="EvaluationSettings.ExactMaxUnits"/> hidden units, otherwise AIS on
    /// the coupling path (<see cref="Paths.GaussianBernoulliCoupling"/>, weights t W from independent units); the train
    /// and test log-likelihoods, here log densities of real vectors in nats; the reconstruction errors; the R-hat of the
    /// persistent chains.
    /// </summary>
    /// <remarks>
    /// The reconstruction is the mean-field pass v' = b + sigma (W p(h = 1 | v)), the conditional mean of v given the hidden
    /// probabilities, and the error (1 / (N nv)) sum (v - v')^2 is in the data's squared units. No sandwich: exact draws of
    /// a Gaussian-Bernoulli RBM are not implemented. No pseudo-log-likelihood: the visible units are continuous.
    /// </remarks>
    /// <param name="settings">The evaluation's settings; <see cref="EvaluationSettings.Default"/> when null.</param>
    public static Evaluator<GaussianBernoulliRbm> ForGaussianBernoulliRbm(EvaluationSettings? settings = null)
    {
        var chosen = settings ?? EvaluationSettings.Default;
        return new Evaluator<GaussianBernoulliRbm>("gaussian-bernoulli-rbm", (key, model, train, test, chains) =>
            (from valid in chosen.Validate()
            from checkedData in CheckAll(
                CheckFinite(model.Kind, "training", train, model.Visible),
                test.Map(t => CheckFinite(model.Kind, "test", t, model.Visible)))
            from logZ in GaussianBernoulliLogPartition(key.FoldIn(0), model, valid)
            from rHat in GaussianBernoulliChainRHat(key.FoldIn(1), model, chains, valid)
            select LikelihoodMetrics(logZ, Mean(model.FreeEnergies(train)), test.Map(t => Mean(model.FreeEnergies(t))))
                .Add(new Metric(EvaluationMetrics.TrainReconstructionError, ReconstructionError(model, train)))
                .Concat(test.Map(t => new Metric(EvaluationMetrics.TestReconstructionError, ReconstructionError(model, t))).ToSeq())
                .Concat(rHat.Map(r => new Metric(EvaluationMetrics.ChainRHat, r)).ToSeq())).Bind(AllFinite));
    }

    /// <summary>
    /// The mean-field reconstruction error of real data under a Gaussian-Bernoulli RBM: v' = b + sigma (W p(h = 1 | v)),
    /// and (1 / (N nv)) sum_n sum_i (v_ni - v'_ni)^2.
    /// </summary>
    /// <param name="model">The Gaussian-Bernoulli RBM.</param>
    /// <param name="data">N x nv examples, N at least 1.</param>
    /// <exception cref="ArgumentException">The data does not have nv columns or has no rows (the evaluator checks first).</exception>
    public static double ReconstructionError(GaussianBernoulliRbm model, Mat data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Rows == 0) throw new ArgumentException("the reconstruction error needs at least one example", nameof(data));
        var reconstruction = model.VisibleMeans(model.HiddenProbabilities(data, 1.0));
        return SquaredDistance(data, reconstruction) / ((double)data.Rows * data.Columns);
    }

    private static Fin<LogPartitionValue> GaussianBernoulliLogPartition(RngKey key, GaussianBernoulliRbm model, EvaluationSettings settings)
    {
        if (model.Hidden <= settings.ExactMaxUnits)
            return GaussianBernoulliRbmExact.Compute(model, 1.0).Map(result => new LogPartitionValue(result.LogZ, 0.0, None));
        var run =
            from path in Paths.GaussianBernoulliCoupling(model)
            from schedule in AnnealingSchedule.Linear(settings.AisSteps)
            from ais in Ais.Run(key, path, schedule, settings.AisParticles)
            select ais;
        return ToFin(run).Bind(FromEstimate);
    }

    private static Fin<Option<double>> GaussianBernoulliChainRHat(RngKey key, GaussianBernoulliRbm model, Seq<Mat> chains, EvaluationSettings settings)
    {
        if (chains.IsEmpty || chains.Last.Rows == 0) return FinSucc(Option<double>.None);
        var last = chains.Last;
        int nv = model.Visible, nh = model.Hidden;
        if (last.Columns != nv && last.Columns != nv + nh)
            return FinFail<Option<double>>(TrainingErrors.ChainsMismatch("evaluation", $"have {last.Columns} columns, the model {nv} (v) or {nv + nh} (v, h)"));
        var sampler = GaussianBernoulliBlockGibbs.Create(model, 1.0);
        var (_, trace) = Loop.Scan(key, sampler.Init(Joint(last, nv, nh)), settings.ChainSteps, sampler.Step, (state, _) => model.FreeEnergies(state.Visible));
        return RHatOf(TraceMatrix(trace));
    }
}
