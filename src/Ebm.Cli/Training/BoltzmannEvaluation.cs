using Ebm.Functional.Models;
using Ebm.Functional.Training;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Training;

/// <summary>
/// The evaluation of a Boltzmann machine: the exact average log-likelihood of the training and test data
/// (enumeration, so at most <see cref="Functional.Exact.Enumeration.MaxUnits"/> units) and their pseudo-log-likelihoods,
/// under the metric names of <see cref="EvaluationMetrics"/>.
/// </summary>
internal static class BoltzmannEvaluation
{
    /// <summary>The evaluator, for the family named <paramref name="family"/>.</summary>
    public static Evaluator<BoltzmannMachine> Exact(string family) =>
        new(family, (_, model, train, test, _) =>
            from trainLl in BoltzmannTraining.AverageLogLikelihood(model, train)
            from trainPll in BoltzmannTraining.PseudoLogLikelihood(model, train)
            from testMetrics in test.Match(
                Some: t =>
                    from ll in BoltzmannTraining.AverageLogLikelihood(model, t)
                    from pll in BoltzmannTraining.PseudoLogLikelihood(model, t)
                    select Seq(new Metric(EvaluationMetrics.TestLogLikelihood, ll), new Metric(EvaluationMetrics.TestPseudoLogLikelihood, pll)),
                None: () => FinSucc(Seq<Metric>()))
            select Seq(new Metric(EvaluationMetrics.TrainLogLikelihood, trainLl), new Metric(EvaluationMetrics.TrainPseudoLogLikelihood, trainPll)) + testMetrics);
}
