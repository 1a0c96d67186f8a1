using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using Ebm.Functional.Training;
using LanguageExt;
using static Ebm.Functional.Tests.Training.RbmTrainingFixtures;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Training;

/// <summary>The Gaussian-Bernoulli RBM's parameter layout and its exact maximum-likelihood gradient against the closed-form log Z.</summary>
public sealed class GaussianBernoulliRbmTrainingTests
{
    private static readonly Mat Batch = Mat.From(4, 3, [0.5, -1.2, 2.0, 1.5, 0.3, -0.7, -0.4, 0.9, 0.1, 2.2, -1.8, 0.6]);

    [Fact]
    public void The_layout_is_w_b_c_then_log_sigma_when_learned()
    {
        var model = RbmTestModels.GaussianBernoulli(3, 2, 1.0, 1.0, 3UL);
        var learned = GaussianBernoulliRbmTraining.Parameters(learnSigma: true);
        var fixedSigma = GaussianBernoulliRbmTraining.Parameters(learnSigma: false);
        var vector = learned.ToVector(model);
        Assert.Equal(3 * 2 + 3 + 2 + 3, vector.Length);
        Assert.Equal(3 * 2 + 3 + 2, fixedSigma.ToVector(model).Length);
        Assert.Equal(model.Weights[1, 0], vector[2]);
        Assert.Equal(model.HiddenBias[1], vector[10]);
        Assert.Equal(Math.Log(model.Sigma[2]), vector[13]);
        Assert.Equal([1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0], learned.DecayMask(model).Span.ToArray());

        var shifted = vector.Map(x => x + 0.25);
        var rebuilt = learned.FromVector(model, shifted).ThrowIfFail();
        Assert.Equal(model.Sigma[0] * Math.Exp(0.25), rebuilt.Sigma[0], 12);
        var kept = fixedSigma.FromVector(model, fixedSigma.ToVector(model).Map(x => x + 0.25)).ThrowIfFail();
        Assert.Equal(model.Sigma, kept.Sigma);
        Assert.Equal(TrainingErrors.ParameterLengthCode, fixedSigma.FromVector(model, vector).Match(Succ: _ => 0, Fail: e => e.Code));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_exact_gradient_is_the_finite_difference_of_the_exact_negative_log_likelihood(bool learnSigma)
    {
        var model = RbmTestModels.GaussianBernoulli(3, 4, 0.8, 0.8, 5UL);
        var parameters = GaussianBernoulliRbmTraining.Parameters(learnSigma);
        var step = GaussianBernoulliRbmTraining.ExactLikelihood(learnSigma).Step(RngKey.FromSeed(1), model, Seq<Mat>(), Batch).ThrowIfFail();
        double Loss(Vec p) => -AverageLogLikelihood(parameters.FromVector(model, p).ThrowIfFail(), Batch);
        var numeric = FiniteDifferences(Loss, parameters.ToVector(model));
        Assert.True(RelativeError(step.Gradient.Span, numeric) < 1e-7, $"relative error {RelativeError(step.Gradient.Span, numeric)}");
        Assert.Equal(AverageLogLikelihood(model, Batch), step.Metrics.Single(m => m.Name == RbmTraining.LogLikelihoodMetric).Value, 10);
    }

    [Fact]
    public void Bad_data_settings_and_chains_are_errors()
    {
        var model = RbmTestModels.GaussianBernoulli(3, 2, 1.0, 1.0, 1UL);
        int Code<T>(Fin<T> f) => f.Match(Succ: _ => 0, Fail: e => e.Code);
        var key = RngKey.FromSeed(1);
        Assert.Equal(TrainingErrors.StateOutsideSupportCode, Code(GaussianBernoulliRbmTraining.ExactLikelihood().Step(key, model, Seq<Mat>(), Mat.From(1, 3, [0, double.NaN, 1]))));
        Assert.Equal(TrainingErrors.WrongWidthCode, Code(GaussianBernoulliRbmTraining.ContrastiveDivergence().Step(key, model, Seq<Mat>(), Mat.Zeros(2, 4))));
        Assert.Equal(TrainingErrors.InvalidSettingCode, Code(GaussianBernoulliRbmTraining.ContrastiveDivergence(0).Step(key, model, Seq<Mat>(), Mat.Zeros(2, 3))));
        Assert.Equal(TrainingErrors.InvalidSettingCode, Code(GaussianBernoulliRbmTraining.PersistentContrastiveDivergence(0).StartChains(key, model)));
        var pcd = GaussianBernoulliRbmTraining.PersistentContrastiveDivergence(5);
        var chains = pcd.StartChains(key, model).ThrowIfFail();
        Assert.Equal(TrainingErrors.ChainsMismatchCode, Code(GaussianBernoulliRbmTraining.PersistentContrastiveDivergence(6).Step(key, model, chains, Mat.Zeros(1, 3))));
        Assert.Equal(TrainingErrors.ChainsMismatchCode, Code(GaussianBernoulliRbmTraining.Tempered(5, 3).Step(key, model, chains, Mat.Zeros(1, 3))));
        Assert.Equal(TrainingErrors.InvalidSettingCode, Code(GaussianBernoulliRbmTraining.Tempered(5, 3, minBeta: 0).StartChains(key, model)));
        var wide = RbmTestModels.GaussianBernoulli(2, 21, 0.1, 0.1, 1UL);
        Assert.Equal(TrainingErrors.InvalidSettingCode, Code(GaussianBernoulliRbmTraining.ExactLikelihood().Step(key, wide, Seq<Mat>(), Mat.Zeros(1, 2))));
    }
}
