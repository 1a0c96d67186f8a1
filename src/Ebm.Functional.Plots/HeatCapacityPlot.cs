using Ebm.Functional.Thermo;
using LanguageExt;
using ScottPlot;

namespace Ebm.Functional.Plots;

/// <summary>
/// Draws the heat capacity per unit C / N against the temperature T = 1/beta as a PNG: sampled points with one-sigma
/// error bars, the method's smooth curve between them (reweighting), the exact curve of the same finite model, and a
/// reference curve given per unit (Onsager's infinite lattice), so a finite-size peak and a sampling error show together.
/// </summary>
/// <remarks>
/// Points at beta = 0 (T infinite) and non-finite values (the reference's divergence at a critical point) are left out.
/// <example><code>
/// var png = HeatCapacityPlot.RenderPng(points, Some(curve), exact, onsager, "Onsager (1944), N → ∞", 64, "Ising 8 x 8 torus");
/// </code></example>
/// </remarks>
public static class HeatCapacityPlot
{
    /// <summary>Width of the image in pixels.</summary>
    public const int Width = 1000;

    /// <summary>Height of the image in pixels.</summary>
    public const int Height = 600;

    /// <summary>The PNG bytes of the plot.</summary>
    /// <param name="sampled">The sampled points, drawn with their error bars.</param>
    /// <param name="curve">The method's own curve between the points, if it has one.</param>
    /// <param name="exact">The exact curve of the same model (may be empty).</param>
    /// <param name="reference">A reference curve, already per unit: (T, C / N) pairs (may be empty).</param>
    /// <param name="referenceLabel">The legend of the reference curve.</param>
    /// <param name="units">N, the number of units the totals are divided by (at least 1).</param>
    /// <param name="title">The title (model, method, seed).</param>
    public static byte[] RenderPng(
        IReadOnlyList<ThermoPoint> sampled, Option<Seq<ThermoPoint>> curve, Seq<ThermoPoint> exact,
        IReadOnlyList<(double Temperature, double HeatCapacity)> reference, string referenceLabel, int units, string title)
    {
        ArgumentNullException.ThrowIfNull(sampled);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        var plot = new Plot();
        Line(plot, reference.Where(p => double.IsFinite(p.Temperature) && double.IsFinite(p.HeatCapacity)).ToArray(), Colors.Gray, LinePattern.Dashed, referenceLabel);
        Line(plot, PerUnit(exact, units).Select(p => (p.T, p.C.Value)).ToArray(), Colors.Black, LinePattern.Solid, "exact, finite lattice");
        curve.IfSome(c => Line(plot, PerUnit(c, units).Select(p => (p.T, p.C.Value)).ToArray(), Colors.C1, LinePattern.Solid, "reweighted curve"));
        var points = PerUnit(sampled, units);
        if (points.Length > 0)
        {
            var xs = points.Select(p => p.T).ToArray();
            var ys = points.Select(p => p.C.Value).ToArray();
            var bars = plot.Add.ErrorBar(xs, ys, points.Select(p => double.IsFinite(p.C.Error) ? p.C.Error : 0.0).ToArray());
            bars.Color = Colors.C0;
            var markers = plot.Add.ScatterPoints(xs, ys, Colors.C0);
            markers.MarkerSize = 6;
            markers.LegendText = $"{sampled[0].Method} ± 1 standard error";
        }

        plot.ShowLegend(Alignment.UpperRight);
        plot.Title(title, 14);
        plot.XLabel("temperature T = 1/β", 12);
        plot.YLabel("heat capacity per spin C / N", 12);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static (double T, Measured C)[] PerUnit(IEnumerable<ThermoPoint> points, int units) =>
        points.Where(p => p.Beta > 0 && double.IsFinite(p.HeatCapacity.Value))
            .Select(p => (p.Temperature, new Measured(p.HeatCapacity.Value / units, p.HeatCapacity.Error / units)))
            .OrderBy(p => p.Temperature)
            .ToArray();

    private static void Line(Plot plot, (double X, double Y)[] points, Color color, LinePattern pattern, string legend)
    {
        if (points.Length == 0) return;
        var ordered = points.OrderBy(p => p.X).ToArray();
        var line = plot.Add.ScatterLine(ordered.Select(p => p.X).ToArray(), ordered.Select(p => p.Y).ToArray(), color);
        line.LinePattern = pattern;
        line.LineWidth = 2;
        line.LegendText = legend;
    }
}
