using Ebm.Functional.Shell.Io;
using Ebm.Functional.Training;
using LanguageExt;
using ScottPlot;

namespace Ebm.Functional.Plots;

/// <summary>
/// Draws the learning curve of a training run as a PNG: the average log-likelihood of the training data and of the test
/// data against the epoch, each with its 95 % error band (estimate ± 1.96 standard errors, the AIS error of log Z; a
/// line where log Z is exact), and a reference level such as the best achievable value (-log N on N distinct examples).
/// </summary>
/// <remarks>
/// The points are the evaluations of the run, each with the metrics of <see cref="EvaluationMetrics"/>. Where no
/// evaluation has a log-likelihood (a model too large for every estimator the run was given), the pseudo-log-likelihoods
/// are drawn instead. Non-finite values are left out. The file is written through <see cref="AtomicFile"/>.
/// </remarks>
public static class LearningCurvePlot
{
    /// <summary>Width of the image in pixels.</summary>
    public const int Width = 1000;

    /// <summary>Height of the image in pixels.</summary>
    public const int Height = 600;

    /// <summary>The band's half-width in standard errors: the two-sided 95 % normal quantile.</summary>
    public const double BandStandardErrors = 1.96;

    /// <summary>Renders the curve and writes it to <paramref name="path"/> through <see cref="AtomicFile"/>.</summary>
    /// <param name="path">The PNG file.</param>
    /// <param name="evaluations">The evaluations in order: the epoch each followed and its metrics.</param>
    /// <param name="title">The title.</param>
    /// <param name="reference">A level to draw as a dashed line (the best achievable log-likelihood), with its label.</param>
    public static Fin<Unit> SavePng(string path, IReadOnlyList<(double Epoch, Seq<Metric> Metrics)> evaluations, string title, (double Value, string Label)? reference = null) =>
        AtomicFile.WriteAllBytes(path, RenderPng(evaluations, title, reference));

    /// <summary>The PNG bytes of the curve.</summary>
    /// <param name="evaluations">The evaluations in order: the epoch each followed and its metrics.</param>
    /// <param name="title">The title.</param>
    /// <param name="reference">A level to draw as a dashed line, with its label.</param>
    public static byte[] RenderPng(IReadOnlyList<(double Epoch, Seq<Metric> Metrics)> evaluations, string title, (double Value, string Label)? reference = null)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        var plot = new Plot();
        var likelihood = evaluations.Any(e => e.Metrics.Exists(m => m.Name == EvaluationMetrics.TrainLogLikelihood));
        var drawn = likelihood
            ? Series(plot, evaluations, EvaluationMetrics.TrainLogLikelihood, EvaluationMetrics.TrainLogLikelihoodStandardError, "train", Colors.C0)
              + Series(plot, evaluations, EvaluationMetrics.TestLogLikelihood, EvaluationMetrics.TestLogLikelihoodStandardError, "test", Colors.C1)
            : Series(plot, evaluations, EvaluationMetrics.TrainPseudoLogLikelihood, null, "train", Colors.C0)
              + Series(plot, evaluations, EvaluationMetrics.TestPseudoLogLikelihood, null, "test", Colors.C1);
        if (reference is { } level && double.IsFinite(level.Value))
        {
            var line = plot.Add.HorizontalLine(level.Value, 1, Colors.Black, LinePattern.Dashed);
            line.LegendText = level.Label;
        }

        if (drawn > 0 || reference is not null) plot.ShowLegend(Alignment.LowerRight);
        plot.Title(title, 14);
        plot.XLabel("epoch", 12);
        plot.YLabel(likelihood ? "average log-likelihood (nats), ± 1.96 se" : "average pseudo-log-likelihood (nats)", 12);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>Adds one series (and its band when it has a standard error) and returns the number of points drawn.</summary>
    private static int Series(Plot plot, IReadOnlyList<(double Epoch, Seq<Metric> Metrics)> evaluations, string name, string? errorName, string label, Color color)
    {
        var points = evaluations
            .Select(e => (e.Epoch, Value: Find(e.Metrics, name), Error: errorName is null ? 0.0 : Find(e.Metrics, errorName)))
            .Where(p => double.IsFinite(p.Epoch) && double.IsFinite(p.Value))
            .Select(p => (p.Epoch, p.Value, Error: double.IsFinite(p.Error) ? p.Error : 0.0))
            .ToArray();
        if (points.Length == 0) return 0;
        if (points.Any(p => p.Error > 0))
        {
            var band = plot.Add.FillY(
                points.Select(p => p.Epoch).ToArray(),
                points.Select(p => p.Value - BandStandardErrors * p.Error).ToArray(),
                points.Select(p => p.Value + BandStandardErrors * p.Error).ToArray());
            band.FillColor = color.WithAlpha(0.25);
            band.LineWidth = 0;
        }

        var line = plot.Add.Scatter(points.Select(p => p.Epoch).ToArray(), points.Select(p => p.Value).ToArray(), color);
        line.MarkerSize = points.Length <= 60 ? 4 : 0;
        line.LegendText = label;
        return points.Length;
    }

    private static double Find(Seq<Metric> metrics, string name) => metrics.Find(m => m.Name == name).Match(m => m.Value, () => double.NaN);
}
