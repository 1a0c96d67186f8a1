using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using Ebm.Functional.Training;
using LanguageExt;
using static Ebm.Functional.Tests.Training.RbmTrainingFixtures;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Training;

/// <summary>Ratio matching for the Bernoulli RBM: its loss against Hyvärinen's formula computed from free energies, its gradient against finite differences.</summary>
public sealed class RbmRatioMatchingTests
{
    private static double Loss(BernoulliRbm model, Mat data) =>
        RbmTraining.RatioMatching().Step(RngKey.FromSeed(1), model, Seq<Mat>(), data).ThrowIfFail()
            .Metrics.Single(m => m.Name == RbmTraining.RatioMatchingLossMetric).Value;

    [Fact]
    public void The_zero_model_has_a_quarter_per_site()
    {
        var zero = BernoulliRbm.Create(Mat.Zeros(9, 3), Vec.Zeros(9), Vec.Zeros(3)).Match(m => m, _ => throw new InvalidOperationException());
        Assert.Equal(9 / 4.0, Loss(zero, BarsAndStripesImages(3)), 12);
    }

    [Fact]
    public void The_loss_is_the_mean_sum_of_squared_g_of_the_probability_ratios()
    {
        var model = RbmTestModels.Bernoulli(5, 4, 1.0, 1.0, 4UL);
        var data = Mat.Create(6, 5, d =>
        {
            for (var k = 0; k < d.Length; k++) d[k] = (k * 3 + k / 5) % 4 < 2 ? 1 : 0;
        });
        // g(u) = 1 / (1 + u) with u = p(v) / p(v^(i)) = exp(F(v^(i)) - F(v)), from the model's own free energy.
        var expected = 0.0;
        for (var r = 0; r < data.Rows; r++)
        {
            var v = data.Row(r).ToArray();
            for (var i = 0; i < v.Length; i++)
            {
                var flipped = (double[])v.Clone();
                flipped[i] = 1 - flipped[i];
                var g = 1.0 / (1.0 + Math.Exp(model.FreeEnergy(flipped) - model.FreeEnergy(v)));
                expected += g * g;
            }
        }

        Assert.Equal(expected / data.Rows, Loss(model, data), 12);
    }

    [Fact]
    public void The_gradient_is_the_finite_difference_of_the_loss()
    {
        var model = RbmTestModels.Bernoulli(6, 5, 0.8, 0.5, 8UL);
        var data = Mat.Create(7, 6, d =>
        {
            for (var k = 0; k < d.Length; k++) d[k] = (k * 5 + k / 6) % 3 == 0 ? 1 : 0;
        });
        var step = RbmTraining.RatioMatching().Step(RngKey.FromSeed(1), model, Seq<Mat>(), data).ThrowIfFail();
        var numeric = FiniteDifferences(p => Loss(RbmTraining.Parameters.FromVector(model, p).ThrowIfFail(), data), RbmTraining.Parameters.ToVector(model));
        Assert.True(RelativeError(step.Gradient.Span, numeric) < 1e-7, $"relative error {RelativeError(step.Gradient.Span, numeric)}");
    }

    [Fact]
    public void Bad_data_is_an_error()
    {
        var model = RbmTestModels.Bernoulli(4, 2, 1.0, 1.0, 1UL);
        int Code(Mat data) => RbmTraining.RatioMatching().Step(RngKey.FromSeed(1), model, Seq<Mat>(), data).Match(Succ: _ => 0, Fail: e => e.Code);
        Assert.Equal(TrainingErrors.WrongWidthCode, Code(Mat.Zeros(1, 3)));
        Assert.Equal(TrainingErrors.StateOutsideSupportCode, Code(Mat.From(1, 4, [0, -1, 0, 1])));
    }
}
