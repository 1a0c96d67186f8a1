using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Io;
using LanguageExt;
using ScottPlot;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Plots;

/// <summary>
/// Draws images as a PNG grid: samples of a model of image data (one image per row of a matrix) or the filters of an
/// RBM (one image per column of its weight matrix, the weights from every pixel to one hidden unit).
/// </summary>
/// <remarks>
/// <para>Each image is square, its side inferred from the number of values (784 gives 28 x 28); pixels are row-major,
/// the first row at the top. At most <see cref="MaxImages"/> images are drawn, the first ones, in a grid of
/// ceil(sqrt(count)) columns with a one-pixel gap.</para>
/// <para>Grey levels: samples share one scale, from the smallest value (black) to the largest (white), so binary
/// samples are black and white. Each filter has its own scale, symmetric about zero (black -max |w|, mid grey 0, white
/// +max |w|), so the sign of every weight shows whatever the filter's size.</para>
/// </remarks>
public static class ImageGridPlot
{
    /// <summary>Width and height of the image in pixels.</summary>
    public const int Size = 900;

    /// <summary>Most images drawn.</summary>
    public const int MaxImages = 100;

    /// <summary>Renders the samples (rows) of <paramref name="samples"/> and writes the PNG through <see cref="AtomicFile"/>.</summary>
    public static Fin<Unit> SaveSamplesPng(string path, Mat samples, string title) =>
        SamplesPng(samples, title).Bind(png => AtomicFile.WriteAllBytes(path, png));

    /// <summary>Renders the filters (columns) of an nv x nh weight matrix and writes the PNG through <see cref="AtomicFile"/>.</summary>
    public static Fin<Unit> SaveFiltersPng(string path, Mat weights, string title) =>
        FiltersPng(weights, title).Bind(png => AtomicFile.WriteAllBytes(path, png));

    /// <summary>The PNG bytes of a grid of samples, one image per row on one shared grey scale.</summary>
    /// <returns>The PNG, or <see cref="PlotErrors.NotSquareImages"/> / <see cref="PlotErrors.NoImages"/>.</returns>
    public static Fin<byte[]> SamplesPng(Mat samples, string title)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var count = Math.Min(samples.Rows, MaxImages);
        var images = Enumerable.Range(0, count).Select(r => samples.Row(r).ToArray()).ToList();
        var finite = images.SelectMany(i => i).Where(double.IsFinite).ToList();
        var (low, high) = finite.Count == 0 ? (0.0, 1.0) : (finite.Min(), finite.Max());
        return Render(images, samples.Rows, samples.Columns, title, "samples", _ => (low, high));
    }

    /// <summary>The PNG bytes of the filters of an nv x nh weight matrix: column j as an image, each on its own scale symmetric about 0.</summary>
    /// <returns>The PNG, or <see cref="PlotErrors.NotSquareImages"/> / <see cref="PlotErrors.NoImages"/>.</returns>
    public static Fin<byte[]> FiltersPng(Mat weights, string title)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var count = Math.Min(weights.Columns, MaxImages);
        var images = Enumerable.Range(0, count).Select(j => Enumerable.Range(0, weights.Rows).Select(i => weights[i, j]).ToArray()).ToList();
        return Render(images, weights.Columns, weights.Rows, title, "filters", image =>
        {
            var largest = image.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
            return largest > 0 ? (-largest, largest) : (-1.0, 1.0);
        });
    }

    private static Fin<byte[]> Render(List<double[]> images, int total, int length, string title, string what, Func<double[], (double Low, double High)> scale)
    {
        if (images.Count == 0 || length == 0) return FinFail<byte[]>(PlotErrors.NoImages(what));
        var side = (int)Math.Round(Math.Sqrt(length));
        if (side * side != length) return FinFail<byte[]>(PlotErrors.NotSquareImages(what, length));
        var columns = (int)Math.Ceiling(Math.Sqrt(images.Count));
        var rows = (images.Count + columns - 1) / columns;
        // The gaps are NaN, drawn in the background colour; every pixel is scaled to [0, 1] so one colour map serves all.
        var grid = new double[rows * (side + 1) - 1, columns * (side + 1) - 1];
        for (var y = 0; y < grid.GetLength(0); y++)
            for (var x = 0; x < grid.GetLength(1); x++) grid[y, x] = double.NaN;
        for (var k = 0; k < images.Count; k++)
        {
            var (low, high) = scale(images[k]);
            var span = high > low ? high - low : 1.0;
            var (top, left) = (k / columns * (side + 1), k % columns * (side + 1));
            for (var p = 0; p < length; p++)
            {
                var value = images[k][p];
                grid[top + p / side, left + p % side] = double.IsFinite(value) ? Math.Clamp((value - low) / span, 0, 1) : double.NaN;
            }
        }

        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(grid);
        heatmap.Colormap = new ScottPlot.Colormaps.Grayscale();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        heatmap.NaNCellColor = Colors.SteelBlue;
        plot.HideAxesAndGrid();
        plot.Axes.SquareUnits();
        plot.Title(images.Count < total ? $"{title} (first {images.Count} of {total})" : title, 14);
        return FinSucc(plot.GetImageBytes(Size, Size, ImageFormat.Png));
    }
}
