using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using static Ebm.Functional.Tests.Training.ContinuousObjectiveFixtures;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Training;

/// <summary>
/// Score matching of a Gaussian-Bernoulli RBM in closed form: the loss against 1/2 |grad F|^2 - Laplacian F computed
/// from the model's own free-energy gradient by finite differences, and the gradient against finite differences of the loss.
/// </summary>
public sealed class GaussianBernoulliRbmScoreMatchingTests
{
    private static readonly GaussianBernoulliRbm Model = GaussianBernoulliRbm.Create(
        Mat.From(2, 3, [0.8, -0.5, 0.3, -0.4, 0.9, 0.6]), Vec.Of(0.2, -0.3), Vec.Of(0.1, -0.2, 0.4), Vec.Of(0.7, 1.3)).Valid();

    private static readonly Mat Batch = Mat.FromRows([[0.5, 1.0], [-1.2, 0.3], [2.0, -0.7], [0.1, 0.1]]);

    [Fact]
    public void The_loss_is_half_the_squared_score_minus_the_laplacian_of_the_free_energy()
    {
        // The score from the model's FreeEnergyVisibleGradient, the Laplacian by central differences of it (h = 1e-5:
        // error O(h^2 |F''''|) + 1e-16 |F'| / h, below 1e-9), so 1e-7 checks the closed form independently.
        var expected = 0.0;
        var gradient = new double[2];
        var up = new double[2];
        var down = new double[2];
        for (var r = 0; r < Batch.Rows; r++)
        {
            var v = Batch.Row(r).ToArray();
            Model.FreeEnergyVisibleGradient(v, gradient);
            var laplacian = 0.0;
            for (var i = 0; i < 2; i++)
            {
                var (plus, minus) = ((double[])v.Clone(), (double[])v.Clone());
                plus[i] += 1e-5;
                minus[i] -= 1e-5;
                Model.FreeEnergyVisibleGradient(plus, up);
                Model.FreeEnergyVisibleGradient(minus, down);
                laplacian += (up[i] - down[i]) / 2e-5;
            }

            expected += (0.5 * (gradient[0] * gradient[0] + gradient[1] * gradient[1]) - laplacian) / Batch.Rows;
        }

        Assert.Equal(expected, Loss(GaussianBernoulliRbmTraining.ScoreMatching(), RngKey.FromSeed(1), Model, Batch), 7);
    }

    [Fact]
    public void The_gradient_matches_finite_differences_of_the_closed_form_loss()
    {
        var (gradient, differences) = GradientAndDifferences(GaussianBernoulliRbmTraining.Parameters(false), GaussianBernoulliRbmTraining.ScoreMatching(), RngKey.FromSeed(1), Model, Batch);
        Assert.Equal(2 * 3 + 2 + 3, gradient.Length);
        Assert.True(RbmTrainingFixtures.RelativeError(gradient, differences) < 1e-6, $"{Vec.Of(gradient)} vs {Vec.Of(differences)}");
    }

    [Fact]
    public void Score_matching_raises_the_exact_likelihood_of_two_clusters_nearly_as_much_as_exact_ml()
    {
        // Clusters at (1.5, 1.5) and (-1.5, -1.5), sd 0.3, 200 points; sigma fixed at 1, 2 x 4 RBM from small weights,
        // Adam lr 0.05 decayed over 400 full-batch epochs. The exact average log-likelihood (visible units integrated,
        // hidden enumerated) starts at -4.22. Exact ML, trained the same way, is the best a fixed-sigma model can do; SM
        // must gain over 1 nat and end within 0.05 of it (measured: both -2.684, the same optimum on this data).
        var data = Mat.Create(200, 2, d =>
        {
            var noise = new double[d.Length];
            RngKey.FromSeed(21).Normal(noise);
            for (var k = 0; k < d.Length; k++) d[k] = ((k / 2) % 2 == 0 ? 1.5 : -1.5) + 0.3 * noise[k];
        });
        var start = GaussianBernoulliRbm.Create(
            Mat.From(2, 4, [0.01, -0.02, 0.015, 0.005, -0.01, 0.02, 0.0, -0.015]), Vec.Zeros(2), Vec.Zeros(4), Vec.Filled(2, 1.0)).Valid();
        var initial = RbmTrainingFixtures.AverageLogLikelihood(start, data);
        var fit = Fit(GaussianBernoulliRbmTraining.Parameters(false), GaussianBernoulliRbmTraining.ScoreMatching(), start, data, 0.05, 200, 400, 3);
        var final = RbmTrainingFixtures.AverageLogLikelihood(fit, data);
        var best = RbmTrainingFixtures.AverageLogLikelihood(
            Fit(GaussianBernoulliRbmTraining.Parameters(false), GaussianBernoulliRbmTraining.ExactLikelihood(false), start, data, 0.05, 200, 400, 3), data);
        Assert.True(final > initial + 1.0, $"{initial} -> {final}");
        Assert.True(final > best - 0.05, $"score matching {final}, exact ML {best}");
    }

    [Fact]
    public void The_visible_biases_that_score_matching_picks_are_the_data_moments_estimator()
    {
        // The loss's b-gradient is -(1/n) sum_r g_rk / sigma_k^2 with g_rk = (v_rk - b_k)/sigma_k^2 - sum_j W_kj p_rj / sigma_k and
        // p_r = sigmoid(c + W^T (v_r / sigma)) free of b, so for any W, c, sigma the minimiser in b is the moment estimator
        // b*_k = mean_r v_rk - sigma_k sum_j W_kj mean_r p_rj; there the b-block vanishes, and at b* + d it is d_k / sigma_k^4.
        var data = Mat.Create(500, 2, d =>
        {
            var z = new double[d.Length];
            RngKey.FromSeed(11).Normal(z);
            for (var i = 0; i < d.Length; i++) d[i] = (i % 2 == 0 ? 1.5 : -0.5) + (i % 2 == 0 ? 0.8 : 1.4) * z[i];
        });
        var (w, c, sigma) = (Model.Weights, Model.HiddenBias, Model.Sigma);
        var moments = new double[2];
        for (var k = 0; k < 2; k++)
        {
            var (meanV, coupling) = (0.0, 0.0);
            for (var r = 0; r < data.Rows; r++)
            {
                meanV += data[r, k] / data.Rows;
                for (var j = 0; j < 3; j++)
                {
                    var z = c[j] + w[0, j] * data[r, 0] / sigma[0] + w[1, j] * data[r, 1] / sigma[1];
                    coupling += w[k, j] / (1 + Math.Exp(-z)) / data.Rows;
                }
            }

            moments[k] = meanV - sigma[k] * coupling;
        }

        var shift = Vec.Of(0.05, -0.02);
        var atMoments = BiasGradient(Vec.Of(moments));
        var shifted = BiasGradient(Vec.Of(moments[0] + shift[0], moments[1] + shift[1]));

        for (var k = 0; k < 2; k++)
        {
            Assert.True(Math.Abs(atMoments[k]) < 1e-12, $"b-gradient {atMoments[k]} at the moment estimator");
            Assert.Equal(shift[k] / Math.Pow(sigma[k], 4), shifted[k], 10);
        }

        double[] BiasGradient(Vec b)
        {
            var model = GaussianBernoulliRbm.Create(w, b, c, sigma).Valid();
            var result = GaussianBernoulliRbmTraining.ScoreMatching().Step(RngKey.FromSeed(1), model, Seq<Mat>(), data).ThrowIfFail();
            return result.Gradient.Span.Slice(2 * 3, 2).ToArray();
        }
    }

    [Fact]
    public void Data_of_the_wrong_width_is_an_error()
    {
        var result = GaussianBernoulliRbmTraining.ScoreMatching().Step(RngKey.FromSeed(1), Model, Seq<Mat>(), Mat.Zeros(3, 5));
        Assert.Equal(TrainingErrors.WrongWidthCode, result.Match(_ => 0, e => e.Code));
    }
}
