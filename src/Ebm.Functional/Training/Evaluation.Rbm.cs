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
    /// The evaluator of a <see cref="BernoulliRbm"/>: log Z (exact by the layer sum when the smaller layer has at most
    /// <see cref="EvaluationSettings.ExactMaxUnits"/> units, otherwise AIS on the base-rate path fitted to the training
    /// data, with the sandwich where the hidden layer is small enough for exact draws), the train and test
    /// log-likelihoods, the pseudo-log-likelihoods (<see cref="RbmTraining.PseudoLogLikelihood"/>), the reconstruction
    /// errors, and the R-hat of the persistent chains.
    /// </summary>
    /// <remarks>
    /// <para>AIS: the path of <see cref="Paths.RbmBaseRate"/> from the base-rate model of the training data (Salakhutdinov
    /// and Murray 2008, sec. 4.1: independent visible units whose biases are the smoothed log-odds of the data), a linear
    /// schedule of <see cref="EvaluationSettings.AisSteps"/> steps, <see cref="EvaluationSettings.AisParticles"/> particles.
    /// The sandwich (Grosse, Ghahramani and Adams 2015) adds reverse AIS from exact draws (<see cref="RbmExactDraws"/>):
    /// <c>log-z-lower</c> is the forward run, the one <c>log-z</c> reports, and <c>log-z-upper</c> the reverse one.</para>
    /// <para>R-hat: the last matrix of the chains (the persistent chains of PCD; the target rung, beta = 1, of a tempered
    /// ladder, whose betas increase) holds C rows of v or of (v, h); C block-Gibbs chains start from copies of them and
    /// run <see cref="EvaluationSettings.ChainSteps"/> steps, and the rank-normalised split R-hat (Vehtari et al. 2021) of
    /// their free energies F(v) is reported.</para>
    /// </remarks>
    /// <example><code>
    /// var evaluator = Evaluation.ForBernoulliRbm();
    /// Fin&lt;Seq&lt;Metric&gt;&gt; metrics = evaluator.Evaluate(TrainingKeys.Evaluation(root, 0), rbm, train, Some(test), Seq&lt;Mat&gt;());
    /// </code></example>
    /// <param name="settings">The evaluation's settings; <see cref="EvaluationSettings.Default"/> when null.</param>
    public static Evaluator<BernoulliRbm> ForBernoulliRbm(EvaluationSettings? settings = null)
    {
        var chosen = settings ?? EvaluationSettings.Default;
        return new Evaluator<BernoulliRbm>("bernoulli-rbm", (key, model, train, test, chains) =>
            (from valid in chosen.Validate()
            from checkedData in CheckAll(
                CheckData(model.Kind, "training", train, model.Visible, StateConvention.Binary),
                test.Map(t => CheckData(model.Kind, "test", t, model.Visible, StateConvention.Binary)))
            from logZ in RbmLogPartition(key.FoldIn(0), model, train, valid)
            from trainPll in RbmTraining.PseudoLogLikelihood(model, EvenlySpaced(train, valid.MaxPseudoLikelihoodExamples))
            from testPll in test.Map(t => RbmTraining.PseudoLogLikelihood(model, EvenlySpaced(t, valid.MaxPseudoLikelihoodExamples)).Map(Some))
                .IfNone(FinSucc(Option<double>.None))
            from rHat in RbmChainRHat(key.FoldIn(1), model, chains, valid)
            select LikelihoodMetrics(logZ, Mean(model.FreeEnergies(train)), test.Map(t => Mean(model.FreeEnergies(t))))
                .Add(new Metric(EvaluationMetrics.TrainPseudoLogLikelihood, trainPll))
                .Concat(testPll.Map(p => new Metric(EvaluationMetrics.TestPseudoLogLikelihood, p)).ToSeq())
                .Add(new Metric(EvaluationMetrics.TrainReconstructionError, ReconstructionError(model, train)))
                .Concat(test.Map(t => new Metric(EvaluationMetrics.TestReconstructionError, ReconstructionError(model, t))).ToSeq())
                .Concat(rHat.Map(r => new Metric(EvaluationMetrics.ChainRHat, r)).ToSeq())).Bind(AllFinite));
    }

    /// <summary>
    /// The mean-field reconstruction error of binary data: v' = p(v = 1 | h = p(h = 1 | v)), one up-down pass with
    /// probabilities in place of samples (Hinton 2010, "A practical guide to training restricted Boltzmann machines",
    /// sec. 5), and (1 / (N nv)) sum_n sum_i (v_ni - v'_ni)^2. It is cheap and tracks learning early on, but it is not
    /// the objective: a model can reconstruct well and still be a poor density (Hinton 2010, sec. 5).
    /// </summary>
    /// <param name="model">The RBM.</param>
    /// <param name="data">N x nv examples, N at least 1.</param>
    /// <exception cref="ArgumentException">The data does not have nv columns or has no rows (the evaluator checks first).</exception>
    public static double ReconstructionError(BernoulliRbm model, Mat data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Rows == 0) throw new ArgumentException("the reconstruction error needs at least one example", nameof(data));
        var reconstruction = model.VisibleProbabilities(model.HiddenProbabilities(data, 1.0), 1.0);
        return SquaredDistance(data, reconstruction) / ((double)data.Rows * data.Columns);
    }

    private static Fin<LogPartitionValue> RbmLogPartition(RngKey key, BernoulliRbm model, Mat train, EvaluationSettings settings)
    {
        if (Math.Min(model.Visible, model.Hidden) <= settings.ExactMaxUnits)
            return RbmExact.LogPartitionFunction(model, 1.0).Map(logZ => new LogPartitionValue(logZ, 0.0, None));
        var particles = settings.AisParticles;
        var run =
            from baseBias in BaseRate.VisibleBias(train, settings.BaseRateSmoothing)
            from path in Paths.RbmBaseRate(model, baseBias)
            from schedule in AnnealingSchedule.Linear(settings.AisSteps)
            select (path, schedule);
        return ToFin(run).Bind(r => model.Hidden <= Math.Min(settings.SandwichMaxUnits, RbmExactDraws.MaxHidden)
            ? RbmExactDraws.Sample(key.FoldIn(1), model, particles)
                .Bind(draws => ToFin(RbmAnnealingState.FromJoint(model, draws)))
                .Bind(exact => ToFin(Sandwich.Run(key.FoldIn(0), r.path, r.schedule, particles, exact)))
                .Bind(sandwich => FromEstimate(sandwich.Parts[0])
                    .Map(forward => forward with { Bounds = Some((sandwich.Parts[0].LogZ, sandwich.Parts[1].LogZ, sandwich.Parts[1].StandardError)) }))
            : ToFin(Ais.Run(key.FoldIn(0), r.path, r.schedule, particles)).Bind(FromEstimate));
    }

    private static Fin<Option<double>> RbmChainRHat(RngKey key, BernoulliRbm model, Seq<Mat> chains, EvaluationSettings settings)
    {
        if (chains.IsEmpty || chains.Last.Rows == 0) return FinSucc(Option<double>.None);
        var last = chains.Last;
        int nv = model.Visible, nh = model.Hidden;
        if (last.Columns != nv && last.Columns != nv + nh)
            return FinFail<Option<double>>(TrainingErrors.ChainsMismatch("evaluation", $"have {last.Columns} columns, the model {nv} (v) or {nv + nh} (v, h)"));
        var sampler = RbmBlockGibbs.Create(model, 1.0);
        var (_, trace) = Loop.Scan(key, sampler.Init(Joint(last, nv, nh)), settings.ChainSteps, sampler.Step, (state, _) => model.FreeEnergies(state.Visible));
        return RHatOf(TraceMatrix(trace));
    }

    /// <summary>Chains of (v, h) rows as they are, or chains of v rows with h = 0: a block-Gibbs step draws h from v alone.</summary>
    private static Mat Joint(Mat chains, int nv, int nh) =>
        chains.Columns == nv + nh ? chains : Mat.Create(chains.Rows, nv + nh, d =>
        {
            for (var r = 0; r < chains.Rows; r++) chains.Row(r).CopyTo(d.Slice(r * (nv + nh), nv));
        });

    private static double SquaredDistance(Mat a, Mat b)
    {
        ReadOnlySpan<double> x = a.Span, y = b.Span;
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var d = x[i] - y[i];
            sum += d * d;
        }

        return sum;
    }
}
