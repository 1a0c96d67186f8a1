using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using Ebm.Functional.Training;
using LanguageExt;
using static LanguageExt.Prelude;
using static Ebm.Functional.Tests.Training.RbmTrainingFixtures;

namespace Ebm.Functional.Tests.Training;

/// <summary>Exact maximum likelihood of the Bernoulli RBM against the library's exact log Z and the known optimum of bars-and-stripes.</summary>
public sealed class RbmExactLikelihoodTests
{
    [Theory]
    [InlineData(6, 4, 1UL)]
    [InlineData(4, 7, 2UL)]
    public void The_gradient_is_the_finite_difference_of_the_exact_negative_log_likelihood(int visible, int hidden, ulong seed)
    {
        var model = RbmTestModels.Bernoulli(visible, hidden, 1.0, 1.0, seed);
        var batch = Mat.Create(5, visible, d =>
        {
            for (var k = 0; k < d.Length; k++) d[k] = (k * 5 + k / visible) % 3 == 0 ? 1 : 0;
        });
        var step = RbmTraining.ExactLikelihood().Step(RngKey.FromSeed(1), model, Seq<Mat>(), batch).ThrowIfFail();
        double Loss(Vec parameters) => -AverageLogLikelihood(RbmTraining.Parameters.FromVector(model, parameters).ThrowIfFail(), batch);
        var numeric = FiniteDifferences(Loss, RbmTraining.Parameters.ToVector(model));
        Assert.True(RelativeError(step.Gradient.Span, numeric) < 1e-7, $"relative error {RelativeError(step.Gradient.Span, numeric)}");
        Assert.Equal(AverageLogLikelihood(model, batch), step.Metrics.Single(m => m.Name == RbmTraining.LogLikelihoodMetric).Value, 10);
    }

    [Theory]
    [InlineData(3, 8, 1000, -0.05)]
    [InlineData(4, 12, 1000, -0.05)]
    public void Exact_ml_on_bars_and_stripes_reaches_near_minus_log_n(int side, int hidden, int epochs, double gapBound)
    {
        // The best average log-likelihood on the N distinct images is -log N (mass 1/N on each); an RBM with enough
        // hidden units gets close. Full-batch Adam, lr 0.05; the bound on the gap is what this run must reach.
        var data = BarsAndStripesImages(side);
        var start = SmallRbm(side * side, hidden, 7UL);
        var trained = Train(RbmTraining.Parameters, RbmTraining.ExactLikelihood(), start, data, 0.05, data.Rows, epochs, 11UL);
        var best = -Math.Log(data.Rows);
        var reached = AverageLogLikelihood(trained, data);
        Assert.True(reached > best + gapBound, $"reached {reached}, best {best}, initial {AverageLogLikelihood(start, data)}");
        Assert.True(reached <= best + 1e-9, $"reached {reached} above the optimum {best}");
    }

    [Fact]
    public void Too_large_a_model_is_refused_with_the_limit()
    {
        var model = BernoulliRbm.Create(Mat.Zeros(21, 21), Vec.Zeros(21), Vec.Zeros(21)).Match(m => m, _ => throw new InvalidOperationException());
        var error = RbmTraining.ExactLikelihood().Step(RngKey.FromSeed(1), model, Seq<Mat>(), Mat.Zeros(1, 21)).Match(Succ: _ => (LanguageExt.Common.Error?)null, Fail: e => e);
        Assert.NotNull(error);
        Assert.Equal(TrainingErrors.InvalidSettingCode, error.Code);
        Assert.Contains("at most 20 units", error.Message);
    }

    [Fact]
    public void Bad_data_is_an_error()
    {
        var model = RbmTestModels.Bernoulli(4, 2, 1.0, 1.0, 1UL);
        var code = RbmTraining.ExactLikelihood().Step(RngKey.FromSeed(1), model, Seq<Mat>(), Mat.From(1, 4, [0, 2, 0, 1])).Match(Succ: _ => 0, Fail: e => e.Code);
        Assert.Equal(TrainingErrors.StateOutsideSupportCode, code);
    }
}
