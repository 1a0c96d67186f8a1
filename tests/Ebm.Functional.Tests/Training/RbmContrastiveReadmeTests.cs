using Ebm.Functional.Data;
using Ebm.Functional.Datasets;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Training;

/// <summary>The README's CD/PCD example, verbatim: PCD-1 on bars-and-stripes 4 x 4, then the exact log-likelihood.</summary>
public class RbmContrastiveReadmeTests
{
    private static Fin<double> TrainedLogLikelihood(Mat data, BernoulliRbm start) =>
        Optimizers.Sgd(learningRate: 0.05).Match(
            Succ: sgd =>
            {
                var pcd = RbmTraining.PersistentContrastiveDivergence(chains: 100, k: 1);
                var trainer = new Trainer<BernoulliRbm>(RbmTraining.Parameters, pcd, sgd);
                return from initial in trainer.Init(RngKey.FromSeed(7), start)
                       from trained in trainer.Epochs(initial, data, batchSize: 30, epochs: 3000)
                       from logZ in RbmExact.LogPartitionFunction(trained.Model, 1.0)
                       select -trained.Model.FreeEnergies(data).Span.ToArray().Average() - logZ;
            },
            Fail: errors => FinFail<double>(Error.Many(errors)));

    /// <summary>
    /// The initial model (W ~ 0.01 N(0, 1), no biases) has an exact average log-likelihood of about -16 log 2 = -11.09, the
    /// best possible is -log 30 = -3.40; the example reaches -5.40 (74 % of that gain, as the README says); the test asks for 65 %.
    /// </summary>
    [Fact]
    public void The_readme_example_learns_bars_and_stripes()
    {
        var result = from data in BarsAndStripes.All(4)
                     from ll in TrainedLogLikelihood(data, ReferenceRbms.Random(16, 16))
                     select ll;
        var logLikelihood = result.Match(Succ: ll => ll, Fail: _ => double.NaN);
        var initial = RbmContrastiveTraining.AverageLogLikelihood(ReferenceRbms.Random(16, 16), RbmContrastiveTraining.BarsAndStripesData(4));
        var best = -Math.Log(30);
        Assert.Equal(-11.09, initial, 2);
        Assert.True((logLikelihood - initial) / (best - initial) >= 0.65, $"log-likelihood {logLikelihood} from {initial}");
    }
}
