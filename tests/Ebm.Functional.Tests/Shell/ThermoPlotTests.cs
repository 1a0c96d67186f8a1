using System.Buffers.Binary;
using Ebm.Functional.Exact;
using Ebm.Functional.Plots;
using LanguageExt;

namespace Ebm.Functional.Tests.Shell;

public sealed class ThermoPlotTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A d = 2 standard Gaussian: log Z = log(2 pi / beta), U = 1 / beta, Var E = 1 / beta^2.</summary>
    private static List<ExactResult> GaussianRows(params double[] betas) =>
        betas.Select(b => new ExactResult("closed-form", b, Math.Log(2 * Math.PI / b), 1 / b, 1 / (b * b), Option<MagnetisationMoments>.None)).ToList();

    [Theory]
    [InlineData(ThermoAxis.Beta)]
    [InlineData(ThermoAxis.Temperature)]
    public void Renders_a_png_of_the_stated_size(ThermoAxis axis)
    {
        var png = ThermoPlot.RenderPng(GaussianRows(0.5, 1, 1.5, 2), "gaussian", axis);
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal(ThermoPlot.Width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(ThermoPlot.Height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    [Fact]
    public void Beta_zero_with_an_infinite_free_energy_still_renders()
    {
        var rows = GaussianRows(1, 2);
        rows.Insert(0, new ExactResult("enumeration", 0.0, Math.Log(4), 0.0, 1.0, Option<MagnetisationMoments>.None));
        Assert.Equal(PngSignature, ThermoPlot.RenderPng(rows, "two spins", ThermoAxis.Temperature)[..8]);
    }

    [Fact]
    public void SavePng_writes_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ebm-plot-{Guid.NewGuid():N}.png");
        try
        {
            Assert.True(ThermoPlot.SavePng(path, GaussianRows(1, 2), "gaussian", ThermoAxis.Beta).IsSucc);
            Assert.Equal(PngSignature, File.ReadAllBytes(path)[..8]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
