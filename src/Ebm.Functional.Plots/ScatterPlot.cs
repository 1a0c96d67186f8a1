using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Io;
using LanguageExt;
using ScottPlot;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Plots;

/// <summary>Draws samples of a 2-D model over its data as a PNG: the data in grey, the samples on top in colour.</summary>
/// <remarks>
/// Points are the first two columns; samples with a third column (a class) are coloured by it. The box is the one given,
/// or the smallest holding every finite point plus <see cref="PlotBox.DefaultMargin"/>. At most <see cref="MaxPoints"/>
/// points of each set are drawn (the first ones); samples that are not finite (a diverged chain) are counted in the
/// legend, never dropped silently. The file is written through <see cref="AtomicFile"/>.
/// </remarks>
public static class ScatterPlot
{
    /// <summary>Width and height of the image in pixels.</summary>
    public const int Size = 800;

    /// <summary>Most points of each set drawn.</summary>
    public const int MaxPoints = 5000;

    /// <summary>Renders the samples over the data and writes the PNG to <paramref name="path"/> through <see cref="AtomicFile"/>.</summary>
    /// <param name="path">The PNG file.</param>
    /// <param name="samples">The model's samples (n x 2, or n x 3 with a class last).</param>
    /// <param name="data">The data (n x 2, or n x 3 with the class last; drawn in grey whatever its class).</param>
    /// <param name="title">The title.</param>
    /// <param name="box">The part of the plane drawn; by default the points' box with a margin.</param>
    public static Fin<Unit> SavePng(string path, Mat samples, Mat data, string title, PlotBox? box = null) =>
        RenderPng(samples, data, title, box).Bind(png => AtomicFile.WriteAllBytes(path, png));

    /// <summary>The PNG bytes of the samples over the data.</summary>
    /// <returns>The PNG, or an error: points not in the plane, no finite point at all, an invalid box.</returns>
    public static Fin<byte[]> RenderPng(Mat samples, Mat data, string title, PlotBox? box = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(data);
        if (samples.Columns is not (2 or 3)) return FinFail<byte[]>(PlotErrors.NotPlanar("scatter plot samples", samples.Columns));
        if (data.Columns is not (2 or 3)) return FinFail<byte[]>(PlotErrors.NotPlanar("scatter plot data", data.Columns));
        var frame = box is null ? PlotBox.Around(PlotBox.DefaultMargin, samples, data) : box.Validate();
        return frame.Map(b => Render(samples, data, title, b));
    }

    private static byte[] Render(Mat samples, Mat data, string title, PlotBox box)
    {
        var plot = new Plot();
        var points = Mat.Create(data.Rows, 2, d =>
        {
            for (var r = 0; r < data.Rows; r++) (d[2 * r], d[2 * r + 1]) = (data[r, 0], data[r, 1]);
        });
        var (dataDrawn, _) = PlanarPoints.Add(plot, points, MaxPoints, Colors.Gray.WithAlpha(0.35), 3, "data");
        var (drawn, nonFinite) = PlanarPoints.Add(plot, samples, MaxPoints, Colors.C1.WithAlpha(0.7), 3, "samples");
        if (nonFinite > 0)
        {
            var note = plot.Add.Markers(System.Array.Empty<double>(), System.Array.Empty<double>(), MarkerShape.None, 0, Colors.Transparent);
            note.LegendText = $"{nonFinite} non-finite samples left out";
        }

        if (dataDrawn + drawn > 0 || nonFinite > 0) plot.ShowLegend(Alignment.UpperRight);
        PlanarPoints.Frame(plot, box);
        plot.Title($"{title}: {drawn} samples over {dataDrawn} data points", 13);
        return plot.GetImageBytes(Size, Size, ImageFormat.Png);
    }
}
