using Ebm.Functional.Datasets;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Training;

/// <summary>The README's evaluation example, as written there, on a 16 x 8 RBM started from small weights.</summary>
public sealed class EvaluationReadmeTests
{
    [Fact]
    public void The_readme_example_trains_and_evaluates_a_bars_and_stripes_rbm()
    {
        var initial = BernoulliRbm.Create(
            Mat.Create(16, 8, d => { for (var k = 0; k < d.Length; k++) d[k] = 0.1 * RngKey.FromSeed(3).NormalAt(k); }),
            Vec.Zeros(16), Vec.Zeros(8)).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

        Fin<Seq<Metric>> metrics =
            from data in BarsAndStripes.All(4)
            from optimizer in Optimizers.Adam(0.05).Match(Succ: FinSucc, Fail: errors => FinFail<GradientTransformation>(Error.Many(errors)))
            let trainer = new Trainer<BernoulliRbm>(RbmTraining.Parameters, RbmTraining.ExactLikelihood(), optimizer)
            from start in trainer.Init(RngKey.FromSeed(7), initial)
            from trained in trainer.Epochs(start, data, batchSize: 30, epochs: 300)
            from evaluated in Evaluation.ForBernoulliRbm().Evaluate(
                TrainingKeys.Evaluation(trained.Key, 0), trained.Model, data, None, trained.Chains)
            select evaluated;

        var values = metrics.Match(m => m, e => throw new Xunit.Sdk.XunitException(e.Message));
        // Exact ML from near-zero weights: far above the uniform model's -16 log 2 = -11.09, below the best -log 30 = -3.40.
        Assert.InRange(values.Find(m => m.Name == EvaluationMetrics.TrainLogLikelihood).Map(m => m.Value).IfNone(double.NaN), -6.0, -Math.Log(30));
        Assert.Equal(0.0, values.Find(m => m.Name == EvaluationMetrics.TrainLogLikelihoodStandardError).Map(m => m.Value).IfNone(double.NaN));
    }
}
