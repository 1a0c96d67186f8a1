using System.Buffers.Binary;
using Ebm.Functional.Numerics;
using Ebm.Functional.Plots;
using LanguageExt;

namespace Ebm.Functional.Tests.Plots;

public sealed class ImageGridPlotTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static void AssertPng(Fin<byte[]> result)
    {
        var png = result.Match(p => p, e => throw new Xunit.Sdk.XunitException(e.Message));
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal(ImageGridPlot.Size, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(ImageGridPlot.Size, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    [Fact]
    public void Draws_binary_samples_of_side_four()
    {
        var samples = Mat.Create(7, 16, d => { for (var k = 0; k < d.Length; k++) d[k] = (k * 7 + k / 16) % 3 == 0 ? 1 : 0; });

        AssertPng(ImageGridPlot.SamplesPng(samples, "samples"));
    }

    [Fact]
    public void Draws_the_columns_of_a_weight_matrix_as_filters_and_no_more_than_the_maximum()
    {
        var weights = Mat.Create(9, ImageGridPlot.MaxImages + 5, d => { for (var k = 0; k < d.Length; k++) d[k] = Math.Sin(k); });

        AssertPng(ImageGridPlot.FiltersPng(weights, "filters"));
    }

    [Fact]
    public void Constant_and_non_finite_images_still_render()
    {
        AssertPng(ImageGridPlot.SamplesPng(Mat.Zeros(2, 4), "zeros"));
        AssertPng(ImageGridPlot.FiltersPng(Mat.From(4, 1, [0, double.NaN, 0, 0]), "flat filter"));
    }

    [Fact]
    public void Rows_that_are_not_square_images_are_an_error_naming_the_length()
    {
        var error = ImageGridPlot.SamplesPng(Mat.Zeros(3, 10), "samples").Match(_ => throw new Xunit.Sdk.XunitException("drew 10-pixel images"), e => e);

        Assert.Equal(PlotErrors.NotSquareImagesCode, error.Code);
        Assert.Contains("10 values per image", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_images_is_an_error()
    {
        Assert.Equal(PlotErrors.NoImagesCode, ImageGridPlot.SamplesPng(Mat.Zeros(0, 4), "samples").Match(_ => 0, e => e.Code));
        Assert.Equal(PlotErrors.NoImagesCode, ImageGridPlot.FiltersPng(Mat.Zeros(4, 0), "filters").Match(_ => 0, e => e.Code));
    }
}
