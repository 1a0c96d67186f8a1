using Ebm.Functional.Thermo;
using LanguageExt;
using ScottPlot;

namespace Ebm.Functional.Plots;

/// <summary>
/// Draws a sweep with error bars against beta or T as a PNG: U, C, F and S (and &lt;|m|&gt;, chi and the Binder cumulant
/// U_4 for spin models), one panel each, with the method's smooth curve (reweighting, Wang-Landau) and the exact curve
/// overlaid where they exist.
/// </summary>
/// <remarks>
/// Points are drawn with one-sigma error bars; non-finite values (F at beta = 0) are left out of their panel.
/// <example><code>
/// var png = ThermoPointsPlot.RenderPng(points, None, exact, "ising 8x8 (pt, seed 42)", ThermoAxis.Temperature);
/// </code></example>
/// </remarks>
public static class ThermoPointsPlot
{
    /// <summary>Width of the image in pixels.</summary>
    public const int Width = 1500;

    /// <summary>Height of the image in pixels.</summary>
    public const int Height = 900;

    private sealed record Quantity(string Label, Func<ThermoPoint, Option<Measured>> Value);

    private static readonly Quantity[] Energetic =
    [
        new("internal energy U = ⟨E⟩", p => p.MeanEnergy),
        new("heat capacity C = β² Var E", p => p.HeatCapacity),
        new("free energy F = −log Z / β", p => p.FreeEnergy),
        new("entropy S = β (U − F)", p => p.Entropy),
    ];

    private static readonly Quantity[] Ordering =
    [
        new("⟨|m|⟩", p => p.Order.Map(o => o.MeanAbsolute)),
        new("susceptibility χ", p => p.Order.Map(o => o.Susceptibility)),
        new("Binder U₄", p => p.Order.Map(o => o.Binder)),
    ];

    /// <summary>The PNG bytes of the panels.</summary>
    /// <param name="points">The sweep's points.</param>
    /// <param name="curve">The method's own curve between the points, if it has one.</param>
    /// <param name="exact">The exact curve, if one is known.</param>
    /// <param name="title">The title prefix (model, method, seed).</param>
    /// <param name="axis">Beta or temperature.</param>
    public static byte[] RenderPng(IReadOnlyList<ThermoPoint> points, Option<Seq<ThermoPoint>> curve, Option<Seq<ThermoPoint>> exact, string title, ThermoAxis axis)
    {
        var quantities = points.Any(p => p.Order.IsSome) ? Energetic.Concat(Ordering).ToArray() : Energetic;
        var multiplot = new Multiplot();
        multiplot.AddPlots(quantities.Length);
        var columns = quantities.Length > 4 ? 4 : 2;
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows: 2, columns: columns);
        var xLabel = axis == ThermoAxis.Temperature ? "temperature T = 1/β" : "inverse temperature β";
        for (var q = 0; q < quantities.Length; q++)
        {
            var plot = multiplot.GetPlot(q);
            var quantity = quantities[q];
            exact.IfSome(e => Line(plot, e, quantity, axis, Colors.Black, "exact"));
            curve.IfSome(c => Line(plot, c, quantity, axis, Colors.C1, "reweighted curve"));
            Points(plot, points, quantity, axis, Colors.C0, points.Count > 0 ? points[0].Method : "");
            plot.Title($"{title}: {quantity.Label}", 11);
            plot.XLabel(xLabel, 11);
            plot.YLabel(quantity.Label, 11);
            if (q == 0 && (exact.IsSome || curve.IsSome)) plot.ShowLegend(Alignment.UpperRight);
        }

        return multiplot.Render(columns == 4 ? Width : Width * 4 / 5, Height).GetImageBytes(ImageFormat.Png);
    }

    private static double X(ThermoPoint p, ThermoAxis axis) => axis == ThermoAxis.Temperature ? p.Temperature : p.Beta;

    private static (double X, Measured Y)[] Finite(IEnumerable<ThermoPoint> points, Quantity quantity, ThermoAxis axis) =>
        points.SelectMany(p => quantity.Value(p).Map(m => (X(p, axis), m)).ToSeq())
            .Where(t => double.IsFinite(t.Item1) && double.IsFinite(t.m.Value))
            .Select(t => (t.Item1, t.m))
            .ToArray();

    private static void Line(Plot plot, IEnumerable<ThermoPoint> points, Quantity quantity, ThermoAxis axis, Color color, string legend)
    {
        var finite = Finite(points, quantity, axis);
        if (finite.Length == 0) return;
        var line = plot.Add.ScatterLine(finite.Select(t => t.X).ToArray(), finite.Select(t => t.Y.Value).ToArray(), color);
        line.LegendText = legend;
    }

    private static void Points(Plot plot, IEnumerable<ThermoPoint> points, Quantity quantity, ThermoAxis axis, Color color, string legend)
    {
        var finite = Finite(points, quantity, axis);
        if (finite.Length == 0) return;
        var xs = finite.Select(t => t.X).ToArray();
        var ys = finite.Select(t => t.Y.Value).ToArray();
        var bars = plot.Add.ErrorBar(xs, ys, finite.Select(t => double.IsFinite(t.Y.Error) ? t.Y.Error : 0.0).ToArray());
        bars.Color = color;
        var markers = plot.Add.ScatterPoints(xs, ys, color);
        markers.MarkerSize = 5;
        markers.LegendText = legend;
    }
}
