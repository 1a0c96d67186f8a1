using System.Text.Json;

namespace Ebm.Cli.Tests;

/// <summary>
/// ebm thermo with the sampling methods on the 3 x 3 q = 3 Potts torus of the examples: every row within z = 4 of the
/// exact value the command prints beside it (6 betas x 5 quantities = 30 comparisons per run, so a correct error bar
/// fails one with probability 2e-3; the seed is fixed), with the order moments of the Potts order parameter.
/// </summary>
public sealed class PottsThermoCliTests
{
    private const double Z = 4.0;

    [Theory]
    [InlineData("pt")]
    [InlineData("reweighting")]
    [InlineData("ais")]
    public void Potts_rows_carry_errors_and_match_the_exact_values(string method)
    {
        var run = CliRun.Invoke("thermo", CliRun.Example("potts-3x3.json"), "--beta", "0.25:1.5:0.25", "--method", method, "--seed", "7", "--json");
        Assert.True(run.Code == 0, run.Err);
        using var document = JsonDocument.Parse(run.Out);
        var json = document.RootElement;
        Assert.Equal("potts", json.GetProperty("model").GetString());
        Assert.Equal(7UL, json.GetProperty("seed").GetUInt64());
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(6, rows.Count);
        foreach (var row in rows)
        {
            var exact = row.GetProperty("exact");
            foreach (var key in new[] { "logZ", "meanEnergy", "freeEnergy", "entropy", "heatCapacity" })
            {
                var (value, error) = (row.GetProperty(key).GetDouble(), row.GetProperty(key + "Error").GetDouble());
                Assert.True(error > 0, $"{key}Error = {error}");
                Assert.True(Math.Abs(value - exact.GetProperty(key).GetDouble()) <= Z * error,
                    $"{method} {key} at beta {row.GetProperty("beta").GetDouble()}: {value} ± {error}, exact {exact.GetProperty(key).GetDouble()}");
            }

            Assert.InRange(row.GetProperty("meanAbsoluteMagnetisation").GetDouble(), 0.0, 1.0);
            Assert.True(row.GetProperty("meanAbsoluteMagnetisationError").GetDouble() > 0);
        }
    }
}
