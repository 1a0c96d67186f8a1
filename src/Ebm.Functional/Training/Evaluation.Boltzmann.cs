using Ebm.Functional.Annealing;
using Ebm.Functional.Estimators;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

public static partial class Evaluation
{
    /// <summary>
    /// The evaluator of a <see cref="BoltzmannMachine"/> ({0,1} units or spins; <c>ebm train --model ising</c> trains one
    /// too): log Z exact by enumeration up to <see cref="EvaluationSettings.ExactMaxUnits"/> units, otherwise AIS on the
    /// tempered path from the uniform distribution with heat-bath Gibbs moves (with the sandwich where exact draws
    /// exist); the train and test log-likelihoods; the pseudo-log-likelihoods
    /// (<see cref="BoltzmannTraining.PseudoLogLikelihood"/>); the R-hat of the persistent chains.
    /// </summary>
    /// <remarks>
    /// The model has no hidden units, so its "free energy" is its energy: log p(x) = -E(x) - log Z. The chains for R-hat
    /// are the last matrix of the state's chains (the PCD chains, or a tempered ladder's target rung), one state per
    /// row; each row runs <see cref="EvaluationSettings.ChainSteps"/> random-scan heat-bath sweeps from a copy, and the
    /// R-hat of their energies is reported.
    /// </remarks>
    /// <param name="settings">The evaluation's settings; <see cref="EvaluationSettings.Default"/> when null.</param>
    public static Evaluator<BoltzmannMachine> ForBoltzmannMachine(EvaluationSettings? settings = null)
    {
        var chosen = settings ?? EvaluationSettings.Default;
        return new Evaluator<BoltzmannMachine>("boltzmann-machine", (key, model, train, test, chains) =>
            (from valid in chosen.Validate()
            from checkedData in CheckAll(
                CheckData(model.Kind, "training", train, model.Dimension, model.States),
                test.Map(t => CheckData(model.Kind, "test", t, model.Dimension, model.States)))
            from logZ in DiscreteLogPartition(key.FoldIn(0), model, valid)
            from trainPll in BoltzmannTraining.PseudoLogLikelihood(model, EvenlySpaced(train, valid.MaxPseudoLikelihoodExamples))
            from testPll in test.Map(t => BoltzmannTraining.PseudoLogLikelihood(model, EvenlySpaced(t, valid.MaxPseudoLikelihoodExamples)).Map(Some))
                .IfNone(FinSucc(Option<double>.None))
            from rHat in DiscreteChainRHat(key.FoldIn(1), model, chains, valid)
            select LikelihoodMetrics(logZ, Mean(model.Energies(train)), test.Map(t => Mean(model.Energies(t))))
                .Add(new Metric(EvaluationMetrics.TrainPseudoLogLikelihood, trainPll))
                .Concat(testPll.Map(p => new Metric(EvaluationMetrics.TestPseudoLogLikelihood, p)).ToSeq())
                .Concat(rHat.Map(r => new Metric(EvaluationMetrics.ChainRHat, r)).ToSeq())).Bind(AllFinite));
    }

    private static Fin<LogPartitionValue> DiscreteLogPartition(RngKey key, IDiscreteModel model, EvaluationSettings settings)
    {
        if (model.Dimension <= settings.ExactMaxUnits)
            return LogPartition.Exact(model, 1.0).Map(result => new LogPartitionValue(result.LogZ, 0.0, None));
        var particles = settings.AisParticles;
        var run =
            from path in Paths.Tempered(model, 1.0, b => HeatBathGibbs.BuildKernel(model, b))
            from schedule in AnnealingSchedule.Linear(settings.AisSteps)
            select (path, schedule);
        return ToFin(run).Bind(r => model.Dimension <= Math.Min(settings.SandwichMaxUnits, Enumeration.MaxTableUnits)
            ? ExactDraws.DiscreteChains(key.FoldIn(1), particles, model, 1.0)
                .Bind(exact => ToFin(Sandwich.Run(key.FoldIn(0), r.path, r.schedule, particles, exact)))
                .Bind(sandwich => FromEstimate(sandwich.Parts[0])
                    .Map(forward => forward with { Bounds = Some((sandwich.Parts[0].LogZ, sandwich.Parts[1].LogZ, sandwich.Parts[1].StandardError)) }))
            : ToFin(Ais.Run(key.FoldIn(0), r.path, r.schedule, particles)).Bind(FromEstimate));
    }

    private static Fin<Option<double>> DiscreteChainRHat(RngKey key, IDiscreteModel model, Seq<Mat> chains, EvaluationSettings settings)
    {
        if (chains.IsEmpty || chains.Last.Rows == 0) return FinSucc(Option<double>.None);
        var last = chains.Last;
        if (last.Columns != model.Dimension)
            return FinFail<Option<double>>(TrainingErrors.ChainsMismatch("evaluation", $"have {last.Columns} columns, the model {model.Dimension} units"));
        var sampler = HeatBathGibbs.Create(model, 1.0);
        var (_, trace) = Loop.Scan(key, sampler.Init(last), settings.ChainSteps, sampler.Step, (state, _) => state.Energies);
        return RHatOf(TraceMatrix(trace));
    }
}
