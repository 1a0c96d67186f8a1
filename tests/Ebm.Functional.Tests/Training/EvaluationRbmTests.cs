using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Training;

public sealed class EvaluationRbmTests
{
    private static readonly RngKey Key = RngKey.FromSeed(11);

    /// <summary>A 3 x 2 RBM with weights of both signs and of order 1, so no state dominates.</summary>
    private static BernoulliRbm Tiny() => BernoulliRbm.Create(
        Mat.From(3, 2, [0.8, -1.1, 0.3, 0.9, -0.6, 0.4]), Vec.Of(0.2, -0.5, 0.1), Vec.Of(-0.3, 0.6)).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    private static Mat Rows(params double[][] rows) => Mat.FromRows(rows);

    private static double Value(Seq<Metric> metrics, string name) => metrics.Find(m => m.Name == name).Match(m => m.Value, () => throw new Xunit.Sdk.XunitException($"no metric {name}"));

    /// <summary>log p(v) by summing exp(-E(v, h)) over every joint state: the definition, independent of the layer sum.</summary>
    private static double BruteForceAverageLogLikelihood(BernoulliRbm model, Mat data) => BruteForce(model, data).LogLikelihood;

    /// <summary>The average pseudo-log-likelihood by its definition: sum_i log p(v) - log(p(v) + p(v with i flipped)) from the joint sums.</summary>
    private static double BruteForceAveragePseudoLogLikelihood(BernoulliRbm model, Mat data) => BruteForce(model, data).PseudoLogLikelihood;

    private static (double LogLikelihood, double PseudoLogLikelihood) BruteForce(BernoulliRbm model, Mat data)
    {
        int nv = model.Visible, nh = model.Hidden;
        var joint = new List<double>();
        var byVisible = new double[1 << nv][];
        for (var v = 0; v < 1 << nv; v++)
        {
            var terms = new double[1 << nh];
            for (var h = 0; h < 1 << nh; h++)
            {
                var vs = Enumerable.Range(0, nv).Select(i => (double)((v >> i) & 1)).ToArray();
                var hs = Enumerable.Range(0, nh).Select(j => (double)((h >> j) & 1)).ToArray();
                terms[h] = -model.Energy(vs, hs);
                joint.Add(terms[h]);
            }

            byVisible[v] = terms;
        }

        var logZ = LogSpace.LogSumExp(joint.ToArray());
        var (total, pseudo) = (0.0, 0.0);
        for (var r = 0; r < data.Rows; r++)
        {
            var index = 0;
            for (var i = 0; i < nv; i++) index |= (int)data[r, i] << i;
            var logMarginal = LogSpace.LogSumExp(byVisible[index]);
            total += logMarginal - logZ;
            for (var i = 0; i < nv; i++)
                pseudo += logMarginal - LogSpace.LogSumExp([logMarginal, LogSpace.LogSumExp(byVisible[index ^ (1 << i)])]);
        }

        return (total / data.Rows, pseudo / data.Rows);
    }

    [Fact]
    public void Exact_log_likelihoods_match_the_sum_over_every_joint_state()
    {
        var model = Tiny();
        var train = Rows([1, 0, 1], [0, 0, 1], [1, 1, 1]);
        var test = Rows([0, 1, 0], [1, 1, 0]);

        var metrics = Evaluation.ForBernoulliRbm().Evaluate(Key, model, train, Some(test), Seq<Mat>()).Match(m => m, e => throw new Xunit.Sdk.XunitException(e.Message));

        Assert.Equal(BruteForceAverageLogLikelihood(model, train), Value(metrics, EvaluationMetrics.TrainLogLikelihood), 12);
        Assert.Equal(BruteForceAverageLogLikelihood(model, test), Value(metrics, EvaluationMetrics.TestLogLikelihood), 12);
        Assert.Equal(BruteForceAveragePseudoLogLikelihood(model, train), Value(metrics, EvaluationMetrics.TrainPseudoLogLikelihood), 12);
        Assert.Equal(BruteForceAveragePseudoLogLikelihood(model, test), Value(metrics, EvaluationMetrics.TestPseudoLogLikelihood), 12);
        Assert.Equal(0.0, Value(metrics, EvaluationMetrics.TrainLogLikelihoodStandardError));
        Assert.Equal(0.0, Value(metrics, EvaluationMetrics.LogPartitionStandardError));
        Assert.False(metrics.Exists(m => m.Name == EvaluationMetrics.LogPartitionLower));
        Assert.False(metrics.Exists(m => m.Name == EvaluationMetrics.ChainRHat));
    }

    [Fact]
    public void The_pseudo_log_likelihood_reads_at_most_the_stated_number_of_evenly_spaced_examples()
    {
        var model = Tiny();
        var train = Rows([1, 0, 1], [0, 0, 0], [1, 1, 1], [0, 1, 0]);

        var metrics = Evaluation.ForBernoulliRbm(new EvaluationSettings(MaxPseudoLikelihoodExamples: 2)).Evaluate(Key, model, train, None, Seq<Mat>())
            .Match(m => m, e => throw new Xunit.Sdk.XunitException(e.Message));

        Assert.Equal(BruteForceAveragePseudoLogLikelihood(model, Rows([1, 0, 1], [1, 1, 1])), Value(metrics, EvaluationMetrics.TrainPseudoLogLikelihood), 12);
        Assert.Equal(BruteForceAverageLogLikelihood(model, train), Value(metrics, EvaluationMetrics.TrainLogLikelihood), 12);
    }

    [Fact]
    public void Test_metrics_are_absent_without_test_data()
    {
        var metrics = Evaluation.ForBernoulliRbm().Evaluate(Key, Tiny(), Rows([1, 0, 1]), None, Seq<Mat>()).Match(m => m, e => throw new Xunit.Sdk.XunitException(e.Message));

        Assert.DoesNotContain(metrics, m => m.Name.StartsWith("test-", StringComparison.Ordinal));
        Assert.Contains(metrics, m => m.Name == EvaluationMetrics.TrainReconstructionError);
    }

    [Fact]
    public void Reconstruction_error_matches_a_hand_computation()
    {
        // One visible and one hidden unit, W = 2, b = -1, c = 0.5: for v = 1, p(h) = sigmoid(2.5), v' = sigmoid(-1 + 2 p(h)),
        // error (1 - v')^2; for v = 0, p(h) = sigmoid(0.5), v' = sigmoid(-1 + 2 p(h)), error v'^2.
        var model = BernoulliRbm.Create(Mat.From(1, 1, [2.0]), Vec.Of(-1.0), Vec.Of(0.5)).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
        var one = 1 - Sigmoid(-1 + 2 * Sigmoid(2.5));
        var zero = Sigmoid(-1 + 2 * Sigmoid(0.5));

        var error = Evaluation.ReconstructionError(model, Rows([1], [0]));

        Assert.Equal((one * one + zero * zero) / 2, error, 14);
    }

    [Fact]
    public void Data_of_the_wrong_width_is_an_error_naming_the_widths()
    {
        var result = Evaluation.ForBernoulliRbm().Evaluate(Key, Tiny(), Rows([1, 0]), None, Seq<Mat>());

        Assert.Equal(TrainingErrors.WrongWidthCode, result.Match(_ => 0, e => e.Code));
    }

    [Fact]
    public void Test_values_outside_zero_one_are_an_error_naming_the_example()
    {
        var result = Evaluation.ForBernoulliRbm().Evaluate(Key, Tiny(), Rows([1, 0, 1]), Some(Rows([1, 0.5, 1])), Seq<Mat>());

        var error = result.Match(_ => throw new Xunit.Sdk.XunitException("accepted 0.5"), e => e);
        Assert.Equal(TrainingErrors.StateOutsideSupportCode, error.Code);
        Assert.Contains("example 1, value 2 is 0.5", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1000, 20)]
    [InlineData(100, 0, 20)]
    [InlineData(100, 1000, 3)]
    [InlineData(100, 1000, 20, 0)]
    public void Settings_out_of_range_are_an_error(int particles, int steps, int chainSteps, int pllExamples = 1000)
    {
        var settings = new EvaluationSettings(AisParticles: particles, AisSteps: steps, ChainSteps: chainSteps, MaxPseudoLikelihoodExamples: pllExamples);

        var result = Evaluation.ForBernoulliRbm(settings).Evaluate(Key, Tiny(), Rows([1, 0, 1]), None, Seq<Mat>());

        Assert.Equal(TrainingErrors.InvalidSettingCode, result.Match(_ => 0, e => e.Code));
    }

    [Fact]
    public void A_log_z_estimate_that_overflows_is_an_evaluation_error_not_a_number()
    {
        // Weights of 1e308: the field of v = (1, 1) is 2e308, beyond the largest double, so the estimate is not finite.
        var diverged = BernoulliRbm.Create(Mat.From(2, 1, [1e308, 1e308]), Vec.Zeros(2), Vec.Zeros(1)).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var settings = new EvaluationSettings(ExactMaxUnits: 0, SandwichMaxUnits: 0, AisSteps: 10);

        var result = Evaluation.ForBernoulliRbm(settings).Evaluate(Key, diverged, Rows([1, 1], [0, 1]), None, Seq<Mat>());

        Assert.Equal(EvaluationErrors.EstimateNotFiniteCode, result.Match(m => throw new Xunit.Sdk.XunitException(string.Join(", ", m)), e => e.Code));
    }

    [Fact]
    public void Chains_of_a_third_width_are_an_error()
    {
        var result = Evaluation.ForBernoulliRbm().Evaluate(Key, Tiny(), Rows([1, 0, 1]), None, Seq1(Mat.Zeros(4, 4)));

        Assert.Equal(TrainingErrors.ChainsMismatchCode, result.Match(_ => 0, e => e.Code));
    }

    [Fact]
    public void The_same_key_gives_the_same_bits_by_ais()
    {
        var model = Tiny();
        var evaluator = Evaluation.ForBernoulliRbm(new EvaluationSettings(ExactMaxUnits: 0, AisSteps: 50));
        var train = Rows([1, 0, 1], [0, 0, 1]);
        var chains = Seq1(Rows([1, 0, 1], [0, 1, 1], [1, 1, 0], [0, 0, 0]));

        var first = evaluator.Evaluate(Key, model, train, None, chains).Match(m => m, e => throw new Xunit.Sdk.XunitException(e.Message));
        var second = evaluator.Evaluate(Key, model, train, None, chains).Match(m => m, e => throw new Xunit.Sdk.XunitException(e.Message));

        Assert.Equal(first, second);
        Assert.Contains(first, m => m.Name == EvaluationMetrics.ChainRHat);
        Assert.Contains(first, m => m.Name == EvaluationMetrics.LogPartitionUpper);
    }
}
