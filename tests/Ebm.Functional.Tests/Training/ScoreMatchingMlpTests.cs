using Ebm.Functional.Training;
using LanguageExt;
using static Ebm.Functional.Tests.Training.MlpLearningFixtures;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Training;

/// <summary>
/// A 2 x 32 softplus MLP energy learns a correlated 2-D Gaussian by each score-matching objective: the loss falls and the
/// exact test log-likelihood (Z by quadrature) rises to within <see cref="MlpLearningFixtures.Margin"/> of the data's own.
/// </summary>
public sealed class ScoreMatchingMlpTests
{
    [Theory]
    [InlineData("sm")]
    [InlineData("ssm")]
    [InlineData("dsm")]
    public void A_small_mlp_learns_a_gaussian(string name)
    {
        // 1000 training points, batches of 100, 40 epochs of Adam at lr 0.01 cosine-decayed; 2000 test points.
        var (train, test) = TrainAndTest();
        var start = Energy(train);
        var objective = name switch
        {
            "sm" => ScoreMatching.Exact(MlpTraining.Derivatives),
            "ssm" => ScoreMatching.Sliced(MlpTraining.Derivatives, 1, SliceDistribution.Rademacher, varianceReduced: true),
            _ => ScoreMatching.Denoising(MlpTraining.Derivatives, Seq1(0.1)),
        };
        var (model, first, last) = Train(MlpTraining.Parameters, objective, start, train, 0.01, 100, 40);
        var (before, after, best) = (TestLogLikelihood(start, test), TestLogLikelihood(model, test), DataLogLikelihood(test));
        Assert.True(last < first, $"loss {first} -> {last}");
        Assert.True(after > before + 1.0, $"test log-likelihood {before} -> {after}");
        Assert.True(after > best - Margin, $"test log-likelihood {after}, the data's own density {best}");
    }
}
