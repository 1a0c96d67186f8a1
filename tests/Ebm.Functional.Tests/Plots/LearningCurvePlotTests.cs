using System.Buffers.Binary;
using Ebm.Functional.Plots;
using Ebm.Functional.Training;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Plots;

public sealed class LearningCurvePlotTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static (double, Seq<Metric>) Evaluation(double epoch, params (string Name, double Value)[] metrics) =>
        (epoch, metrics.Select(m => new Metric(m.Name, m.Value)).ToSeq());

    private static void AssertPng(byte[] png)
    {
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal(LearningCurvePlot.Width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(LearningCurvePlot.Height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    [Fact]
    public void Draws_ais_log_likelihoods_with_their_band_and_a_reference_level()
    {
        var evaluations = Enumerable.Range(0, 10).Select(e => Evaluation(e,
            (EvaluationMetrics.TrainLogLikelihood, -10 + e), (EvaluationMetrics.TrainLogLikelihoodStandardError, 0.2),
            (EvaluationMetrics.TestLogLikelihood, -10.5 + e), (EvaluationMetrics.TestLogLikelihoodStandardError, 0.2))).ToList();

        AssertPng(LearningCurvePlot.RenderPng(evaluations, "rbm", (-Math.Log(30), "best: -log 30")));
    }

    [Fact]
    public void Draws_exact_log_likelihoods_without_a_band_and_skips_non_finite_values()
    {
        var evaluations = new List<(double, Seq<Metric>)>
        {
            Evaluation(0, (EvaluationMetrics.TrainLogLikelihood, -8), (EvaluationMetrics.TrainLogLikelihoodStandardError, 0)),
            Evaluation(1, (EvaluationMetrics.TrainLogLikelihood, double.NaN), (EvaluationMetrics.TrainLogLikelihoodStandardError, 0)),
            Evaluation(2, (EvaluationMetrics.TrainLogLikelihood, -5), (EvaluationMetrics.TrainLogLikelihoodStandardError, double.PositiveInfinity)),
        };

        AssertPng(LearningCurvePlot.RenderPng(evaluations, "exact"));
    }

    [Fact]
    public void Falls_back_to_pseudo_log_likelihoods_and_renders_an_empty_run()
    {
        AssertPng(LearningCurvePlot.RenderPng([Evaluation(1, (EvaluationMetrics.TrainPseudoLogLikelihood, -4))], "pll only"));
        AssertPng(LearningCurvePlot.RenderPng([], "no evaluations"));
    }

    [Fact]
    public void SavePng_writes_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ebm-curve-{Guid.NewGuid():N}.png");
        try
        {
            Assert.True(LearningCurvePlot.SavePng(path, [Evaluation(0, (EvaluationMetrics.TrainLogLikelihood, -3))], "one point").IsSucc);
            Assert.Equal(PngSignature, File.ReadAllBytes(path)[..8]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
