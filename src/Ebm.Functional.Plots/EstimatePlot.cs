using Ebm.Functional.Estimation;
using Ebm.Functional.Shell.Io;
using LanguageExt;
using ScottPlot;

namespace Ebm.Functional.Plots;

/// <summary>
/// Draws a log Z estimate as a PNG: the distribution of the log weights relative to their maximum
/// (a long left tail of tiny weights and a few dominant ones is the picture of degeneracy), and the
/// running estimate of log Z_t along the annealing path where the estimator has one. A known exact
/// value is drawn beside the estimate.
/// </summary>
public static class EstimatePlot
{
    /// <summary>Width of the image in pixels.</summary>
    public const int Width = 1200;

    /// <summary>Height of the image in pixels.</summary>
    public const int Height = 500;

    /// <summary>Most histogram bins.</summary>
    public const int MaxBins = 60;

    /// <summary>Renders the panels and writes them to <paramref name="path"/> through <see cref="AtomicFile"/> (atomically for a regular file, in place for a device or FIFO).</summary>
    public static Fin<Unit> SavePng(string path, LogZEstimate estimate, string title, double? exactLogZ = null) =>
        AtomicFile.WriteAllBytes(path, RenderPng(estimate, title, exactLogZ));

    /// <summary>The PNG bytes of the panels.</summary>
    public static byte[] RenderPng(LogZEstimate estimate, string title, double? exactLogZ = null)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var withWeights = estimate.Parts.Filter(p => p.LogWeights.Length > 0).ToList();
        if (estimate.LogWeights.Length > 0) withWeights.Insert(0, estimate);
        var traced = estimate.Parts.Filter(p => p.Trace.Count > 0).ToList();
        if (estimate.Trace.Count > 0) traced.Insert(0, estimate);

        var panels = (withWeights.Count > 0 ? 1 : 0) + (traced.Count > 0 ? 1 : 0);
        var multiplot = new Multiplot();
        multiplot.AddPlots(Math.Max(1, panels));
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows: 1, columns: Math.Max(1, panels));
        var index = 0;
        if (withWeights.Count > 0) Histogram(multiplot.GetPlot(index++), withWeights, $"{title}: log weights");
        if (traced.Count > 0) Running(multiplot.GetPlot(index++), traced, $"{title}: running estimate", exactLogZ);
        if (panels == 0)
        {
            var plot = multiplot.GetPlot(0);
            plot.Add.Scatter(new[] { 0.0 }, new[] { estimate.LogZ }, Colors.C0);
            plot.Title($"{title}: log Z = {estimate.LogZ:G10} ± {estimate.StandardError:G3}", 14);
        }

        return multiplot.Render(Width, Height).GetImageBytes(ImageFormat.Png);
    }

    private static void Histogram(Plot plot, List<LogZEstimate> estimates, string title)
    {
        var palette = new[] { Colors.C0, Colors.C1, Colors.C2, Colors.C3 };
        var series = 0;
        foreach (var e in estimates)
        {
            var finite = e.LogWeights.Span.ToArray().Where(double.IsFinite).ToArray();
            if (finite.Length == 0) continue;
            var max = finite.Max();
            var relative = finite.Select(x => x - max).ToArray();
            var low = relative.Min();
            var bins = Math.Clamp((int)Math.Ceiling(Math.Sqrt(relative.Length)), 1, MaxBins);
            var width = low < 0 ? -low / bins : 1.0;
            var counts = new double[bins];
            foreach (var x in relative) counts[Math.Clamp((int)((x - low) / width), 0, bins - 1)]++;
            var bars = Enumerable.Range(0, bins).Select(i => new Bar
            {
                Position = low + (i + 0.5) * width,
                Value = counts[i],
                Size = width * 0.95,
                FillColor = palette[series % palette.Length].WithAlpha(0.6),
            }).ToArray();
            var plotted = plot.Add.Bars(bars);
            plotted.LegendText = $"{e.Method}: ESS {e.Ess:G3} of {e.Samples}";
            series++;
        }

        plot.ShowLegend();
        plot.Title(title, 14);
        plot.XLabel("log w − max log w", 12);
        plot.YLabel("particles", 12);
    }

    private static void Running(Plot plot, List<LogZEstimate> estimates, string title, double? exactLogZ)
    {
        var palette = new[] { Colors.C0, Colors.C1, Colors.C2, Colors.C3 };
        for (var s = 0; s < estimates.Count; s++)
        {
            var trace = estimates[s].Trace;
            var line = plot.Add.Scatter(trace.Points.ToArray(), trace.LogZ.ToArray(), palette[s % palette.Length]);
            line.MarkerSize = trace.Count <= 60 ? 4 : 0;
            line.LegendText = estimates[s].Method;
        }

        if (exactLogZ is { } exact && double.IsFinite(exact))
        {
            var marker = plot.Add.Marker(1.0, exact, MarkerShape.FilledDiamond, 10, Colors.Black);
            marker.LegendText = $"exact log Z = {exact:G10}";
        }

        plot.ShowLegend();
        plot.Title(title, 14);
        plot.XLabel("path position t (β = t × target β on tempered paths)", 12);
        plot.YLabel("log Z_t", 12);
    }
}
