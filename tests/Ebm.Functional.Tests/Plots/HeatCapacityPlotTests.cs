using System.Buffers.Binary;
using Ebm.Functional.Plots;
using Ebm.Functional.Thermo;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Plots;

public sealed class HeatCapacityPlotTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ThermoPoint Point(double beta, double c, double error) =>
        new("reweighting", beta, new Measured(1, 0), new Measured(-beta, 0), new Measured(-1 / beta, 0), new Measured(1, 0),
            new Measured(c, error), None, None);

    private static (int Width, int Height) Size(byte[] png)
    {
        Assert.Equal(PngSignature, png[..8]);
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    [Fact]
    public void Draws_points_curves_and_a_reference_into_a_png_of_the_stated_size()
    {
        var points = new[] { Point(0.3, 20, 1), Point(0.4, 60, 2), Point(0.5, 30, 1) };
        var png = HeatCapacityPlot.RenderPng(points, Some(points.ToSeq()), points.ToSeq(), [(2.0, 0.5), (2.5, 0.7)], "reference", 64, "ising");
        Assert.Equal((HeatCapacityPlot.Width, HeatCapacityPlot.Height), Size(png));
    }

    [Fact]
    public void Beta_zero_non_finite_values_and_an_empty_plot_are_drawn_without_failing()
    {
        var points = new[] { Point(0.0, 0, 0), Point(0.5, double.NaN, double.NaN) };
        Assert.Equal((HeatCapacityPlot.Width, HeatCapacityPlot.Height),
            Size(HeatCapacityPlot.RenderPng(points, None, Seq<ThermoPoint>(), [(2.269, double.PositiveInfinity)], "reference", 1, "empty")));
        Assert.Throws<ArgumentOutOfRangeException>(() => HeatCapacityPlot.RenderPng(points, None, Seq<ThermoPoint>(), [], "r", 0, "t"));
    }
}
