using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using static Ebm.Functional.Tests.Training.ContinuousObjectiveFixtures;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Training;

/// <summary>
/// Noise-contrastive estimation on a Gaussian: the layout with log Z last, the gradient against finite differences of
/// the loss at the same noise, the noise distributions' densities, and recovery of the mean, precision and log Z.
/// </summary>
public sealed class NoiseContrastiveTests
{
    private static readonly GaussianModel Model = GaussianModel.Create(Vec.Of(0.3, -0.2), Mat.FromRows([[2.0, 0.4], [0.4, 1.5]])).Valid();

    private static readonly ModelParameters<Normalised<GaussianModel>> Layout = NoiseContrastive.Parameters(GaussianTraining.Parameters);

    [Fact]
    public void The_layout_appends_log_z_and_never_decays_it()
    {
        var normalised = new Normalised<GaussianModel>(Model, 1.25);
        var values = Layout.ToVector(normalised);
        Assert.Equal(6, values.Length);
        Assert.Equal(1.25, values[5]);
        var back = Layout.FromVector(normalised, Vec.Of(0.1, 0.2, 0.0, 0.5, 0.0, -3.0)).ThrowIfFail();
        Assert.Equal(-3.0, back.LogZ);
        Assert.Equal(Vec.Of(0.1, 0.2), back.Model.Mean);
        Assert.Equal(0.0, Layout.DecayMask(normalised)[5]);
        Assert.True(Layout.FromVector(normalised, Vec.Of(1, 2)).IsFail);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.5)]
    public void The_gradient_is_the_derivative_of_the_reported_loss(double ratio)
    {
        // The same key draws the same noise rows, so the loss is smooth in (θ, log Z); h = 1e-5, 1e-6 relative as for SM.
        var batch = GaussianData(8, 2);
        var noise = NoiseDistribution.FitGaussian(GaussianData(50, 3)).ThrowIfFail();
        var objective = NoiseContrastive.Objective(GaussianTraining.Derivatives, noise, ratio);
        var (gradient, differences) = GradientAndDifferences(Layout, objective, RngKey.FromSeed(4), new Normalised<GaussianModel>(Model, 0.7), batch);
        Assert.True(RbmTrainingFixtures.RelativeError(gradient, differences) < 1e-6, $"{Vec.Of(gradient)} vs {Vec.Of(differences)}");
    }

    [Fact]
    public void Nce_recovers_the_mean_precision_and_log_z_within_their_standard_errors()
    {
        // 2000 draws, minibatches of 200, nu = 4 noise rows per example from the Gaussian fitted to the data, Adam from
        // N(0, I) and log Z = 0 with lr 0.05 cosine-decayed over 150 epochs. With noise equal to the data distribution,
        // NCE's asymptotic variance is (1 + 1/nu) times maximum likelihood's (Gutmann & Hyvärinen 2012, section 2.4),
        // so the standard errors of AssertRecovers are inflated by sqrt(1.25). log Z of a 2-D Gaussian is
        // log 2 pi - 1/2 log det P, and log det of the ML precision has variance 2 d / n, so its SE is
        // sqrt(1.25) sqrt(d / (2 n)) = 0.025; the learned log Z must be within 4 of them of the truth's.
        const int n = 2000;
        const double ratio = 4.0;
        var data = GaussianData(n, 7);
        var noise = NoiseDistribution.FitGaussian(data).ThrowIfFail();
        var fit = Fit(Layout, NoiseContrastive.Objective(GaussianTraining.Derivatives, noise, ratio), new Normalised<GaussianModel>(StandardNormal, 0.0), data, 0.05, 200, 150, 3);
        var inflation = Math.Sqrt(1 + 1 / ratio);
        ScoreMatchingTests.AssertRecovers(fit.Model, GaussianModel.Create(TrueMean, TruePrecision).Valid(), n, inflation);
        var trueLogZ = Math.Log(2 * Math.PI) + 0.5 * Math.Log(0.55);
        var se = inflation * Math.Sqrt(2.0 / (2 * n));
        Assert.True(Math.Abs(fit.LogZ - trueLogZ) < 4 * se, $"log Z {fit.LogZ} vs {trueLogZ}, SE {se}");
        Assert.True(Math.Abs(fit.LogZ - LogZ(fit.Model)) < 4 * se, $"log Z {fit.LogZ} vs the fitted model's {LogZ(fit.Model)}");
    }

    [Fact]
    public void The_fitted_gaussian_and_the_box_have_normalised_log_densities_and_sample_their_support()
    {
        var gaussian = NoiseDistribution.Gaussian(Vec.Of(1.0, -1.0), Mat.FromRows([[4.0, 1.0], [1.0, 1.0]])).ThrowIfFail();
        // At the mean: -log(2 pi) - 1/2 log det = -log(2 pi) - 1/2 log 3.
        Assert.Equal(-Math.Log(2 * Math.PI) - 0.5 * Math.Log(3.0), gaussian.LogDensity(Mat.FromRows([[1.0, -1.0]]))[0], 12);
        // At mean + (2, 0): the Mahalanobis distance (2, 0) Sigma^-1 (2, 0)^T = 4 * (1/3) = 4/3.
        Assert.Equal(-Math.Log(2 * Math.PI) - 0.5 * Math.Log(3.0) - 2.0 / 3, gaussian.LogDensity(Mat.FromRows([[3.0, -1.0]]))[0], 12);
        // 20000 draws: the sample mean is within 4 SE (sqrt(4 / 20000) = 0.014 and sqrt(1 / 20000) = 0.007) of the mean.
        var draws = gaussian.Sample(RngKey.FromSeed(3), 20000);
        var (meanX, meanY) = (draws.Span.ToArray().Where((_, k) => k % 2 == 0).Average(), draws.Span.ToArray().Where((_, k) => k % 2 == 1).Average());
        Assert.Equal(1.0, meanX, 4 * 0.0142);
        Assert.Equal(-1.0, meanY, 4 * 0.0071);

        var box = NoiseDistribution.UniformBox(Vec.Of(0.0, -1.0), Vec.Of(2.0, 3.0)).ThrowIfFail();
        Assert.Equal(-Math.Log(8.0), box.LogDensity(Mat.FromRows([[1.0, 0.0]]))[0], 12);
        Assert.Equal(double.NegativeInfinity, box.LogDensity(Mat.FromRows([[2.5, 0.0]]))[0]);
        var inside = box.Sample(RngKey.FromSeed(4), 1000);
        Assert.All(Enumerable.Range(0, 1000), r => Assert.True(inside[r, 0] is >= 0 and < 2 && inside[r, 1] is >= -1 and < 3));
    }

    [Fact]
    public void Bad_ratios_widths_and_degenerate_noise_are_errors()
    {
        var noise = NoiseDistribution.FitGaussian(GaussianData(50, 3)).ThrowIfFail();
        var start = new Normalised<GaussianModel>(Model, 0.0);
        var message = (Objective<Normalised<GaussianModel>> o, Mat batch) => o.Step(RngKey.FromSeed(1), start, Seq<Mat>(), batch).Match(_ => "", e => e.Message);
        Assert.Contains("noise ratio 0", message(NoiseContrastive.Objective(GaussianTraining.Derivatives, noise, 0.0), GaussianData(4, 1)));
        Assert.Contains("3 values per example", message(NoiseContrastive.Objective(GaussianTraining.Derivatives, noise), Mat.Zeros(4, 3)));
        Assert.Contains("singular", NoiseDistribution.FitGaussian(Mat.FromRows([[1.0, 2.0], [1.0, 3.0], [1.0, 4.0]])).Match(_ => "", e => e.Message));
        Assert.Contains("lower < upper", NoiseDistribution.UniformBox(Vec.Of(0.0), Vec.Of(0.0)).Match(_ => "", e => e.Message));
    }

    private static double LogZ(GaussianModel model)
    {
        var p = model.Precision;
        return Math.Log(2 * Math.PI) - 0.5 * Math.Log(p[0, 0] * p[1, 1] - p[0, 1] * p[1, 0]);
    }
}
