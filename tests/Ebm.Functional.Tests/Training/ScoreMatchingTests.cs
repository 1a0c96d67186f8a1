using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using static Ebm.Functional.Tests.Training.ContinuousObjectiveFixtures;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Training;

/// <summary>
/// Exact, sliced and denoising score matching on a Gaussian, where each has a known minimiser: the loss against its
/// closed form, the gradient against finite differences of the loss at the same key, and the fitted mean and precision
/// against the truth within the estimator's standard error.
/// </summary>
public sealed class ScoreMatchingTests
{
    private static readonly GaussianModel Model = GaussianModel.Create(Vec.Of(0.3, -0.2), Mat.FromRows([[2.0, 0.4], [0.4, 1.5]])).Valid();

    private static readonly Mat Batch = GaussianData(6, 11);

    public static TheoryData<string> Objectives => new() { "sm", "ssm-rademacher", "ssm-gaussian", "ssm-vr", "ssm-3", "dsm", "dsm-scales" };

    private static Objective<GaussianModel> Named(string name) => name switch
    {
        "sm" => ScoreMatching.Exact(GaussianTraining.Derivatives),
        "ssm-rademacher" => ScoreMatching.Sliced(GaussianTraining.Derivatives),
        "ssm-gaussian" => ScoreMatching.Sliced(GaussianTraining.Derivatives, 1, SliceDistribution.Gaussian),
        "ssm-vr" => ScoreMatching.Sliced(GaussianTraining.Derivatives, 2, SliceDistribution.Gaussian, varianceReduced: true),
        "ssm-3" => ScoreMatching.Sliced(GaussianTraining.Derivatives, 3),
        "dsm" => ScoreMatching.Denoising(GaussianTraining.Derivatives, Seq1(0.3)),
        _ => ScoreMatching.Denoising(GaussianTraining.Derivatives, Seq(0.1, 0.5, 1.0)),
    };

    [Fact]
    public void The_exact_loss_of_a_gaussian_is_its_closed_form()
    {
        // grad E = P r and Laplacian E = tr P, so the loss is mean_r 1/2 |P r_r|^2 - tr P.
        var expected = 0.0;
        for (var r = 0; r < Batch.Rows; r++)
        {
            double x = Batch[r, 0] - 0.3, y = Batch[r, 1] + 0.2;
            double gx = 2.0 * x + 0.4 * y, gy = 0.4 * x + 1.5 * y;
            expected += (0.5 * (gx * gx + gy * gy) - 3.5) / Batch.Rows;
        }

        Assert.Equal(expected, Loss(ScoreMatching.Exact(GaussianTraining.Derivatives), RngKey.FromSeed(1), Model, Batch), 12);
    }

    [Theory]
    [MemberData(nameof(Objectives))]
    public void The_gradient_is_the_derivative_of_the_reported_loss(string name)
    {
        // The same key fixes the projections and the noise, so the loss is a smooth function of θ; central differences
        // with h = 1e-5 err by O(h^2) plus rounding ~1e-16 |loss| / h: 1e-6 relative is far below any wrong term.
        var (gradient, differences) = GradientAndDifferences(GaussianTraining.Parameters, Named(name), RngKey.FromSeed(5), Model, Batch);
        Assert.True(RbmTrainingFixtures.RelativeError(gradient, differences) < 1e-6, $"{Vec.Of(gradient)} vs {Vec.Of(differences)}");
    }

    [Theory]
    [MemberData(nameof(Objectives))]
    public void The_same_key_gives_the_same_bits_and_another_key_other_draws(string name)
    {
        var objective = Named(name);
        var first = objective.Step(RngKey.FromSeed(8), Model, Seq<Mat>(), Batch).ThrowIfFail().Gradient;
        var again = objective.Step(RngKey.FromSeed(8), Model, Seq<Mat>(), Batch).ThrowIfFail().Gradient;
        var other = objective.Step(RngKey.FromSeed(9), Model, Seq<Mat>(), Batch).ThrowIfFail().Gradient;
        Assert.Equal(first, again);
        if (name == "sm") Assert.Equal(first, other);
        else Assert.NotEqual(first, other);
    }

    [Fact]
    public void Full_batch_exact_score_matching_converges_to_the_closed_form_estimate()
    {
        // The loss on the whole data set is minimised exactly by the sample mean and inverse sample covariance, so a
        // deterministic full-batch run must land on them (Adam, lr 0.05 decayed to 5e-4 over 600 steps; 1e-4 is a
        // thousandth of the 4 standard errors, about 0.09, within which a wrong minimiser could hide from the truth test),
        // and that estimate lies within 4 standard errors of the truth.
        const int n = 2000;
        var data = GaussianData(n, 7);
        var estimate = GaussianTraining.ScoreMatchingEstimate(data).ThrowIfFail();
        var fit = Fit(GaussianTraining.Parameters, ScoreMatching.Exact(GaussianTraining.Derivatives), StandardNormal, data, 0.05, n, 600, 3);
        for (var i = 0; i < 2; i++) Assert.Equal(estimate.Mean[i], fit.Mean[i], 1e-4);
        for (var k = 0; k < 4; k++) Assert.Equal(estimate.Precision.Span[k], fit.Precision.Span[k], 1e-4);
        AssertRecovers(estimate, GaussianModel.Create(TrueMean, TruePrecision).Valid(), n);
    }

    [Theory]
    [InlineData("ssm-rademacher", 100)]
    [InlineData("ssm-vr", 100)]
    [InlineData("dsm", 200)]
    public void Stochastic_score_matching_recovers_the_mean_and_precision_within_their_standard_errors(string name, int epochs)
    {
        // 2000 draws, minibatches of 200, Adam from N(0, I) with lr 0.05 cosine-decayed to 5e-4. SSM's minimiser in
        // expectation over the projections is exact SM's; DSM at sigma = 0.3 learns the data convolved with N(0, 0.09 I),
        // so its target is the covariance C + 0.09 I (the bias, exactly). Over seeds 7, 8, 9 the largest |error| / SE was
        // 2.1 (SSM) and 1.5 (DSM).
        const int n = 2000;
        var objective = name == "dsm" ? ScoreMatching.Denoising(GaussianTraining.Derivatives, Seq1(0.3)) : Named(name);
        var target = name == "dsm"
            ? GaussianModel.FromCovariance(TrueMean, Mat.FromRows([[1.09, 0.5], [0.5, 0.89]])).Valid()
            : GaussianModel.Create(TrueMean, TruePrecision).Valid();
        var fit = Fit(GaussianTraining.Parameters, objective, StandardNormal, GaussianData(n, 7), 0.05, 200, epochs, 3);
        AssertRecovers(fit, target, n);
    }

    [Fact]
    public void Bad_settings_and_data_are_errors_naming_the_problem()
    {
        var step = (Objective<GaussianModel> o, Mat batch) => o.Step(RngKey.FromSeed(1), Model, Seq<Mat>(), batch).Match(_ => "", e => e.Message);
        Assert.Contains("noise scale -0.1", step(ScoreMatching.Denoising(GaussianTraining.Derivatives, Seq1(-0.1)), Batch));
        Assert.Contains("at least one noise scale", step(ScoreMatching.Denoising(GaussianTraining.Derivatives, Seq<double>()), Batch));
        Assert.Contains("projections is 0", step(ScoreMatching.Sliced(GaussianTraining.Derivatives, 0), Batch));
        Assert.Contains("3 values per example, the model takes 2", step(ScoreMatching.Exact(GaussianTraining.Derivatives), Mat.Zeros(4, 3)));
        Assert.Contains("example 2, value 1 is NaN", step(ScoreMatching.Exact(GaussianTraining.Derivatives), Mat.FromRows([[0.0, 0.0], [double.NaN, 1.0]])));
        Assert.Contains("needs at least one example", step(ScoreMatching.Exact(GaussianTraining.Derivatives), Mat.Zeros(0, 2)));
    }

    /// <summary>
    /// Every mean coordinate and precision entry within 4 standard errors of the maximum-likelihood estimator (n draws)
    /// of the target: two-sided, each misses with probability 6e-5 under normality, 3e-4 for the five together.
    /// </summary>
    internal static void AssertRecovers(GaussianModel fit, GaussianModel target, int n, double inflation = 1.0)
    {
        // The target's covariance is the inverse of its precision: FromCovariance inverts whatever it is given.
        var covariance = GaussianModel.FromCovariance(Vec.Zeros(2), target.Precision).Valid().Precision;
        for (var i = 0; i < 2; i++)
        {
            var se = inflation * MeanStandardError(covariance, i, n);
            Assert.True(Math.Abs(fit.Mean[i] - target.Mean[i]) < 4 * se, $"mean {i}: {fit.Mean[i]} vs {target.Mean[i]}, SE {se}");
            for (var j = 0; j <= i; j++)
            {
                var pse = inflation * PrecisionStandardError(target.Precision, i, j, n);
                Assert.True(Math.Abs(fit.Precision[i, j] - target.Precision[i, j]) < 4 * pse, $"precision ({i}, {j}): {fit.Precision[i, j]} vs {target.Precision[i, j]}, SE {pse}");
            }
        }
    }
}
