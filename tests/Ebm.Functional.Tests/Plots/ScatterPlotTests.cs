using System.Buffers.Binary;
using Ebm.Functional.Datasets;
using Ebm.Functional.Numerics;
using Ebm.Functional.Plots;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Plots;

/// <summary>The sample scatter: samples over data, non-finite samples counted, points off the plane refused.</summary>
public sealed class ScatterPlotTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static Mat Toy(string name, bool labelled, ulong seed) =>
        (labelled ? Toys2D.SampleLabelled(RngKey.FromSeed(seed), name, 500) : Toys2D.Sample(RngKey.FromSeed(seed), name, 500))
        .Match(m => m, e => throw new InvalidOperationException(e.Message));

    private static void AssertPng(LanguageExt.Fin<byte[]> result)
    {
        var png = result.Match(p => p, e => throw new InvalidOperationException(e.Message));
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal(ScatterPlot.Size, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(ScatterPlot.Size, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    private static int Code<T>(LanguageExt.Fin<T> result) => result.Match(_ => throw new InvalidOperationException("expected an error"), e => e.Code);

    [Fact]
    public void Renders_samples_over_data_labelled_or_not_in_a_given_or_fitted_box()
    {
        AssertPng(ScatterPlot.RenderPng(Toy("two-moons", false, 1), Toy("two-moons", false, 2), "moons"));
        AssertPng(ScatterPlot.RenderPng(Toy("pinwheel", true, 1), Toy("pinwheel", true, 2), "pinwheel", new PlotBox(-4, 4, -4, 4)));
    }

    [Fact]
    public void Non_finite_samples_are_left_out_and_counted()
    {
        var samples = Mat.FromRows([[0.5, 0.5], [double.NaN, 1], [double.PositiveInfinity, 0]]);
        AssertPng(ScatterPlot.RenderPng(samples, Toy("ring", false, 3), "diverged"));
    }

    [Fact]
    public void Points_off_the_plane_no_finite_point_and_an_empty_box_are_errors()
    {
        var data = Toy("ring", false, 3);
        Assert.Equal(PlotErrors.NotPlanarCode, Code(ScatterPlot.RenderPng(Mat.Zeros(2, 1), data, "one column")));
        Assert.Equal(PlotErrors.NotPlanarCode, Code(ScatterPlot.RenderPng(data, Mat.Zeros(2, 5), "five columns")));
        Assert.Equal(PlotErrors.NoImagesCode, Code(ScatterPlot.RenderPng(Mat.FromRows([[double.NaN, 0]]), Mat.Zeros(0, 2), "nothing")));
        Assert.Equal(PlotErrors.InvalidBoxCode, Code(ScatterPlot.RenderPng(data, data, "empty box", new PlotBox(0, 1, 2, 2))));
    }

    [Fact]
    public void SavePng_writes_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ebm-scatter-{Guid.NewGuid():N}.png");
        try
        {
            Assert.True(ScatterPlot.SavePng(path, Toy("checkerboard", false, 1), Toy("checkerboard", false, 2), "checkerboard").IsSucc);
            Assert.Equal(PngSignature, File.ReadAllBytes(path)[..8]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
