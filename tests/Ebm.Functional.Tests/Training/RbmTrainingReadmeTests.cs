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

/// <summary>The README's RBM objective examples, as written there, checked against the exact optimum -log 14 of bars-and-stripes 3 x 3.</summary>
public sealed class RbmTrainingReadmeTests
{
    private static readonly Fin<BernoulliRbm> Initial = BernoulliRbm.Create(
        Mat.Create(9, 8, d => { for (var k = 0; k < d.Length; k++) d[k] = 0.01 * RngKey.FromSeed(3).NormalAt(k); }),
        Vec.Zeros(9), Vec.Zeros(8)).Match(Succ: FinSucc, Fail: errors => FinFail<BernoulliRbm>(Error.Many(errors)));

    private static Fin<double> TrainedLogLikelihood(Objective<BernoulliRbm> objective, Fin<BernoulliRbm> initial) =>
        from model in initial
        from data in BarsAndStripes.All(3)
        from adam in Optimizers.Adam(0.05).Match(Succ: FinSucc, Fail: errors => FinFail<GradientTransformation>(Error.Many(errors)))
        let trainer = new Trainer<BernoulliRbm>(RbmTraining.Parameters, objective, adam)
        from start in trainer.Init(RngKey.FromSeed(11), model)
        from trained in trainer.Epochs(start, data, batchSize: 14, epochs: 1000)
        from logZ in RbmExact.LogPartitionFunction(trained.Model, 1.0)
        select -trained.Model.FreeEnergies(data).Span.ToArray().Average() - logZ;

    private static double Value(Fin<double> result) => result.Match(v => v, e => throw new Xunit.Sdk.XunitException(e.Message));

    public static TheoryData<string, double> Objectives => new()
    {
        { RbmTraining.ExactLikelihoodName, 0.99 },
        { RbmTraining.PseudolikelihoodName, 0.75 },
        { RbmTraining.RatioMatchingName, 0.90 },
        { RbmTraining.TemperedName, 0.90 },
    };

    [Theory]
    [MemberData(nameof(Objectives))]
    public void Each_readme_objective_reaches_its_stated_share_of_the_way_to_minus_log_14(string name, double share)
    {
        var objective = name switch
        {
            RbmTraining.ExactLikelihoodName => RbmTraining.ExactLikelihood(),
            RbmTraining.PseudolikelihoodName => RbmTraining.Pseudolikelihood(),
            RbmTraining.RatioMatchingName => RbmTraining.RatioMatching(),
            _ => RbmTraining.Tempered(chains: 50, replicas: 4, minBeta: 0.2, steps: 5),
        };
        // The initial model is within 1e-3 of uniform: -9 log 2 = -6.238. The README states the share of the distance
        // to the optimum -log 14 = -2.639 each objective covers; measured: exact -2.650 (0.997), ratio matching -2.869
        // (0.936), tempered -2.873 (0.935), pseudolikelihood -3.334 (0.807).
        var initial = -9 * Math.Log(2);
        var best = -Math.Log(14);
        var reached = Value(TrainedLogLikelihood(objective, Initial));
        Assert.True((reached - initial) / (best - initial) >= share && reached <= best, $"{name}: {reached}, share {(reached - initial) / (best - initial)}");
    }

    [Fact]
    public void The_pseudo_log_likelihood_example_gives_nine_log_one_half_for_the_zero_model()
    {
        var model = BernoulliRbm.Create(Mat.Zeros(9, 8), Vec.Zeros(9), Vec.Zeros(8)).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        Fin<double> pll =
            from data in BarsAndStripes.All(3)
            from value in RbmTraining.PseudoLogLikelihood(model, data)
            select value;
        Assert.Equal(9 * Math.Log(0.5), Value(pll), 12);
    }
}
