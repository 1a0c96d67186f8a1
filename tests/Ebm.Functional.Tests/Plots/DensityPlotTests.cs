using System.Buffers.Binary;
using Ebm.Functional.Datasets;
using Ebm.Functional.Numerics;
using Ebm.Functional.Plots;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Plots;

/// <summary>The density picture: its normaliser is the midpoint rule on its grid, and bad energies or data are errors.</summary>
public sealed class DensityPlotTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private const double Deviation = 0.7;

    private static readonly PlotBox Box = new(-8 * Deviation + 1, 8 * Deviation + 1, -8 * Deviation, 8 * Deviation);

    /// <summary>E(x, y) = ((x - 1)² + y²) / (2 σ²): log Z = log(2 pi σ²).</summary>
    private static Vec Gaussian(Mat points) => Vec.Create(points.Rows, d =>
    {
        for (var r = 0; r < points.Rows; r++)
            d[r] = ((points[r, 0] - 1) * (points[r, 0] - 1) + points[r, 1] * points[r, 1]) / (2 * Deviation * Deviation);
    });

    private static Mat Ring(int count) =>
        Toys2D.SampleLabelled(RngKey.FromSeed(4), "ring", count).Match(m => m, e => throw new InvalidOperationException(e.Message));

    private static void AssertPng(byte[] png)
    {
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal(DensityPlot.Width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(DensityPlot.Height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    private static int Code<T>(LanguageExt.Fin<T> result) => result.Match(_ => throw new InvalidOperationException("expected an error"), e => e.Code);

    [Fact]
    public void The_grid_log_partition_of_a_gaussian_is_exact()
    {
        // The midpoint rule on a Gaussian converges like exp(-2 pi² σ² / h²) (Trefethen and Weideman 2014): with h = 0.056 σ
        // the rule is exact to rounding, and the box cut at 8 σ loses exp(-32) ~ 1e-14 of the mass.
        var logZ = DensityPlot.GridLogPartition(Gaussian, Box).Match(z => z, e => throw new InvalidOperationException(e.Message));
        Assert.Equal(Math.Log(2 * Math.PI * Deviation * Deviation), logZ, 12);
    }

    [Fact]
    public void Adding_a_constant_to_the_energy_shifts_log_z_by_it()
    {
        var plain = DensityPlot.GridLogPartition(Gaussian, Box, 50).Match(z => z, e => throw new InvalidOperationException(e.Message));
        var shifted = DensityPlot.GridLogPartition(x => Gaussian(x).Map(e => e + 1000), Box, 50).Match(z => z, e => throw new InvalidOperationException(e.Message));
        Assert.Equal(plain - 1000, shifted, 10);
    }

    [Fact]
    public void The_energies_are_asked_for_once_at_the_cell_centres_row_by_row_from_the_bottom()
    {
        var calls = new List<Mat>();
        var box = new PlotBox(0, 4, -2, 0);
        DensityPlot.GridLogPartition(x => { calls.Add(x); return Gaussian(x); }, box, 4);
        var nodes = Assert.Single(calls);
        Assert.Equal((16, 2), (nodes.Rows, nodes.Columns));
        Assert.Equal([0.5, -1.75], nodes.Row(0).ToArray());
        Assert.Equal([1.5, -1.75], nodes.Row(1).ToArray());
        Assert.Equal([0.5, -1.25], nodes.Row(4).ToArray());
        Assert.Equal([3.5, -0.25], nodes.Row(15).ToArray());
    }

    [Fact]
    public void Infinite_energies_are_zero_density_but_nan_minus_infinity_and_wrong_lengths_are_errors()
    {
        // Zero density on the left half of the box: the right half, of area 8σ x 16σ, has E = 0, so Z is its area.
        var halfPlane = DensityPlot.GridLogPartition(x => Vec.Create(x.Rows, d => { for (var r = 0; r < x.Rows; r++) d[r] = x[r, 0] < 1 ? double.PositiveInfinity : 0; }), Box, 10);
        Assert.Equal(Math.Log(128 * Deviation * Deviation), halfPlane.Match(z => z, e => throw new InvalidOperationException(e.Message)), 12);
        Assert.Equal(PlotErrors.InvalidEnergiesCode, Code(DensityPlot.GridLogPartition(x => Vec.Filled(x.Rows, double.NaN), Box, 10)));
        Assert.Equal(PlotErrors.InvalidEnergiesCode, Code(DensityPlot.GridLogPartition(x => Vec.Filled(x.Rows, double.NegativeInfinity), Box, 10)));
        Assert.Equal(PlotErrors.InvalidEnergiesCode, Code(DensityPlot.GridLogPartition(x => Vec.Zeros(3), Box, 10)));
        Assert.Equal(PlotErrors.NoMassCode, Code(DensityPlot.GridLogPartition(x => Vec.Filled(x.Rows, double.PositiveInfinity), Box, 10)));
    }

    [Fact]
    public void Bad_boxes_grids_and_data_are_errors()
    {
        Assert.Equal(PlotErrors.InvalidBoxCode, Code(DensityPlot.GridLogPartition(Gaussian, new PlotBox(1, 1, 0, 1))));
        Assert.Equal(PlotErrors.InvalidBoxCode, Code(DensityPlot.GridLogPartition(Gaussian, new PlotBox(0, double.NaN, 0, 1))));
        Assert.Equal(PlotErrors.InvalidBoxCode, Code(DensityPlot.GridLogPartition(Gaussian, Box, 1)));
        Assert.Equal(PlotErrors.InvalidBoxCode, Code(DensityPlot.GridLogPartition(Gaussian, Box, DensityPlot.MaxGridSize + 1)));
        Assert.Equal(PlotErrors.NotPlanarCode, Code(DensityPlot.RenderPng(Gaussian, Box, Mat.Zeros(3, 4), "four columns")));
    }

    [Fact]
    public void Renders_labelled_unlabelled_and_empty_data()
    {
        var ring = Ring(DensityPlot.MaxPoints + 10);
        foreach (var data in new[] { ring, Mat.Create(ring.Rows, 2, d => { for (var r = 0; r < ring.Rows; r++) (d[2 * r], d[2 * r + 1]) = (ring[r, 0], ring[r, 1]); }), Mat.Zeros(0, 2) })
            AssertPng(DensityPlot.RenderPng(Gaussian, Box, data, "gaussian", 40).Match(p => p, e => throw new InvalidOperationException(e.Message)));
    }

    [Fact]
    public void SavePng_writes_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ebm-density-{Guid.NewGuid():N}.png");
        try
        {
            Assert.True(DensityPlot.SavePng(path, Gaussian, Box, Ring(100), "ring", 30).IsSucc);
            Assert.Equal(PngSignature, File.ReadAllBytes(path)[..8]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
