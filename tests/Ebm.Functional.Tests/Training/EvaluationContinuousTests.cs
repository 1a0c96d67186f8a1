using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Training;

/// <summary>The evaluators of neural energies: exact log-likelihoods by quadrature on the box of 2-D models, mean energies, accuracy.</summary>
public sealed class EvaluationContinuousTests
{
    private static T Succ<T>(Fin<T> result) => result.Match(v => v, e => throw new Xunit.Sdk.XunitException(e.Message));

    private static T Valid<T>(Validation<LanguageExt.Common.Error, T> result) => result.Match(v => v, e => throw new Xunit.Sdk.XunitException(e.Head.Message));

    private static double Value(Seq<Metric> metrics, string name) =>
        metrics.Find(m => m.Name == name).Match(m => m.Value, () => throw new Xunit.Sdk.XunitException($"no metric {name}"));

    /// <summary>E(x) = sum over both coordinates of sp(u) + sp(-u), u = (x - shift) / scale: exp(-E) integrates to tanh(L / 2) per unit of u over [-L, L].</summary>
    private static MlpEnergy SoftplusPairs(Vec shift, Vec scale) => Valid(MlpEnergy.Create(
        Valid(Mlp.Create(Seq(
            new MlpLayer(Mat.FromRows([[1, 0], [-1, 0], [0, 1], [0, -1]]), Vec.Of(0, 0, 0, 0)),
            new MlpLayer(Mat.FromRows([[1, 1, 1, 1]]), Vec.Of(0))), MlpActivation.Softplus)),
        Valid(InputScaling.Create(shift, scale))));

    [Fact]
    public void A_2d_mlp_energy_gets_the_exact_log_likelihood_of_its_density_on_the_box()
    {
        var model = SoftplusPairs(Vec.Of(0.5, -1), Vec.Of(2, 1));
        // Box: 6 standard deviations, u in [-6, 6]^2; Z in x units = tanh(3)^2 times the Jacobian 2 x 1.
        var logZ = Math.Log(2) + 2 * Math.Log(Math.Tanh(3));
        var train = Mat.FromRows([[0.5, -1], [3, 0], [-2, 1.5]]);
        var test = Mat.FromRows([[1, 1]]);
        var metrics = Succ(Evaluation.ForMlpEnergy().Evaluate(RngKey.FromSeed(1), model, train, Some(test), Seq<Mat>()));
        Assert.Equal(logZ, Value(metrics, EvaluationMetrics.LogPartition), 1e-9);
        var trainEnergy = model.Energies(train).Span.ToArray().Average();
        Assert.Equal(-trainEnergy - logZ, Value(metrics, EvaluationMetrics.TrainLogLikelihood), 1e-9);
        Assert.Equal(-model.Energy([1, 1]) - logZ, Value(metrics, EvaluationMetrics.TestLogLikelihood), 1e-9);
        Assert.Equal(0.0, Value(metrics, EvaluationMetrics.TestLogLikelihoodStandardError));
        Assert.Equal(trainEnergy, Value(metrics, EvaluationMetrics.TrainMeanEnergy), 1e-12);
        Assert.True(Value(metrics, EvaluationMetrics.LogPartitionQuadratureError) < 1e-8);
    }

    [Fact]
    public void The_box_is_six_standard_deviations_about_the_shift()
    {
        var box = Ebm.Functional.Exact.BoxQuadrature.Box(Valid(InputScaling.Create(Vec.Of(0.5, -1), Vec.Of(2, 0.25))));
        Assert.Equal((-11.5, 12.5, -2.5, 0.5), (box.XMin, box.XMax, box.YMin, box.YMax));
    }

    [Fact]
    public void An_example_outside_the_box_is_an_error_that_names_it()
    {
        var model = SoftplusPairs(Vec.Of(0, 0), Vec.Of(1, 1));
        var error = Evaluation.ForMlpEnergy().Evaluate(RngKey.FromSeed(1), model, Mat.FromRows([[0, 0]]), Some(Mat.FromRows([[0, 0], [7, 0]])), Seq<Mat>())
            .Match(_ => throw new Xunit.Sdk.XunitException("expected a failure"), e => e);
        Assert.Equal(EvaluationErrors.OutsideBoxCode, error.Code);
        Assert.StartsWith("the test example 2, (7, 0), lies outside the box [-6, 6] x [-6, 6]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_in_more_dimensions_reports_mean_energies_only()
    {
        var network = Valid(Mlp.Create(Seq1(new MlpLayer(Mat.FromRows([[1, 2, 3]]), Vec.Of(0.5))), MlpActivation.Tanh));
        var model = Valid(MlpEnergy.Create(network));
        var metrics = Succ(Evaluation.ForMlpEnergy().Evaluate(RngKey.FromSeed(1), model, Mat.FromRows([[1, 0, 0], [0, 1, 0]]), None, Seq<Mat>()));
        Assert.Equal(new[] { EvaluationMetrics.TrainMeanEnergy }, metrics.Map(m => m.Name).ToArray());
        Assert.Equal(2.0, Value(metrics, EvaluationMetrics.TrainMeanEnergy), 14);
    }

    [Fact]
    public void A_classifier_reads_labels_from_the_last_column_and_reports_its_accuracy()
    {
        // Logits f(x) = (x1, -x1): class 0 where x1 > 0.
        var network = Valid(Mlp.Create(Seq1(new MlpLayer(Mat.FromRows([[1, 0], [-1, 0]]), Vec.Of(0, 0))), MlpActivation.Softplus));
        var model = Valid(MlpClassifier.Create(network));
        var train = Mat.FromRows([[1, 0, 0], [2, 1, 0], [-1, 0, 1], [0.5, 0, 1]]);
        var metrics = Succ(Evaluation.ForMlpClassifier().Evaluate(RngKey.FromSeed(1), model, train, Some(Mat.FromRows([[-3, 0, 1]])), Seq<Mat>()));
        Assert.Equal(0.75, Value(metrics, EvaluationMetrics.TrainAccuracy));
        Assert.Equal(1.0, Value(metrics, EvaluationMetrics.TestAccuracy));
        // One test point, confidence softmax(-3, 3)[1] = sigmoid(6), correct: ECE = 1 - sigmoid(6).
        Assert.Equal(1 - 1 / (1 + Math.Exp(-6)), Value(metrics, EvaluationMetrics.TestCalibrationError), 14);
        Assert.Contains(metrics, m => m.Name == EvaluationMetrics.TestLogLikelihood);

        var bad = Evaluation.ForMlpClassifier().Evaluate(RngKey.FromSeed(1), model, Mat.FromRows([[1, 0, 2]]), None, Seq<Mat>());
        Assert.Contains("outside the class indices 0..1", bad.Match(_ => "", e => e.Message), StringComparison.Ordinal);
    }
}
