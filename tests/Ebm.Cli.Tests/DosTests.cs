using System.Globalization;
using System.Text.Json;

namespace Ebm.Cli.Tests;

/// <summary>
/// ebm dos on the 4 x 4 Ising torus, whose exact density of states is known: g(E) = 2, 32, 64, 424, 1728, 6688, 13568, 20524,
/// 13568, ... at E = -32, -24, -20, -16, -12, -8, -4, 0, 4, ... (symmetric about 0; 2^16 states in all).
/// </summary>
public sealed class DosTests : IDisposable
{
    private static readonly (double Energy, double Count)[] Torus4x4 =
    [
        (-32, 2), (-24, 32), (-20, 64), (-16, 424), (-12, 1728), (-8, 6688), (-4, 13568), (0, 20524),
        (4, 13568), (8, 6688), (12, 1728), (16, 424), (20, 64), (24, 32), (32, 2),
    ];

    private readonly TempDirectory _files = new();
    private readonly string _ising = CliRun.Example("ising-4x4.json");

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Exact_density_and_log_partition_function_of_the_4x4_torus()
    {
        var run = CliRun.Invoke("dos", _ising, "--method", "exact", "--beta", "0.5", "--json");
        Assert.Equal(0, run.Code);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal("exact", root.GetProperty("method").GetString());
        Assert.False(root.TryGetProperty("seed", out _));
        var density = root.GetProperty("density").EnumerateArray().ToArray();
        Assert.Equal(Torus4x4.Length, density.Length);
        for (var k = 0; k < Torus4x4.Length; k++)
        {
            Assert.Equal(Torus4x4[k].Energy, density[k].GetProperty("energy").GetDouble());
            Assert.Equal(Math.Log(Torus4x4[k].Count), density[k].GetProperty("logG").GetDouble(), 1e-12);
            Assert.Equal(0.0, density[k].GetProperty("logGError").GetDouble());
        }

        var row = root.GetProperty("rows")[0];
        var logZ = Math.Log(Torus4x4.Sum(p => p.Count * Math.Exp(-0.5 * p.Energy)));
        Assert.Equal(logZ, row.GetProperty("logZ").GetDouble(), 1e-10);
        Assert.Equal(0.0, row.GetProperty("logZError").GetDouble());
    }

    [Fact]
    public void Wang_landau_json_names_its_seed_and_lies_near_the_exact_density()
    {
        var run = CliRun.Invoke("dos", _ising, "--final-log-f", "1e-4", "--walkers", "4", "--seed", "9", "--json");
        Assert.Equal(0, run.Code);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal("wang-landau", root.GetProperty("method").GetString());
        Assert.Equal(9UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal(4, root.GetProperty("walkers").GetInt32());
        Assert.True(root.GetProperty("sweeps").GetInt64() > 0);
        var density = root.GetProperty("density").EnumerateArray().ToArray();
        Assert.Equal(Torus4x4.Length, density.Length);
        for (var k = 0; k < density.Length; k++)
        {
            Assert.Equal(Math.Log(Torus4x4[k].Count), density[k].GetProperty("exactLogG").GetDouble(), 1e-12);
            // ln f = 1e-4 leaves errors of a few 0.01 (measured 0.01-0.03); 0.25 is a loose bound on a wrong density, not a calibration.
            Assert.Equal(Math.Log(Torus4x4[k].Count), density[k].GetProperty("logG").GetDouble(), 0.25);
            Assert.True(density[k].GetProperty("logGError").GetDouble() > 0);
        }

        Assert.Equal(5, root.GetProperty("rows").GetArrayLength());
        Assert.True(root.GetProperty("rows")[0].GetProperty("heatCapacityError").GetDouble() > 0);
    }

    [Fact]
    public void Same_seed_same_output_and_another_seed_another()
    {
        string[] Args(string seed) => ["dos", _ising, "--final-log-f", "1e-3", "--seed", seed, "--json"];
        static string Density(string output) => JsonDocument.Parse(output).RootElement.GetProperty("density").GetRawText();
        var first = CliRun.Invoke(Args("3"));
        var again = CliRun.Invoke(Args("3"));
        var other = CliRun.Invoke(Args("4"));
        Assert.Equal(Density(first.Out), Density(again.Out));
        Assert.NotEqual(Density(first.Out), Density(other.Out));
    }

    [Fact]
    public void Table_csv_and_plot()
    {
        var csv = _files.Path("dos.csv");
        var png = _files.Path("dos.png");
        var run = CliRun.Invoke("dos", _ising, "--final-log-f", "1e-3", "--seed", "5", "--csv", csv, "--plot", png);
        Assert.Equal(0, run.Code);
        Assert.Contains("seed 5", run.Out);
        Assert.Contains("exact ln g(E)", run.Out);
        Assert.Contains($"ebm: wrote {csv}", run.Err);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("energy,logG,logGError", lines[0]);
        Assert.Equal(Torus4x4.Length + 1, lines.Length);
        Assert.Equal(-32.0, double.Parse(lines[1].Split(',')[0], CultureInfo.InvariantCulture));
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, File.ReadAllBytes(png)[..4]);
    }

    [Fact]
    public void Binary_model_on_an_energy_grid()
    {
        var couplings = _files.Write("machine.json", """
            {"kind": "boltzmann-machine", "states": "spin", "couplings": [[0, 1, -1], [1, 0, 2], [-1, 2, 0]], "biases": [1, 0, -1]}
            """);
        var refused = CliRun.Invoke("dos", couplings);
        Assert.Equal(2, refused.Code);
        Assert.Contains("energy grid", refused.Err);
        var run = CliRun.Invoke("dos", couplings, "--energy-grid", "-10:1:21", "--final-log-f", "1e-4", "--json");
        Assert.Equal(0, run.Code);
        var density = JsonDocument.Parse(run.Out).RootElement.GetProperty("density").EnumerateArray().ToArray();
        Assert.All(density, level => Assert.True(level.TryGetProperty("exactLogG", out _)));
        var states = density.Sum(level => Math.Exp(level.GetProperty("logG").GetDouble()));
        Assert.Equal(8.0, states, 1e-9);
    }

    [Fact]
    public void An_error_no_walker_spread_can_give_is_left_empty_in_the_csv()
    {
        var density = new Functional.Thermo.DensityOfStates("wang-landau", Functional.Numerics.Vec.Of(-1.0, 1.0), Functional.Numerics.Vec.Of(0.0, 0.0),
            Functional.Numerics.Vec.Of(0.01, double.NaN), Math.Log(2), 2, 10, LanguageExt.Option<Functional.Numerics.Mat>.None);
        var model = Functional.Models.IsingModel.Create(1, 1, 1.0, 1.0, Functional.Models.Boundary.Open).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var request = new Commands.DosRequest(_ising, "wang-landau", 0.8, 1e-6, 2, 100, 1000, 1, "1", null, false, null, null);
        var csv = new Commands.DosReport(model, density, LanguageExt.Option<Functional.Thermo.DensityOfStates>.None, LanguageExt.Seq<Functional.Thermo.ThermoPoint>.Empty,
            1UL, request, 0.0).Csv();
        Assert.Equal("energy,logG,logGError\n-1,0,0.01\n1,0,\n", csv);
    }

    [Fact]
    public void Potts_and_clock_files()
    {
        var exact = CliRun.Invoke("dos", CliRun.Example("potts-3x3.json"), "--method", "exact", "--json");
        Assert.Equal(0, exact.Code);
        var levels = JsonDocument.Parse(exact.Out).RootElement.GetProperty("density").EnumerateArray().ToArray();
        // 3^9 states; the three uniform states have E = -18, the lowest energy of the 18 bonds.
        Assert.Equal(19683.0, levels.Sum(level => Math.Exp(level.GetProperty("logG").GetDouble())), 1e-6);
        Assert.Equal(-18.0, levels[0].GetProperty("energy").GetDouble());
        Assert.Equal(Math.Log(3), levels[0].GetProperty("logG").GetDouble(), 1e-12);

        var sampled = CliRun.Invoke("dos", CliRun.Example("potts-3x3.json"), "--final-log-f", "1e-4", "--json");
        Assert.Equal(0, sampled.Code);
        var density = JsonDocument.Parse(sampled.Out).RootElement.GetProperty("density").EnumerateArray().ToArray();
        Assert.Equal(levels.Select(l => l.GetProperty("energy").GetDouble()), density.Select(l => l.GetProperty("energy").GetDouble()));
        Assert.All(density, level => Assert.True(level.TryGetProperty("exactLogG", out _)));

        // 4^16 states are too many to count for the overlay; the clock's q = 4 energies are the integers -32..32.
        var clock = CliRun.Invoke("dos", CliRun.Example("clock-4x4.json"), "--final-log-f", "1e-3", "--json");
        Assert.Equal(0, clock.Code);
        var clockLevels = JsonDocument.Parse(clock.Out).RootElement.GetProperty("density").EnumerateArray().ToArray();
        Assert.Equal(-32.0, clockLevels[0].GetProperty("energy").GetDouble());
        Assert.All(clockLevels, level => Assert.False(level.TryGetProperty("exactLogG", out _)));
        Assert.All(clockLevels, level => Assert.Equal(Math.Round(level.GetProperty("energy").GetDouble()), level.GetProperty("energy").GetDouble()));
    }

    [Theory]
    [InlineData("--flatness", "1.5", "ebm: error: --flatness: must lie strictly between 0 and 1")]
    [InlineData("--walkers", "1", "ebm: error: --walkers: must be at least 2")]
    [InlineData("--final-log-f", "0", "ebm: error: --final-log-f: must be > 0")]
    [InlineData("--energy-grid", "0:1", "ebm: error: --energy-grid: expected MIN:SPACING:COUNT")]
    [InlineData("--energy-grid", "0:-1:5", "ebm: error: --energy-grid: grid spacing: must be a finite number > 0")]
    [InlineData("--beta", "1:0:0.1", "ebm: error: --beta: TO = 0 is below FROM = 1")]
    [InlineData("--method", "magic", "ebm: error:")]
    public void Bad_options_are_named_with_exit_code_2(string option, string value, string message)
    {
        var run = CliRun.Invoke("dos", _ising, option, value);
        Assert.Equal(2, run.Code);
        Assert.Contains(message, run.Err);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Models_without_a_density_are_refused_with_exit_code_2()
    {
        var gaussian = CliRun.Invoke("dos", CliRun.Example("gaussian-2d.json"));
        Assert.Equal(2, gaussian.Code);
        Assert.Contains("ebm: error: the density of states of the gaussian model is not available", gaussian.Err);
        var large = _files.Write("ising-6x6.json", """{"kind": "ising", "rows": 6, "columns": 6, "boundary": "periodic", "coupling": 1, "field": 0}""");
        var exact = CliRun.Invoke("dos", large, "--method", "exact");
        Assert.Equal(2, exact.Code);
        Assert.Contains("too large for an exact density of states", exact.Err);
        var stuck = CliRun.Invoke("dos", _ising, "--max-sweeps", "100", "--check-every", "50");
        Assert.Equal(2, stuck.Code);
        Assert.Contains("did not reach the final ln f within 100 sweeps", stuck.Err);
    }
}
