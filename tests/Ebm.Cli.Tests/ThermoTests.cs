using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;

namespace Ebm.Cli.Tests;

/// <summary>
/// ebm thermo on a Gaussian, whose exact thermodynamics are U = d / (2 beta), C = d / 2 and
/// log Z = (d/2) log(2 pi / beta) - (1/2) log det P.
/// </summary>
public sealed class ThermoTests : IDisposable
{
    private readonly TempDirectory _files = new();
    private readonly GaussianCases.Case _gaussian = GaussianCases.Named("tridiagonal-3d");
    private readonly string _model;

    public ThermoTests() => _model = _files.Write("gaussian.json", _gaussian.Json);

    public void Dispose() => _files.Dispose();

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void Csv_has_a_header_and_one_exact_row_per_beta()
    {
        var csv = _files.Path("thermo.csv");
        var run = CliRun.Invoke("thermo", _model, "--beta", "0.25:2:0.25", "--method", "exact", "--csv", csv);

        Assert.Equal(0, run.Code);
        Assert.Contains($"ebm: wrote {csv}", run.Err);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("beta,temperature,logZ,meanEnergy,freeEnergy,entropy,heatCapacity,energyVariance,exactMethod", lines[0]);
        Assert.Equal(9, lines.Length);
        var d = _gaussian.Dimension;
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            var beta = Parse(cells[0]);
            Assert.Equal(0.25 * i, beta, 1e-15);
            Assert.Equal(1 / beta, Parse(cells[1]));
            Assert.Equal(_gaussian.LogZ(beta), Parse(cells[2]), 1e-12);
            Assert.Equal(d / (2 * beta), Parse(cells[3]));
            Assert.Equal(-Parse(cells[2]) / beta, Parse(cells[4]), 1e-14);
            Assert.Equal(d / 2.0, Parse(cells[6]), 1e-14);
            Assert.Equal("closed-form", cells[8]);
        }
    }

    [Fact]
    public void The_table_shows_a_row_per_beta()
    {
        var run = CliRun.Invoke("thermo", _model, "--beta", "0.5:2:0.5");
        Assert.Equal(0, run.Code);
        Assert.Contains("closed-form", run.Out);
        foreach (var beta in new[] { 0.5, 1.0, 1.5, 2.0 })
        {
            var logZ = _gaussian.LogZ(beta).ToString("G10", CultureInfo.InvariantCulture);
            Assert.Contains(logZ, run.Out);
        }

        Assert.Equal(5, run.Out.Split('\n').Count(l => l.StartsWith('│'))); // the header row and one row per beta
    }

    [Fact]
    public void Json_has_a_rows_array_with_the_exact_values()
    {
        var run = CliRun.Invoke("thermo", _model, "--beta", "1:3:1", "--json");
        Assert.Equal(0, run.Code);
        using var document = JsonDocument.Parse(run.Out);
        var json = document.RootElement;
        Assert.Equal("gaussian", json.GetProperty("model").GetString());
        Assert.Equal("exact", json.GetProperty("method").GetString());
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        for (var i = 0; i < 3; i++)
        {
            var beta = i + 1.0;
            Assert.Equal(beta, rows[i].GetProperty("beta").GetDouble());
            Assert.Equal(_gaussian.LogZ(beta), rows[i].GetProperty("logZ").GetDouble(), 1e-12);
            Assert.Equal(3 / (2 * beta), rows[i].GetProperty("meanEnergy").GetDouble());
            Assert.Equal(1.5, rows[i].GetProperty("heatCapacity").GetDouble(), 1e-14);
            Assert.True(rows[i].TryGetProperty("freeEnergy", out _));
            Assert.True(rows[i].TryGetProperty("entropy", out _));
        }
    }

    [Theory]
    [InlineData("beta")]
    [InlineData("temperature")]
    public void Plot_writes_a_png(string axis)
    {
        var png = _files.Path($"thermo-{axis}.png");
        var run = CliRun.Invoke("thermo", _model, "--beta", "0.2:2:0.1", "--plot", png, "--plot-axis", axis);
        Assert.Equal(0, run.Code);
        var bytes = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal(1200, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
    }

    [Fact]
    public void A_single_beta_is_a_one_row_sweep()
    {
        var run = CliRun.Invoke("thermo", _model, "--beta", "0.7", "--json");
        Assert.Equal(0, run.Code);
        using var document = JsonDocument.Parse(run.Out);
        Assert.Single(document.RootElement.GetProperty("rows").EnumerateArray());
    }

    [Fact]
    public void Beta_zero_for_a_gaussian_is_bad_input_and_writes_no_file()
    {
        var csv = _files.Path("never.csv");
        var run = CliRun.Invoke("thermo", _model, "--beta", "0:1:0.5", "--csv", csv);
        Assert.Equal(2, run.Code);
        Assert.Contains("ebm: error: beta: 0 is not valid", run.Err);
        Assert.False(File.Exists(csv));
    }

    [Theory]
    [InlineData("1:0:1", "--beta: TO = 0 is below FROM = 1")]
    [InlineData("0:1:0", "--beta: STEP = 0, expected a positive number")]
    [InlineData("0:1:-0.5", "--beta: STEP = -0.5, expected a positive number")]
    [InlineData("-1:1:0.5", "--beta: FROM = -1, expected beta >= 0")]
    [InlineData("0:1:1e-9", "--beta: 0:1:1e-9 gives 1000000001 values, more than the limit of 10000")]
    [InlineData("1:2", "--beta: expected FROM:TO:STEP")]
    [InlineData("a:2:1", "--beta: FROM \"a\" is not a number")]
    [InlineData("0:Infinity:1", "--beta: TO \"Infinity\" is not a finite number")]
    [InlineData("-2", "--beta: beta = -2, expected beta >= 0")]
    public void A_bad_beta_range_is_bad_input(string range, string expected)
    {
        var run = CliRun.Invoke("thermo", _model, "--beta", range);
        Assert.Equal(2, run.Code);
        Assert.Equal($"ebm: error: {expected}", run.Err.Split('\n')[0][..$"ebm: error: {expected}".Length]);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void An_unwritable_csv_path_is_bad_input()
    {
        var csv = _files.Path(Path.Combine("absent", "x.csv"));
        var run = CliRun.Invoke("thermo", _model, "--beta", "1", "--csv", csv);
        Assert.Equal(2, run.Code);
        Assert.Contains($"ebm: error: {csv}: cannot be written", run.Err);
    }

    [Fact]
    public void A_plot_name_without_png_is_bad_input()
    {
        var run = CliRun.Invoke("thermo", _model, "--beta", "1", "--plot", _files.Path("plot.jpg"));
        Assert.Equal(2, run.Code);
        Assert.Contains("ebm: error: --plot:", run.Err);
    }

    [Fact]
    public void The_range_is_required()
    {
        var run = CliRun.Invoke("thermo", _model);
        Assert.Equal(2, run.Code);
        Assert.Contains("--beta", run.Err);
        Assert.Contains("ebm: see 'ebm thermo --help'", run.Err);
    }
}
