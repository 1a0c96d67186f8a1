using System.Globalization;
using System.Text.Json;

namespace Ebm.Cli.Tests;

/// <summary>
/// ebm thermo with the sampling methods on the 4 x 4 Ising torus of the examples: every row within z = 4 of the exact
/// value the command prints beside it (about 50 comparisons per method, so a correct error bar fails one with
/// probability 3e-3; the seed is fixed), the seed printed, and bad counts refused.
/// </summary>
public sealed class ThermoMethodTests : IDisposable
{
    private const double Z = 4.0;
    private readonly TempDirectory _files = new();
    private static readonly string Ising = CliRun.Example("ising-4x4.json");

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("pt")]
    [InlineData("reweighting")]
    [InlineData("ais")]
    public void Json_rows_carry_errors_and_match_the_exact_values(string method)
    {
        var run = CliRun.Invoke("thermo", Ising, "--beta", "0.2:0.6:0.1", "--method", method, "--seed", "7", "--json");
        Assert.Equal(0, run.Code);
        using var document = JsonDocument.Parse(run.Out);
        var json = document.RootElement;
        Assert.Equal(method, json.GetProperty("method").GetString());
        Assert.Equal(7UL, json.GetProperty("seed").GetUInt64());
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(5, rows.Count);
        foreach (var row in rows)
        {
            Assert.True(row.TryGetProperty("temperature", out _));
            var exact = row.GetProperty("exact");
            foreach (var key in new[] { "logZ", "meanEnergy", "freeEnergy", "entropy", "heatCapacity" })
            {
                var (value, error) = (row.GetProperty(key).GetDouble(), row.GetProperty(key + "Error").GetDouble());
                Assert.True(error > 0, $"{key}Error = {error}");
                Assert.True(Math.Abs(value - exact.GetProperty(key).GetDouble()) <= Z * error,
                    $"{method} {key} at beta {row.GetProperty("beta").GetDouble()}: {value} ± {error}, exact {exact.GetProperty(key).GetDouble()}");
            }

            Assert.True(row.GetProperty("meanAbsoluteMagnetisationError").GetDouble() > 0);
        }
    }

    [Theory]
    [InlineData("reweighting", 1500)]
    [InlineData("wang-landau", 1200)]
    // Seven panels (with the order moments of tempering samples) are 1500 pixels wide, four (g(E) gives no magnetisation) 1200.
    public void Plot_writes_a_png_of_the_panels(string method, int width)
    {
        var png = _files.Path($"{method}.png");
        var run = CliRun.Invoke("thermo", Ising, "--temperature", "1.5:3.5:0.5", "--method", method, "--steps", "200", "--plot", png, "--plot-axis", "temperature");
        Assert.Equal(0, run.Code);
        var bytes = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal(width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
    }

    [Fact]
    public void The_plot_curve_ends_on_the_grid_even_where_the_span_rounds_up()
    {
        // 0.02 + (0.7 - 0.02) rounds to 0.7000000000000001, above the last rung of --beta 0.02:0.7:0.02: the curve must stop on it.
        double[] betas = [0.02, 0.7];
        var grid = Ebm.Cli.Thermo.ExactReference.FineGrid(betas);
        Assert.Equal(betas[1], grid[^1]);
        Assert.All(grid, b => Assert.InRange(b, betas[0], betas[1]));
    }

    [Fact]
    public void The_table_shows_values_with_errors_and_the_seed()
    {
        var run = CliRun.Invoke("thermo", Ising, "--temperature", "2:3:0.5", "--method", "pt", "--steps", "200", "--burn-in", "50");
        Assert.Equal(0, run.Code);
        Assert.Contains("±", run.Out);
        Assert.Contains("seed 42", run.Out);
    }

    [Fact]
    public void Csv_has_an_error_column_beside_each_quantity()
    {
        var csv = _files.Path("pt.csv");
        var run = CliRun.Invoke("thermo", Ising, "--beta", "0.3:0.5:0.1", "--method", "pt", "--steps", "200", "--csv", csv);
        Assert.Equal(0, run.Code);
        var lines = File.ReadAllLines(csv);
        Assert.StartsWith("beta,temperature,logZ,logZError,meanEnergy,meanEnergyError", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Equal(0.3, double.Parse(lines[1].Split(',')[0], CultureInfo.InvariantCulture), 1e-15);
    }

    [Fact]
    public void The_same_seed_gives_the_same_rows()
    {
        string Rows() => JsonDocument.Parse(CliRun.Invoke("thermo", Ising, "--beta", "0.4", "--method", "pt", "--steps", "100", "--json").Out)
            .RootElement.GetProperty("rows").GetRawText();
        Assert.Equal(Rows(), Rows());
    }

    [Fact]
    public void Temperatures_become_increasing_betas()
    {
        var run = CliRun.Invoke("thermo", Ising, "--temperature", "2:4:1", "--json");
        Assert.Equal(0, run.Code);
        using var document = JsonDocument.Parse(run.Out);
        var betas = document.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("beta").GetDouble()).ToArray();
        Assert.Equal([0.25, 1.0 / 3, 0.5], betas);
    }

    [Theory]
    [InlineData("--replicas", "0", "ebm: error: --replicas: 0, expected at least 1")]
    [InlineData("--steps", "10", "ebm: error: --steps: 10, expected at least 64")]
    public void Counts_out_of_range_are_bad_input(string option, string value, string expected)
    {
        var run = CliRun.Invoke("thermo", Ising, "--beta", "0.4", "--method", "pt", option, value);
        Assert.Equal(2, run.Code);
        Assert.StartsWith(expected, run.Err);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void A_zero_temperature_is_bad_input()
    {
        var run = CliRun.Invoke("thermo", Ising, "--temperature", "0:1:0.5");
        Assert.Equal(2, run.Code);
        Assert.StartsWith("ebm: error: --temperature: T = 0 has no beta", run.Err);
    }

    [Fact]
    public void Beta_and_temperature_together_are_bad_input()
    {
        var run = CliRun.Invoke("thermo", Ising, "--beta", "0.4", "--temperature", "2");
        Assert.Equal(2, run.Code);
        Assert.Contains("give one of them", run.Err);
    }

    [Fact]
    public void A_sampling_method_on_a_continuous_model_is_bad_input()
    {
        var model = _files.Write("gaussian.json", GaussianCases.Named("tridiagonal-3d").Json);
        var run = CliRun.Invoke("thermo", model, "--beta", "1", "--method", "pt");
        Assert.Equal(2, run.Code);
        Assert.StartsWith("ebm: error: method pt does not apply to a gaussian model", run.Err);
    }

    [Fact]
    public void Sampling_only_at_beta_zero_is_bad_input()
    {
        var run = CliRun.Invoke("thermo", Ising, "--beta", "0", "--method", "pt");
        Assert.Equal(2, run.Code);
        Assert.StartsWith("ebm: error: beta: a sampling method needs a beta above 0", run.Err);
    }
}
