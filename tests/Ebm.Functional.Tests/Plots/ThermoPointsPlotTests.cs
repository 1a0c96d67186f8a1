using System.Buffers.Binary;
using Ebm.Functional.Plots;
using Ebm.Functional.Thermo;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Plots;

public sealed class ThermoPointsPlotTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ThermoPoint Point(double beta, bool order) =>
        new("pt", beta, new Measured(10 + beta, 0.1), new Measured(-beta * 20, 0.2), new Measured(-(10 + beta) / beta, 0.1),
            new Measured(5 - beta, 0.1), new Measured(3 * beta, 0.3), Some(new Measured(3 * beta, 0.4)),
            order ? Some(new OrderMoments(new Measured(beta, 0.01), new Measured(1, 0.1), new Measured(0.5, 0.01))) : None);

    private static int Width(byte[] png)
    {
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal(ThermoPointsPlot.Height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        return BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
    }

    [Fact]
    public void Spin_models_get_seven_panels_and_other_models_four()
    {
        var betas = new[] { 0.1, 0.2, 0.3 };
        var spins = betas.Select(b => Point(b, true)).ToArray();
        var plain = betas.Select(b => Point(b, false)).ToArray();
        Assert.Equal(ThermoPointsPlot.Width, Width(ThermoPointsPlot.RenderPng(spins, None, Some(spins.ToSeq()), "ising", ThermoAxis.Temperature)));
        Assert.Equal(ThermoPointsPlot.Width * 4 / 5, Width(ThermoPointsPlot.RenderPng(plain, Some(plain.ToSeq()), None, "bm", ThermoAxis.Beta)));
    }

    [Fact]
    public void Non_finite_values_and_beta_zero_are_left_out()
    {
        var points = new[] { Point(0.0, true), Point(0.5, true) with { HeatCapacity = new Measured(double.NaN, double.NaN) } };
        Assert.Equal(ThermoPointsPlot.Width, Width(ThermoPointsPlot.RenderPng(points, None, None, "ising", ThermoAxis.Temperature)));
    }
}
