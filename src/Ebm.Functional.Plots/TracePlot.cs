using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Io;
using LanguageExt;
using ScottPlot;

namespace Ebm.Functional.Plots;

/// <summary>
/// Draws the energy trace of every chain against the kept step as a PNG: chains that have not mixed
/// show as separated or drifting lines. The file is written through <see cref="AtomicFile"/>: atomically for a
/// regular file, in place for a device or FIFO.
/// </summary>
public static class TracePlot
{
    /// <summary>Width of the image in pixels.</summary>
    public const int Width = 1200;

    /// <summary>Height of the image in pixels.</summary>
    public const int Height = 600;

    /// <summary>Most chains drawn; the rest are left out so the picture stays readable.</summary>
    public const int MaxChainsDrawn = 32;

    /// <summary>Renders the traces of <paramref name="energiesByChain"/> (one chain per row) and writes the PNG.</summary>
    public static Fin<Unit> SavePng(string path, Mat energiesByChain, string title) =>
        AtomicFile.WriteAllBytes(path, RenderPng(energiesByChain, title));

    /// <summary>The PNG bytes of the traces.</summary>
    public static byte[] RenderPng(Mat energiesByChain, string title)
    {
        var plot = new Plot();
        var steps = Enumerable.Range(0, energiesByChain.Columns).Select(t => (double)t).ToArray();
        for (var c = 0; c < Math.Min(energiesByChain.Rows, MaxChainsDrawn); c++)
        {
            var line = plot.Add.Scatter(steps, energiesByChain.Row(c).ToArray());
            line.MarkerSize = 0;
            line.LineWidth = 1;
        }

        var drawn = Math.Min(energiesByChain.Rows, MaxChainsDrawn);
        plot.Title(drawn < energiesByChain.Rows ? $"{title} (first {drawn} of {energiesByChain.Rows} chains)" : title, 14);
        plot.XLabel("kept step", 12);
        plot.YLabel("energy E", 12);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
