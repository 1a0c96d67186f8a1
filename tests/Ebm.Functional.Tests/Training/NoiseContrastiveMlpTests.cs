using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Training;
using static Ebm.Functional.Tests.Training.MlpLearningFixtures;

namespace Ebm.Functional.Tests.Training;

/// <summary>NCE fits a small MLP energy and its log Z: the learned log Z agrees with the quadrature log Z of the learned energy.</summary>
public sealed class NoiseContrastiveMlpTests
{
    [Fact]
    public void A_small_mlp_learns_a_gaussian_and_its_log_z()
    {
        // nu = 4 noise rows per example from the Gaussian fitted to the training data, otherwise as ScoreMatchingMlpTests.
        // The learned log Z estimates the true one with SE about sqrt(1 + 1/nu) sqrt(d / (2 n)) = 0.035 (n = 1000, as for
        // a Gaussian family): it must agree with the quadrature log Z of the learned energy within 4 of them (0.14).
        var (train, test) = TrainAndTest();
        var start = new Normalised<MlpEnergy>(Energy(train), 0.0);
        var noise = NoiseDistribution.FitGaussian(train).ThrowIfFail();
        var (model, first, last) = Train(NoiseContrastive.Parameters(MlpTraining.Parameters), NoiseContrastive.Objective(MlpTraining.Derivatives, noise, 4.0), start, train, 0.01, 100, 40);
        var (before, after, best) = (TestLogLikelihood(start.Model, test), TestLogLikelihood(model.Model, test), DataLogLikelihood(test));
        var exact = Quadrature2D.Compute(model.Model, 1.0, Box, new QuadratureSettings(Tolerance: 1e-5, MaxIntervals: 1024)).ThrowIfFail().Exact.LogZ;
        Assert.True(last < first, $"loss {first} -> {last}");
        Assert.True(after > before + 1.0, $"test log-likelihood {before} -> {after}");
        Assert.True(after > best - Margin, $"test log-likelihood {after}, the data's own density {best}");
        Assert.True(Math.Abs(model.LogZ - exact) < 4 * 0.035, $"learned log Z {model.LogZ}, quadrature {exact}");
    }
}
