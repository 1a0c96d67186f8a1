using System.Globalization;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Plots;

/// <summary>The rectangle [XMin, XMax] x [YMin, YMax] of the plane a 2-D picture shows.</summary>
/// <param name="XMin">Left edge.</param>
/// <param name="XMax">Right edge (greater than XMin).</param>
/// <param name="YMin">Bottom edge.</param>
/// <param name="YMax">Top edge (greater than YMin).</param>
public sealed record PlotBox(double XMin, double XMax, double YMin, double YMax)
{
    /// <summary>The fraction of the data's extent added on every side by <see cref="Around"/>.</summary>
    public const double DefaultMargin = 0.1;

    /// <summary>Width of the box.</summary>
    public double Width => XMax - XMin;

    /// <summary>Height of the box.</summary>
    public double Height => YMax - YMin;

    /// <summary>The box, or <see cref="PlotErrors.InvalidBox"/> when it is not a finite non-empty rectangle.</summary>
    public Fin<PlotBox> Validate()
    {
        if (!double.IsFinite(XMin) || !double.IsFinite(XMax) || !double.IsFinite(YMin) || !double.IsFinite(YMax))
            return FinFail<PlotBox>(PlotErrors.InvalidBox($"{this} is not finite"));
        if (!(XMax > XMin) || !(YMax > YMin)) return FinFail<PlotBox>(PlotErrors.InvalidBox($"{this} is empty"));
        return FinSucc(this);
    }

    /// <summary>
    /// The smallest box holding the finite points (first two columns) of every matrix, widened by
    /// <paramref name="margin"/> times its extent on each side (an extent of zero counts as one unit).
    /// </summary>
    /// <returns>The box, or <see cref="PlotErrors.NoImages"/> when there is no finite point at all.</returns>
    public static Fin<PlotBox> Around(double margin, params Mat[] points)
    {
        double xMin = double.PositiveInfinity, xMax = double.NegativeInfinity, yMin = double.PositiveInfinity, yMax = double.NegativeInfinity;
        foreach (var m in points.Where(m => m.Columns >= 2))
            for (var r = 0; r < m.Rows; r++)
            {
                double x = m[r, 0], y = m[r, 1];
                if (!double.IsFinite(x) || !double.IsFinite(y)) continue;
                (xMin, xMax, yMin, yMax) = (Math.Min(xMin, x), Math.Max(xMax, x), Math.Min(yMin, y), Math.Max(yMax, y));
            }

        if (!double.IsFinite(xMin)) return FinFail<PlotBox>(PlotErrors.NoImages("plot box: the points"));
        var dx = xMax > xMin ? xMax - xMin : 1.0;
        var dy = yMax > yMin ? yMax - yMin : 1.0;
        return FinSucc(new PlotBox(xMin - margin * dx, xMax + margin * dx, yMin - margin * dy, yMax + margin * dy));
    }

    /// <summary>The box as [XMin, XMax] x [YMin, YMax], in the invariant culture.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[{XMin:G6}, {XMax:G6}] x [{YMin:G6}, {YMax:G6}]");
}
