using Ebm.Functional.Numerics;
using ScottPlot;

namespace Ebm.Functional.Plots;

/// <summary>Draws the points of a 2-D picture: the first two columns, coloured by the class in a third column when there is one.</summary>
internal static class PlanarPoints
{
    private const int MaxClass = 1000;

    /// <summary>Adds at most <paramref name="limit"/> finite points as markers and returns how many were drawn and how many were not finite.</summary>
    public static (int Drawn, int NonFinite) Add(Plot plot, Mat points, int limit, Color color, float size, string? legend)
    {
        var palette = new ScottPlot.Palettes.Category10();
        var groups = new Dictionary<int, (List<double> X, List<double> Y)>();
        int drawn = 0, nonFinite = 0;
        for (var r = 0; r < points.Rows; r++)
        {
            double x = points[r, 0], y = points[r, 1];
            if (!double.IsFinite(x) || !double.IsFinite(y))
            {
                nonFinite++;
                continue;
            }

            if (drawn == limit) continue;
            // A class outside 0..MaxClass (not an index) is drawn as an unlabelled point rather than cast out of range.
            var value = points.Columns >= 3 ? points[r, 2] : -1;
            var label = value is >= 0 and <= MaxClass ? (int)value : -1;
            if (!groups.TryGetValue(label, out var group)) groups[label] = group = ([], []);
            group.X.Add(x);
            group.Y.Add(y);
            drawn++;
        }

        foreach (var (label, group) in groups.OrderBy(g => g.Key))
        {
            var markers = plot.Add.Markers(group.X.ToArray(), group.Y.ToArray(), MarkerShape.FilledCircle, size, label < 0 ? color : palette.GetColor(label).WithAlpha(0.6));
            markers.LegendText = label < 0 ? legend ?? "" : $"class {label}";
        }

        return (drawn, nonFinite);
    }

    /// <summary>Sets the axes to the box with equal units on both.</summary>
    public static void Frame(Plot plot, PlotBox box)
    {
        plot.Axes.SetLimits(box.XMin, box.XMax, box.YMin, box.YMax);
        plot.Axes.SquareUnits();
    }
}
