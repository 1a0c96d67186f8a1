using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Io;
using LanguageExt;
using ScottPlot;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Plots;

/// <summary>
/// Draws the density of a 2-D energy model beside its data as a PNG: p(x) = exp(-E(x)) / Z as a heat map on the left,
/// Z by the midpoint rule on the picture's own grid, and a scatter of the data over the same box on the right.
/// </summary>
/// <remarks>
/// <para>The energies are asked for once, for all <c>gridSize²</c> cell centres in one matrix (row j * gridSize + i is
/// the centre of column i, row j from the bottom), so a batched model evaluates them in one pass. log Z on the grid is
/// log sum exp(-E_ij) + log(h_x h_y), the midpoint rule over the box: it is the normaliser of the picture, and equals
/// the model's log Z only when the box holds its mass and the grid resolves it (use <c>Quadrature2D</c> for the exact
/// value). The subtitle prints it.</para>
/// <para>An energy of +infinity is a point of zero density; a NaN, -infinity or a wrong number of energies is an error,
/// never a silent picture. Data with a third column is coloured by class. At most <see cref="MaxPoints"/> points are
/// drawn (the first ones; the title says so). The file is written through <see cref="AtomicFile"/>.</para>
/// </remarks>
/// <example><code>
/// var written = from data in Toys2D.Sample(RngKey.FromSeed(1), "ring", 2000)
///               from box in PlotBox.Around(PlotBox.DefaultMargin, data)
///               from _ in DensityPlot.SavePng("density.png", x => model.Energies(x), box, data, "mlp on ring")
///               select box;
/// </code></example>
public static class DensityPlot
{
    /// <summary>Width of the image in pixels.</summary>
    public const int Width = 1400;

    /// <summary>Height of the image in pixels.</summary>
    public const int Height = 650;

    /// <summary>Cells per side of the density grid by default.</summary>
    public const int GridSize = 200;

    /// <summary>The finest grid accepted, cells per side.</summary>
    public const int MaxGridSize = 2000;

    /// <summary>Most data points drawn.</summary>
    public const int MaxPoints = 5000;

    /// <summary>Renders the two panels and writes the PNG to <paramref name="path"/> through <see cref="AtomicFile"/>.</summary>
    /// <param name="path">The PNG file.</param>
    /// <param name="energies">The model's energies of a batch of points (n x 2 in, n energies out).</param>
    /// <param name="box">The part of the plane drawn and normalised over.</param>
    /// <param name="data">The data (n x 2, or n x 3 with the class last).</param>
    /// <param name="title">The title.</param>
    /// <param name="gridSize">Cells per side of the density grid.</param>
    public static Fin<Unit> SavePng(string path, Func<Mat, Vec> energies, PlotBox box, Mat data, string title, int gridSize = GridSize) =>
        RenderPng(energies, box, data, title, gridSize).Bind(png => AtomicFile.WriteAllBytes(path, png));

    /// <summary>The PNG bytes of the two panels.</summary>
    /// <returns>The PNG, or an error: an invalid box or grid, data not in the plane, energies of the wrong length or NaN, no mass.</returns>
    public static Fin<byte[]> RenderPng(Func<Mat, Vec> energies, PlotBox box, Mat data, string title, int gridSize = GridSize)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Columns is not (2 or 3)) return FinFail<byte[]>(PlotErrors.NotPlanar("density plot data", data.Columns));
        return Density(energies, box, gridSize).Map(grid => Render(grid.Density, grid.LogZ, box, data, title));
    }

    /// <summary>
    /// log Z by the midpoint rule on the picture's grid over <paramref name="box"/>: log sum_ij exp(-E_ij) + log(h_x h_y),
    /// the normaliser the heat map uses.
    /// </summary>
    /// <returns>log Z on the grid, or an error: an invalid box or grid, energies of the wrong length or NaN, no mass.</returns>
    public static Fin<double> GridLogPartition(Func<Mat, Vec> energies, PlotBox box, int gridSize = GridSize) =>
        Density(energies, box, gridSize).Map(grid => grid.LogZ);

    private static Fin<(double[,] Density, double LogZ)> Density(Func<Mat, Vec> energies, PlotBox box, int gridSize)
    {
        ArgumentNullException.ThrowIfNull(energies);
        ArgumentNullException.ThrowIfNull(box);
        if (gridSize < 2 || gridSize > MaxGridSize)
            return FinFail<(double[,], double)>(PlotErrors.InvalidBox($"a grid of {gridSize} cells per side; it must lie in 2..{MaxGridSize}"));
        return box.Validate().Bind(valid => Normalise(energies, valid, gridSize));
    }

    private static Fin<(double[,] Density, double LogZ)> Normalise(Func<Mat, Vec> energies, PlotBox box, int n)
    {
        var (hx, hy) = (box.Width / n, box.Height / n);
        var nodes = Mat.Create(n * n, 2, d =>
        {
            for (var j = 0; j < n; j++)
            for (var i = 0; i < n; i++)
            {
                d[2 * (j * n + i)] = box.XMin + (i + 0.5) * hx;
                d[2 * (j * n + i) + 1] = box.YMin + (j + 0.5) * hy;
            }
        });
        var e = energies(nodes);
        if (e.Length != n * n)
            return FinFail<(double[,], double)>(PlotErrors.InvalidEnergies($"{e.Length} energies for {n * n} grid points"));
        var logWeights = new double[n * n];
        for (var k = 0; k < logWeights.Length; k++)
        {
            if (double.IsNaN(e[k]) || double.IsNegativeInfinity(e[k]))
                return FinFail<(double[,], double)>(PlotErrors.InvalidEnergies($"E({nodes[k, 0]:G6}, {nodes[k, 1]:G6}) = {e[k]}"));
            logWeights[k] = -e[k];
        }

        var logSum = LogSpace.LogSumExp(logWeights);
        if (double.IsNegativeInfinity(logSum)) return FinFail<(double[,], double)>(PlotErrors.NoMass(box.ToString()));
        var logZ = logSum + Math.Log(hx * hy);
        // Heat-map row 0 is the top of the picture, grid row 0 the bottom of the box.
        var density = new double[n, n];
        for (var j = 0; j < n; j++)
        for (var i = 0; i < n; i++)
            density[n - 1 - j, i] = Math.Exp(logWeights[j * n + i] - logZ);
        return FinSucc((density, logZ));
    }

    private static byte[] Render(double[,] density, double logZ, PlotBox box, Mat data, string title)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows: 1, columns: 2);

        var left = multiplot.GetPlot(0);
        var heatmap = left.Add.Heatmap(density);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.Rectangle = new CoordinateRect(box.XMin, box.XMax, box.YMin, box.YMax);
        left.Add.ColorBar(heatmap).Label = "density";
        PlanarPoints.Frame(left, box);
        left.Title(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{title}: exp(-E) / Z, log Z = {logZ:G6} on the grid"), 13);

        var right = multiplot.GetPlot(1);
        var (drawn, nonFinite) = PlanarPoints.Add(right, data, MaxPoints, Colors.Black.WithAlpha(0.35), 3, null);
        if (data.Columns == 3 && drawn > 0) right.ShowLegend(Alignment.UpperRight);
        PlanarPoints.Frame(right, box);
        var shown = drawn < data.Rows - nonFinite ? $"first {drawn} of {data.Rows - nonFinite} points" : $"{drawn} points";
        right.Title(nonFinite > 0 ? $"data: {shown}, {nonFinite} non-finite left out" : $"data: {shown}", 13);
        return multiplot.Render(Width, Height).GetImageBytes(ImageFormat.Png);
    }
}
