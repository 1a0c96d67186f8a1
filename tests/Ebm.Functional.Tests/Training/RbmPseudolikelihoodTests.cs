using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using Ebm.Functional.Training;
using LanguageExt;
using static LanguageExt.Prelude;
using static Ebm.Functional.Tests.Training.RbmTrainingFixtures;

namespace Ebm.Functional.Tests.Training;

/// <summary>The pseudo-log-likelihood metric and the pseudolikelihood objective of the Bernoulli RBM.</summary>
public sealed class RbmPseudolikelihoodTests
{
    [Fact]
    public void The_zero_model_has_nv_log_one_half()
    {
        var zero = BernoulliRbm.Create(Mat.Zeros(9, 4), Vec.Zeros(9), Vec.Zeros(4)).Match(m => m, _ => throw new InvalidOperationException());
        Assert.Equal(9 * Math.Log(0.5), RbmTraining.PseudoLogLikelihood(zero, BarsAndStripesImages(3)).ThrowIfFail(), 12);
    }

    [Theory]
    [InlineData(6, 4, 1UL)]
    [InlineData(5, 8, 2UL)]
    public void The_metric_is_the_average_sum_of_exact_conditionals(int visible, int hidden, ulong seed)
    {
        var model = RbmTestModels.Bernoulli(visible, hidden, 1.0, 1.0, seed);
        var data = Mat.Create(1 << visible, visible, d =>
        {
            for (var k = 0; k < d.Length; k++) d[k] = ((k / visible) >> (k % visible)) & 1;
        });
        // p(v_i | v_-i) = exp(-F(v)) / (exp(-F(v)) + exp(-F(v^(i)))), from the model's own free energy.
        var expected = 0.0;
        for (var r = 0; r < data.Rows; r++)
        {
            var v = data.Row(r).ToArray();
            var own = model.FreeEnergy(v);
            for (var i = 0; i < visible; i++)
            {
                var flipped = (double[])v.Clone();
                flipped[i] = 1 - flipped[i];
                expected += -Math.Log(1 + Math.Exp(own - model.FreeEnergy(flipped)));
            }
        }

        Assert.Equal(expected / data.Rows, RbmTraining.PseudoLogLikelihood(model, data).ThrowIfFail(), 10);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(3)]
    public void The_gradient_is_the_finite_difference_of_the_loss(int? sites)
    {
        var model = RbmTestModels.Bernoulli(7, 4, 0.8, 0.5, 5UL);
        var data = Patterns(7, 11);
        var key = RngKey.FromSeed(3);
        var objective = RbmTraining.Pseudolikelihood(sites);
        var step = objective.Step(key, model, Seq<Mat>(), data).ThrowIfFail();
        // The loss is minus the reported metric; with a site subset both use the same key, so the subset is the same.
        double Loss(Vec parameters) => -objective.Step(key, RbmTraining.Parameters.FromVector(model, parameters).ThrowIfFail(), Seq<Mat>(), data)
            .ThrowIfFail().Metrics.Single(m => m.Name == RbmTraining.PseudoLogLikelihoodMetric).Value;
        var numeric = FiniteDifferences(Loss, RbmTraining.Parameters.ToVector(model));
        Assert.True(RelativeError(step.Gradient.Span, numeric) < 1e-7, $"relative error {RelativeError(step.Gradient.Span, numeric)}");
    }

    [Fact]
    public void A_site_subset_scaled_by_nv_over_k_is_unbiased()
    {
        // Mean over many keys of the estimated pseudo-log-likelihood against the full one. Each example's estimate is
        // (nv/k) times a sum of k of its nv terms without replacement; the sample standard error over keys bounds the test.
        var model = RbmTestModels.Bernoulli(8, 3, 1.0, 0.5, 9UL);
        var data = Patterns(8, 6);
        var exact = RbmTraining.PseudoLogLikelihood(model, data).ThrowIfFail();
        const int keys = 2000;
        var estimates = Enumerable.Range(0, keys)
            .Select(k => RbmTraining.Pseudolikelihood(2).Step(RngKey.FromSeed(40).FoldIn(k), model, Seq<Mat>(), data).ThrowIfFail().Metrics.Head.Value)
            .ToArray();
        var mean = estimates.Average();
        var se = Math.Sqrt(estimates.Select(e => (e - mean) * (e - mean)).Sum() / (keys - 1) / keys);
        // 5 standard errors: a false failure has probability below 1e-6 under the normal approximation (n = 2000).
        Assert.True(Math.Abs(mean - exact) < 5 * se, $"mean {mean}, exact {exact}, se {se}");
        Assert.True(se > 0);
    }

    [Fact]
    public void Bad_data_and_settings_are_errors()
    {
        var model = RbmTestModels.Bernoulli(4, 2, 1.0, 1.0, 1UL);
        int Code<T>(Fin<T> f) => f.Match(Succ: _ => 0, Fail: e => e.Code);
        Assert.Equal(TrainingErrors.WrongWidthCode, Code(RbmTraining.PseudoLogLikelihood(model, Mat.Zeros(2, 5))));
        Assert.Equal(TrainingErrors.EmptyBatchCode, Code(RbmTraining.PseudoLogLikelihood(model, Mat.Zeros(0, 4))));
        Assert.Equal(TrainingErrors.StateOutsideSupportCode, Code(RbmTraining.PseudoLogLikelihood(model, Mat.From(1, 4, [0, 1, 0.5, 1]))));
        Assert.Equal(TrainingErrors.InvalidSettingCode, Code(RbmTraining.Pseudolikelihood(5).Step(RngKey.FromSeed(1), model, Seq<Mat>(), Mat.Zeros(1, 4))));
        Assert.Equal(TrainingErrors.InvalidSettingCode, Code(RbmTraining.Pseudolikelihood(0).Step(RngKey.FromSeed(1), model, Seq<Mat>(), Mat.Zeros(1, 4))));
    }

    /// <summary>Rows 0..count-1 of a fixed pseudo-random binary pattern of the given width.</summary>
    private static Mat Patterns(int width, int count) => Mat.Create(count, width, d =>
    {
        for (var k = 0; k < d.Length; k++) d[k] = (k * 7 + k / width * 3) % 5 < 2 ? 1 : 0;
    });
}
