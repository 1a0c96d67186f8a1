using Ebm.Functional.Exact;
using Ebm.Functional.Shell.Io;
using LanguageExt;
using ScottPlot;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Plots;

/// <summary>
/// Draws exact thermodynamics against beta or T as a PNG: internal energy U, heat capacity C,
/// free energy F and entropy S, one panel each, totals over the model.
/// </summary>
/// <remarks>
/// U = &lt;E&gt;, C = beta^2 Var(E), F = -log Z / beta, S = beta (U - F). Non-finite values (F at beta = 0)
/// are left out of their panel. The file is written through <see cref="AtomicFile"/>: atomically for a regular
/// file, in place for a device or FIFO.
/// <example><code>
/// var rows = LogPartition.Sweep(model, betas);
/// rows.Bind(r =&gt; ThermoPlot.SavePng("thermo.png", r, "ising 4x4", ThermoAxis.Beta));
/// </code></example>
/// </remarks>
public static class ThermoPlot
{
    /// <summary>Width of the image in pixels.</summary>
    public const int Width = 1200;

    /// <summary>Height of the image in pixels.</summary>
    public const int Height = 900;

    /// <summary>Renders the four panels and writes them to <paramref name="path"/> as a PNG through <see cref="AtomicFile"/>.</summary>
    public static Fin<Unit> SavePng(string path, IReadOnlyList<ExactResult> rows, string title, ThermoAxis axis) =>
        AtomicFile.WriteAllBytes(path, RenderPng(rows, title, axis));

    /// <summary>The PNG bytes of the four panels.</summary>
    public static byte[] RenderPng(IReadOnlyList<ExactResult> rows, string title, ThermoAxis axis)
    {
        var points = axis == ThermoAxis.Temperature ? rows.Where(r => r.Beta > 0).ToList() : rows.ToList();
        var x = points.Select(r => axis == ThermoAxis.Temperature ? 1.0 / r.Beta : r.Beta).ToArray();
        var xLabel = axis == ThermoAxis.Temperature ? "temperature T = 1/β" : "inverse temperature β";

        var multiplot = new Multiplot();
        multiplot.AddPlots(4);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows: 2, columns: 2);
        Panel(multiplot.GetPlot(0), x, points.Select(r => r.MeanEnergy), xLabel, "internal energy U = ⟨E⟩", $"{title}: U", Colors.C0);
        Panel(multiplot.GetPlot(1), x, points.Select(r => r.HeatCapacity), xLabel, "heat capacity C = β² Var E", $"{title}: C", Colors.C1);
        Panel(multiplot.GetPlot(2), x, points.Select(r => r.FreeEnergy), xLabel, "free energy F = −log Z / β", $"{title}: F", Colors.C2);
        Panel(multiplot.GetPlot(3), x, points.Select(r => r.Entropy), xLabel, "entropy S = β (U − F)", $"{title}: S", Colors.C3);
        return multiplot.Render(Width, Height).GetImageBytes(ImageFormat.Png);
    }

    private static void Panel(Plot plot, double[] x, IEnumerable<double> y, string xLabel, string yLabel, string title, Color color)
    {
        var ys = y.ToArray();
        var keep = Enumerable.Range(0, x.Length).Where(i => double.IsFinite(x[i]) && double.IsFinite(ys[i])).ToArray();
        var scatter = plot.Add.Scatter(keep.Select(i => x[i]).ToArray(), keep.Select(i => ys[i]).ToArray(), color);
        scatter.MarkerSize = keep.Length <= 60 ? 5 : 0;
        if (keep.Length > 0) FlatSeriesLimits(plot, keep.Min(i => ys[i]), keep.Max(i => ys[i]));
        plot.Title(title, 14);
        plot.XLabel(xLabel, 12);
        plot.YLabel(yLabel, 12);
    }

    /// <summary>
    /// A constant series (a Gaussian's C = d/2) would otherwise be autoscaled onto its rounding
    /// noise and drawn as a jagged line; give it a window around its value instead.
    /// </summary>
    private static void FlatSeriesLimits(Plot plot, double min, double max)
    {
        if (max - min > 1e-9 * Math.Max(1.0, Math.Abs(max))) return;
        var margin = Math.Max(0.5 * Math.Abs(max), 1.0);
        plot.Axes.SetLimitsY(min - margin, max + margin);
    }
}
