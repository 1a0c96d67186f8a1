using Ebm.Functional.Thermo;
using LanguageExt;
using ScottPlot;

namespace Ebm.Functional.Plots;

/// <summary>
/// Draws a density of states as a PNG: ln g(E) against E with its error bars, the exact ln g(E) overlaid where it is
/// known, and then a second panel of the difference sampled - exact with the same error bars (the check of the run).
/// </summary>
/// <remarks>
/// Energies with a non-finite error (found by a single walker) are drawn without a bar.
/// <example><code>
/// byte[] png = DensityOfStatesPlot.RenderPng(sampled, exact, "ising 8x8 (wang-landau)");
/// </code></example>
/// </remarks>
public static class DensityOfStatesPlot
{
    /// <summary>Width of the image in pixels.</summary>
    public const int Width = 1200;

    /// <summary>Height of the image in pixels (one panel: half of it).</summary>
    public const int Height = 900;

    /// <summary>The PNG bytes of the plot of <paramref name="density"/>, beside <paramref name="exact"/> when given.</summary>
    public static byte[] RenderPng(DensityOfStates density, Option<DensityOfStates> exact, string title)
    {
        ArgumentNullException.ThrowIfNull(density);
        var comparable = exact.Filter(e => !ReferenceEquals(e, density) && e.Method != density.Method);
        var multiplot = new Multiplot();
        multiplot.AddPlots(comparable.IsSome ? 2 : 1);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows: comparable.IsSome ? 2 : 1, columns: 1);
        LogG(multiplot.GetPlot(0), density, comparable, title);
        comparable.IfSome(e => Difference(multiplot.GetPlot(1), density, e, title));
        return multiplot.Render(Width, comparable.IsSome ? Height : Height / 2).GetImageBytes(ImageFormat.Png);
    }

    private static void LogG(Plot plot, DensityOfStates density, Option<DensityOfStates> exact, string title)
    {
        var energies = density.Energies.Span.ToArray();
        var logG = density.LogG.Span.ToArray();
        exact.IfSome(e =>
        {
            var line = plot.Add.Scatter(e.Energies.Span.ToArray(), e.LogG.Span.ToArray(), Colors.Black);
            line.MarkerSize = 0;
            line.LegendText = "exact";
        });
        var points = plot.Add.Scatter(energies, logG, Colors.C0);
        points.LineWidth = 0;
        points.MarkerSize = energies.Length <= 400 ? 5 : 2;
        points.LegendText = density.Method;
        Bars(plot, energies, logG, density.LogGError.Span.ToArray());
        plot.ShowLegend(Alignment.LowerCenter);
        plot.Title($"{title}: ln g(E)", 14);
        plot.XLabel("energy E", 12);
        plot.YLabel("ln g(E)", 12);
    }

    private static void Difference(Plot plot, DensityOfStates density, DensityOfStates exact, string title)
    {
        var matched = Enumerable.Range(0, density.Energies.Length)
            .SelectMany(k => exact.LevelOf(density.Energies[k]).Map(e => (Level: k, Exact: e)).ToSeq()).ToArray();
        var shared = matched.Select(p => p.Level).ToArray();
        var energies = shared.Select(k => density.Energies[k]).ToArray();
        var differences = matched.Select(p => density.LogG[p.Level] - exact.LogG[p.Exact]).ToArray();
        var zero = plot.Add.HorizontalLine(0.0, 1, Colors.Black);
        zero.LegendText = "exact";
        var points = plot.Add.Scatter(energies, differences, Colors.C1);
        points.LineWidth = 0;
        points.MarkerSize = energies.Length <= 400 ? 5 : 2;
        points.LegendText = $"{density.Method} − exact";
        Bars(plot, energies, differences, shared.Select(k => density.LogGError[k]).ToArray());
        plot.ShowLegend(Alignment.UpperRight);
        plot.Title($"{title}: ln g(E) − exact ln g(E), with one standard error", 14);
        plot.XLabel("energy E", 12);
        plot.YLabel("Δ ln g(E)", 12);
    }

    private static void Bars(Plot plot, double[] x, double[] y, double[] errors)
    {
        var keep = Enumerable.Range(0, x.Length).Where(i => double.IsFinite(errors[i]) && errors[i] > 0).ToArray();
        if (keep.Length == 0) return;
        var bars = plot.Add.ErrorBar(keep.Select(i => x[i]).ToArray(), keep.Select(i => y[i]).ToArray(), keep.Select(i => errors[i]).ToArray());
        bars.Color = Colors.Gray;
    }
}
