using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Training;

/// <summary>The evaluation reads the chains the objectives keep: the PCD matrix, and the target rung of a tempered ladder.</summary>
public sealed class EvaluationChainsTests
{
    private static T Valid<T>(Fin<T> result) => result.Match(v => v, e => throw new Xunit.Sdk.XunitException(e.Message));

    private static TrainState<BernoulliRbm> Trained(Objective<BernoulliRbm> objective, Mat data)
    {
        var start = BernoulliRbm.Create(
            Mat.Create(9, 6, d => { for (var k = 0; k < d.Length; k++) d[k] = 0.1 * RngKey.FromSeed(1).NormalAt(k); }), Vec.Zeros(9), Vec.Zeros(6))
            .Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var sgd = Optimizers.Sgd(0.1).Match(o => o, e => throw new InvalidOperationException(e.Head.Message));
        var trainer = new Trainer<BernoulliRbm>(RbmTraining.Parameters, objective, sgd);
        return Valid(trainer.Init(RngKey.FromSeed(2), start).Bind(s => trainer.Epochs(s, data, 7, 20)));
    }

    [Theory]
    [InlineData("pcd")]
    [InlineData("tempered")]
    public void The_chains_of_pcd_and_tempered_training_give_an_r_hat(string objective)
    {
        var data = EvaluationTrainedRbms.BarsAndStripesData(3);
        var state = Trained(objective == "pcd" ? RbmTraining.PersistentContrastiveDivergence(chains: 8) : RbmTraining.Tempered(chains: 8, replicas: 3), data);

        var metrics = Valid(Evaluation.ForBernoulliRbm().Evaluate(TrainingKeys.Evaluation(state.Key, 0), state.Model, data, None, state.Chains));

        var rHat = metrics.Find(m => m.Name == EvaluationMetrics.ChainRHat).Map(m => m.Value).IfNone(double.NaN);
        Assert.True(rHat >= 0.9 && double.IsFinite(rHat), $"chain R-hat {rHat}");
        Assert.Equal(metrics, Valid(Evaluation.ForBernoulliRbm().Evaluate(TrainingKeys.Evaluation(state.Key, 0), state.Model, data, None, state.Chains)));
    }

    [Fact]
    public void The_last_matrix_is_the_one_read()
    {
        var data = EvaluationTrainedRbms.BarsAndStripesData(3);
        var model = Trained(RbmTraining.PersistentContrastiveDivergence(chains: 8), data).Model;
        var (hot, target) = (Mat.Zeros(8, 5), Mat.Zeros(8, 9));

        Assert.True(Evaluation.ForBernoulliRbm().Evaluate(RngKey.FromSeed(3), model, data, None, Seq(hot, target)).IsSucc);
        Assert.Equal(TrainingErrors.ChainsMismatchCode, Evaluation.ForBernoulliRbm().Evaluate(RngKey.FromSeed(3), model, data, None, Seq(target, hot)).Match(_ => 0, e => e.Code));
    }
}
