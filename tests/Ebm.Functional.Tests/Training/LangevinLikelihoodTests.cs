using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using static Ebm.Functional.Tests.Training.ContinuousObjectiveFixtures;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Training;

/// <summary>
/// Maximum likelihood with a Langevin negative phase: the chains' stationary law for a Gaussian in closed form (the
/// unadjusted algorithm with its stated step and noise), the replay buffer's bookkeeping, and training that moves a
/// Gaussian to the data's moments.
/// </summary>
public sealed class LangevinLikelihoodTests
{
    private static readonly GaussianModel UnitNormal = GaussianModel.Create(Vec.Of(0.0), Mat.FromRows([[1.0]])).Valid();

    private static readonly NoiseDistribution Box = NoiseDistribution.UniformBox(Vec.Of(-3.0), Vec.Of(3.0)).ThrowIfFail();

    [Theory]
    [InlineData(null, 2.0 / 3)]
    [InlineData(0.5, 1.0 / 6)]
    public void Short_run_chains_reach_the_unadjusted_langevin_stationary_law(double? noise, double meanEnergy)
    {
        // For E = x^2 / 2, x <- x - eps x + s xi has stationary variance C = s^2 / (1 - (1 - eps)^2); with eps = 0.5:
        // s = sqrt(2 eps) = 1 gives C = 4/3 (not the model's 1: ULA's bias, no accept/reject), s = 0.5 gives C = 1/3; the
        // mean energy of the samples is C / 2. 100 steps contract the start by 0.5^100. 4000 chains: the sample mean of
        // x^2 / 2 has SE C / sqrt(2 * 4000), and 4 SE is the tolerance (two-sided, 6e-5).
        var settings = new LangevinSettings(Box, Steps: 100, StepSize: 0.5, NoiseScale: noise);
        var objective = LangevinLikelihood.Objective(GaussianTraining.Derivatives, settings);
        var result = objective.Step(RngKey.FromSeed(3), UnitNormal, Seq<Mat>(), Mat.Zeros(4000, 1)).ThrowIfFail();
        var sampled = result.Metrics.Find(m => m.Name == LangevinLikelihood.SampleEnergyMetric).Map(m => m.Value).IfNone(double.NaN);
        var se = 2 * meanEnergy / Math.Sqrt(2 * 4000);
        Assert.Equal(meanEnergy, sampled, 4 * se);
        Assert.Empty(result.Chains);
    }

    [Fact]
    public void The_loss_and_gradient_contrast_the_data_with_the_samples()
    {
        // E = x^2 / 2 with P parametrised by log L: dE/dlogL = x^2 (P = L^2 = 1). Data x = 1 and 2, alpha = 0.1:
        // loss = mean E+ - mean E- + alpha (mean E+^2 + mean E-^2), checked from the sample energy the step reports.
        var settings = new LangevinSettings(Box, Steps: 5, StepSize: 0.1, EnergyRegularisation: 0.1);
        var result = LangevinLikelihood.Objective(GaussianTraining.Derivatives, settings)
            .Step(RngKey.FromSeed(3), UnitNormal, Seq<Mat>(), Mat.FromRows([[1.0], [2.0]])).ThrowIfFail();
        var metric = (string name) => result.Metrics.Find(m => m.Name == name).Map(m => m.Value).IfNone(double.NaN);
        Assert.Equal(1.25, metric(LangevinLikelihood.DataEnergyMetric), 12);
        Assert.True(metric(ScoreMatching.LossMetric) > 1.25 - metric(LangevinLikelihood.SampleEnergyMetric) + 0.1 * (0.25 + 4.0) / 2 - 1e-12);
        Assert.Equal(2, result.Gradient.Length);
    }

    [Fact]
    public void The_replay_buffer_starts_from_the_start_distribution_and_updates_only_the_chosen_rows()
    {
        var settings = new LangevinSettings(Box, Steps: 3, StepSize: 0.1, BufferSize: 50, ReinitialisationProbability: 0.0);
        var objective = LangevinLikelihood.Objective(GaussianTraining.Derivatives, settings);
        var buffer = objective.StartChains(RngKey.FromSeed(1), UnitNormal).ThrowIfFail();
        Assert.Single(buffer);
        Assert.Equal((50, 1), (buffer[0].Rows, buffer[0].Columns));
        Assert.All(buffer[0].Span.ToArray(), x => Assert.InRange(x, -3.0, 3.0));
        var next = objective.Step(RngKey.FromSeed(2), UnitNormal, buffer, Mat.Zeros(10, 1)).ThrowIfFail().Chains;
        var changed = Enumerable.Range(0, 50).Count(r => next[0][r, 0] != buffer[0][r, 0]);
        Assert.Equal(10, changed);
        var tooSmall = objective.Step(RngKey.FromSeed(2), UnitNormal, buffer, Mat.Zeros(60, 1));
        Assert.Contains("fewer than the batch of 60", tooSmall.Match(_ => "", e => e.Message));
        var wrongChains = objective.Step(RngKey.FromSeed(2), UnitNormal, Seq<Mat>(), Mat.Zeros(10, 1));
        Assert.Equal(TrainingErrors.ChainsMismatchCode, wrongChains.Match(_ => 0, e => e.Code));
    }

    [Theory]
    [InlineData(0, 1.0, "langevin steps is 0")]
    [InlineData(5, -0.1, "langevin step size is -0.1")]
    public void Bad_settings_are_errors_naming_the_setting(int steps, double stepSize, string expected)
    {
        var objective = LangevinLikelihood.Objective(GaussianTraining.Derivatives, new LangevinSettings(Box, steps, stepSize));
        Assert.Contains(expected, objective.Step(RngKey.FromSeed(1), UnitNormal, Seq<Mat>(), Mat.Zeros(2, 1)).Match(_ => "", e => e.Message));
        var buffer = LangevinLikelihood.Objective(GaussianTraining.Derivatives, new LangevinSettings(Box, BufferSize: -1));
        Assert.Contains("buffer is -1", buffer.StartChains(RngKey.FromSeed(1), UnitNormal).Match(_ => "", e => e.Message));
    }

    [Fact]
    public void Persistent_chains_fit_the_gaussian_whose_langevin_samples_have_the_data_moments()
    {
        // ML with ULA samples converges to the model whose ULA chain (not whose density) matches the data: with
        // s^2 = 2 eps the ULA stationary covariance of E = 1/2 x^T P x is (P - eps P^2 / 2)^-1, so the fixed point has the
        // sample mean and P - eps P^2 / 2 = S^-1 (S the sample covariance), solved here by the iteration
        // P <- S^-1 + eps P^2 / 2. 2000 draws, buffer 1000, K = 20, eps = 0.05, batches of 200, Adam lr 0.02 decayed
        // over 100 epochs; tolerance 4 ML standard errors (measured at most 1.5).
        const int n = 2000;
        const double eps = 0.05;
        var data = GaussianData(n, 7);
        var estimate = GaussianTraining.ScoreMatchingEstimate(data).ThrowIfFail();
        var s = estimate.Precision;
        var p = s;
        for (var iteration = 0; iteration < 100; iteration++)
            p = Mat.Create(2, 2, d =>
            {
                for (var i = 0; i < 2; i++)
                for (var j = 0; j < 2; j++)
                    d[i * 2 + j] = s[i, j] + eps / 2 * (p[i, 0] * p[0, j] + p[i, 1] * p[1, j]);
            });
        var target = GaussianModel.Create(estimate.Mean, p).Valid();
        var settings = new LangevinSettings(NoiseDistribution.FitBox(data).ThrowIfFail(), Steps: 20, StepSize: eps, BufferSize: 1000);
        var fit = Fit(GaussianTraining.Parameters, LangevinLikelihood.Objective(GaussianTraining.Derivatives, settings), StandardNormal, data, 0.02, 200, 100, 3);
        ScoreMatchingTests.AssertRecovers(fit, target, n);
    }

    [Fact]
    public void Short_run_chains_from_the_box_move_the_gaussian_toward_the_data()
    {
        // Short-run ML learns a model whose K-step chains from the start look like the data (Nijkamp et al. 2019), not
        // the data's density, so there is no exact target: from N(0, I), the distance of the mean and of the precision to
        // the data's must at least halve (measured: 1.12 -> 0.43 and 1.70 -> 0.55). Same run as above with no buffer.
        const int n = 2000;
        var data = GaussianData(n, 7);
        var estimate = GaussianTraining.ScoreMatchingEstimate(data).ThrowIfFail();
        var settings = new LangevinSettings(NoiseDistribution.FitBox(data).ThrowIfFail(), Steps: 20, StepSize: 0.05);
        var fit = Fit(GaussianTraining.Parameters, LangevinLikelihood.Objective(GaussianTraining.Derivatives, settings), StandardNormal, data, 0.02, 200, 100, 3);
        Assert.True(Distance(fit.Mean.Span, estimate.Mean.Span) < Distance(StandardNormal.Mean.Span, estimate.Mean.Span) / 2, $"mean {fit.Mean}");
        Assert.True(Distance(fit.Precision.Span, estimate.Precision.Span) < Distance(StandardNormal.Precision.Span, estimate.Precision.Span) / 2, $"precision {fit.Precision}");
    }

    private static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var k = 0; k < a.Length; k++) sum += (a[k] - b[k]) * (a[k] - b[k]);
        return Math.Sqrt(sum);
    }
}
