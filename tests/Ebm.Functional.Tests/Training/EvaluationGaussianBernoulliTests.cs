using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Training;

public sealed class EvaluationGaussianBernoulliTests
{
    /// <summary>P(|Z| &gt; 4) = 6.3e-5 for a normal estimator: delta of the comparison with the AIS standard error.</summary>
    private const double Z = 4.0;

    private static T Valid<T>(Fin<T> result) => result.Match(v => v, e => throw new Xunit.Sdk.XunitException(e.Message));

    private static double Value(Seq<Metric> metrics, string name) =>
        metrics.Find(m => m.Name == name).Match(m => m.Value, () => throw new Xunit.Sdk.XunitException($"no metric {name}"));

    private static GaussianBernoulliRbm Model(int nv, int nh) => GaussianBernoulliRbm.Create(
        Mat.Create(nv, nh, d => { for (var k = 0; k < d.Length; k++) d[k] = 0.6 * Math.Sin(1.3 * k + 0.4); }),
        Vec.Create(nv, d => { for (var i = 0; i < nv; i++) d[i] = 0.5 * Math.Cos(i); }),
        Vec.Create(nh, d => { for (var j = 0; j < nh; j++) d[j] = 0.2 * j - 0.3; }),
        Vec.Create(nv, d => { for (var i = 0; i < nv; i++) d[i] = 0.8 + 0.1 * i; })).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    [Fact]
    public void Exact_log_likelihood_of_one_real_unit_matches_quadrature_of_the_joint_density()
    {
        // One Gaussian unit, two hidden: log p(v) = log sum_h exp(-E(v, h)) - log Z, Z = integral of sum_h exp(-E(v, h)) dv
        // by the trapezoid rule on [-40, 40] with step 1e-3; the integrand is a mixture of 4 Gaussians of sd 0.8, so the
        // rule converges geometrically and the box leaves exp(-1000) out.
        var model = Model(1, 2);
        double LogUnnormalised(double v) => LogSpace.LogSumExp(Enumerable.Range(0, 4).Select(h => -model.Energy([v], [h & 1, (h >> 1) & 1])).ToArray());
        const double step = 1e-3;
        var grid = Enumerable.Range(0, 80_001).Select(k => LogUnnormalised(-40 + k * step) + Math.Log(step)).ToArray();
        var logZ = LogSpace.LogSumExp(grid);
        var train = Mat.FromRows([[0.3], [-1.2], [2.5]]);

        var metrics = Valid(Evaluation.ForGaussianBernoulliRbm().Evaluate(RngKey.FromSeed(1), model, train, None, Seq<Mat>()));

        Assert.Equal(new[] { 0.3, -1.2, 2.5 }.Average(v => LogUnnormalised(v) - logZ), Value(metrics, EvaluationMetrics.TrainLogLikelihood), 8);
    }

    [Fact]
    public void Ais_log_likelihood_lies_within_its_error_bar_of_the_exact_value()
    {
        // 3 x 6 model; AIS forced on the coupling path, 100 particles, 500 linear steps.
        var model = Model(3, 6);
        var data = Mat.FromRows([[0.1, 0.4, -0.3], [1.0, -0.2, 0.6], [-0.7, 0.9, 0.2]]);
        var exact = Value(Valid(Evaluation.ForGaussianBernoulliRbm().Evaluate(RngKey.FromSeed(2), model, data, None, Seq<Mat>())), EvaluationMetrics.TrainLogLikelihood);
        var ais = Valid(Evaluation.ForGaussianBernoulliRbm(new EvaluationSettings(ExactMaxUnits: 0, AisSteps: 500)).Evaluate(RngKey.FromSeed(2), model, data, None, Seq<Mat>()));
        var se = Value(ais, EvaluationMetrics.TrainLogLikelihoodStandardError);

        Assert.InRange(se, 1e-6, 0.1);
        Assert.True(Math.Abs(Value(ais, EvaluationMetrics.TrainLogLikelihood) - exact) <= Z * se);
    }

    [Fact]
    public void Reconstruction_error_matches_a_hand_computation_and_chains_give_an_r_hat()
    {
        // v' = b + sigma W sigmoid(c + v W / sigma) with one unit each: W = 0.6 sin(0.4), b = 0.5, c = -0.3, sigma = 0.8.
        var model = Model(1, 1);
        var (w, b, c, sigma) = (0.6 * Math.Sin(0.4), 0.5, -0.3, 0.8);
        double Reconstruct(double v) => b + sigma * w / (1 + Math.Exp(-(c + v * w / sigma)));
        var data = Mat.FromRows([[1.5], [-0.5]]);
        var chains = Mat.FromRows([[0.2], [1.1], [-0.4], [0.7]]);

        var metrics = Valid(Evaluation.ForGaussianBernoulliRbm().Evaluate(RngKey.FromSeed(3), model, data, None, Seq1(chains)));

        var expected = (Math.Pow(1.5 - Reconstruct(1.5), 2) + Math.Pow(-0.5 - Reconstruct(-0.5), 2)) / 2;
        Assert.Equal(expected, Value(metrics, EvaluationMetrics.TrainReconstructionError), 14);
        Assert.Contains(metrics, m => m.Name == EvaluationMetrics.ChainRHat);
    }

    [Fact]
    public void Non_finite_data_is_an_error_naming_the_example()
    {
        var result = Evaluation.ForGaussianBernoulliRbm().Evaluate(RngKey.FromSeed(4), Model(2, 1), Mat.FromRows([[0.0, 1.0], [double.NaN, 2.0]]), None, Seq<Mat>());

        Assert.Equal(TrainingErrors.StateOutsideSupportCode, result.Match(_ => 0, e => e.Code));
    }

    [Fact]
    public void A_metric_that_overflows_is_an_error_naming_it_not_an_infinity()
    {
        // A value of 1e200 is finite, but its squared distance from the mean, 1e400, is not: the log-likelihood would be -infinity.
        var result = Evaluation.ForGaussianBernoulliRbm().Evaluate(RngKey.FromSeed(4), Model(2, 1), Mat.FromRows([[0.0, 1e200]]), None, Seq<Mat>());

        var error = result.Match(m => throw new Xunit.Sdk.XunitException(string.Join(", ", m)), e => e);
        Assert.Equal(EvaluationErrors.MetricNotFiniteCode, error.Code);
        Assert.Contains(EvaluationMetrics.TrainLogLikelihood, error.Message, StringComparison.Ordinal);
    }
}
