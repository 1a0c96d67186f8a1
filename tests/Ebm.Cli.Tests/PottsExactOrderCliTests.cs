using System.Text.Json;

namespace Ebm.Cli.Tests;

/// <summary>
/// The exact rows beside a sampled ebm thermo run on the 3 x 3 q = 3 Potts torus of the examples carry the exact order
/// moments (&lt;|m|&gt;, chi, U_4 of the Potts order parameter, all 3^9 states enumerated), and the parallel tempering rows lie
/// within z = 4 of them: 4 chains x 4000 recorded sweeps = 16 000 correlated samples per beta, errors by batch means;
/// 6 betas x 3 moments = 18 comparisons, so a correct error bar fails one with probability about 1e-3; the seed is fixed.
/// </summary>
public sealed class PottsExactOrderCliTests
{
    private const double Z = 4.0;

    [Fact]
    public void Exact_rows_of_a_potts_run_carry_order_moments_the_sampled_rows_match()
    {
        var run = CliRun.Invoke("thermo", CliRun.Example("potts-3x3.json"), "--beta", "0.25:1.5:0.25", "--method", "pt", "--seed", "11", "--json");
        Assert.True(run.Code == 0, run.Err);
        using var document = JsonDocument.Parse(run.Out);
        var rows = document.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(6, rows.Count);
        foreach (var row in rows)
        {
            var exact = row.GetProperty("exact");
            foreach (var key in new[] { "meanAbsoluteMagnetisation", "susceptibility", "binder" })
            {
                var (value, error, expected) = (row.GetProperty(key).GetDouble(), row.GetProperty(key + "Error").GetDouble(), exact.GetProperty(key).GetDouble());
                Assert.True(error > 0, $"{key}Error = {error}");
                Assert.True(Math.Abs(value - expected) <= Z * error, $"{key} at beta {row.GetProperty("beta").GetDouble()}: {value} ± {error}, exact {expected}");
            }

            Assert.InRange(exact.GetProperty("meanAbsoluteMagnetisation").GetDouble(), 0.0, 1.0);
        }
    }
}
