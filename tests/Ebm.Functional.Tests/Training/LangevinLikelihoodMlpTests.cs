using Ebm.Functional.Training;
using static Ebm.Functional.Tests.Training.MlpLearningFixtures;

namespace Ebm.Functional.Tests.Training;

/// <summary>Maximum likelihood with persistent Langevin chains fits a small MLP energy to a 2-D Gaussian.</summary>
public sealed class LangevinLikelihoodMlpTests
{
    [Fact]
    public void A_small_mlp_learns_a_gaussian_with_a_replay_buffer()
    {
        // Buffer of 1000 started in the data's box widened by 10%, K = 20 steps of eps = 0.01 with noise sqrt(2 eps),
        // otherwise as ScoreMatchingMlpTests. The contrastive gap mean E(data) - mean E(samples) starts far below 0
        // (the samples sit where the untrained energy is high) and closes as the samples come to look like the data.
        var (train, test) = TrainAndTest();
        var start = Energy(train);
        var settings = new LangevinSettings(NoiseDistribution.FitBox(train).ThrowIfFail(), Steps: 20, StepSize: 0.01, BufferSize: 1000);
        var (model, first, last) = Train(MlpTraining.Parameters, LangevinLikelihood.Objective(MlpTraining.Derivatives, settings), start, train, 0.01, 100, 40);
        var (before, after, best) = (TestLogLikelihood(start, test), TestLogLikelihood(model, test), DataLogLikelihood(test));
        Assert.True(Math.Abs(last) < Math.Abs(first) / 2, $"contrastive gap {first} -> {last}");
        Assert.True(after > before + 1.0, $"test log-likelihood {before} -> {after}");
        Assert.True(after > best - Margin, $"test log-likelihood {after}, the data's own density {best}");
    }
}
