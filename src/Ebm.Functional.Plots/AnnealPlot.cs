using Ebm.Functional.Numerics;
using ScottPlot;

namespace Ebm.Functional.Plots;

/// <summary>
/// Draws simulated annealing's energy against time as a PNG: each restart's current energy after each kept sweep (thin
/// lines), the best energy seen so far over all restarts (a thick line), and the exact ground-state energy when known
/// (a dashed line), so a run that freezes above the ground state shows at a glance.
/// </summary>
public static class AnnealPlot
{
    /// <summary>Width of the image in pixels.</summary>
    public const int Width = 1200;

    /// <summary>Height of the image in pixels.</summary>
    public const int Height = 600;

    /// <summary>Most restarts drawn as lines; the best-so-far line covers them all.</summary>
    public const int MaxRestartsDrawn = 32;

    /// <summary>The PNG bytes of the plot.</summary>
    /// <param name="sweeps">The sweeps (from 1) of the kept energies.</param>
    /// <param name="energies">Restarts by kept sweeps: each restart's current energy.</param>
    /// <param name="groundEnergy">The exact ground-state energy, or null when unknown.</param>
    /// <param name="title">The plot's title (the problem, kernel, schedule and seed).</param>
    public static byte[] RenderPng(Vec sweeps, Mat energies, double? groundEnergy, string title)
    {
        ArgumentNullException.ThrowIfNull(sweeps);
        ArgumentNullException.ThrowIfNull(energies);
        var plot = new Plot();
        var xs = sweeps.ToArray();
        var drawn = Math.Min(energies.Rows, MaxRestartsDrawn);
        for (var r = 0; r < drawn; r++)
        {
            var line = plot.Add.Scatter(xs, energies.Row(r).ToArray());
            line.MarkerSize = 0;
            line.LineWidth = 1;
            line.Color = Colors.Gray.WithAlpha(0.5);
        }

        var best = new double[xs.Length];
        var lowest = double.PositiveInfinity;
        for (var k = 0; k < xs.Length; k++)
        {
            for (var r = 0; r < energies.Rows; r++) lowest = Math.Min(lowest, energies[r, k]);
            best[k] = lowest;
        }

        var bestLine = plot.Add.Scatter(xs, best);
        bestLine.MarkerSize = 0;
        bestLine.LineWidth = 3;
        bestLine.Color = Colors.Blue;
        bestLine.LegendText = "lowest energy so far (kept sweeps)";
        if (groundEnergy is { } e0)
        {
            var ground = plot.Add.HorizontalLine(e0);
            ground.LinePattern = LinePattern.Dashed;
            ground.Color = Colors.Red;
            ground.LegendText = $"exact ground state E0 = {e0:G8}";
        }

        plot.ShowLegend(Alignment.UpperRight);
        plot.Title(drawn < energies.Rows ? $"{title} (first {drawn} of {energies.Rows} restarts drawn)" : title, 14);
        plot.XLabel("sweep", 12);
        plot.YLabel("energy E", 12);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
