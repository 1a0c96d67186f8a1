using System.Text.Json;

namespace Ebm.Cli.Tests;

/// <summary>
/// ebm thermo names the Ising kernel its sampling methods ran: multi-spin coded on a periodic lattice with even sides,
/// byte by byte on any other; models without an Ising kernel get no kernel key.
/// </summary>
public sealed class ThermoKernelTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    private string Ising(int rows, int columns)
    {
        var path = _files.Path($"ising-{rows}x{columns}.json");
        File.WriteAllText(path, $$"""{"kind":"ising","rows":{{rows}},"columns":{{columns}},"boundary":"periodic","coupling":1,"field":0}""");
        return path;
    }

    private static JsonElement Json(params string[] arguments)
    {
        var run = CliRun.Invoke(arguments);
        Assert.True(run.Code == 0, run.Err);
        using var document = JsonDocument.Parse(run.Out);
        return document.RootElement.Clone();
    }

    [Theory]
    [InlineData("pt")]
    [InlineData("reweighting")]
    [InlineData("ais")]
    public void The_json_names_the_multi_spin_kernel_on_an_even_torus(string method)
    {
        var json = Json("thermo", CliRun.Example("ising-4x4.json"), "--beta", "0.3:0.5:0.1", "--method", method, "--replicas", "8", "--steps", "64", "--json");
        Assert.Equal("multispin-metropolis", json.GetProperty("kernel").GetString());
    }

    [Fact]
    public void An_odd_torus_is_swept_byte_by_byte_and_the_table_says_so()
    {
        var json = Json("thermo", Ising(3, 3), "--beta", "0.3:0.5:0.1", "--method", "pt", "--steps", "64", "--json");
        Assert.Equal("checkerboard-metropolis", json.GetProperty("kernel").GetString());
        var table = CliRun.Invoke("thermo", Ising(4, 6), "--beta", "0.3:0.5:0.1", "--method", "pt", "--steps", "64");
        Assert.Equal(0, table.Code);
        Assert.Contains("kernel multispin-metropolis", table.Out);
    }

    [Fact]
    public void A_potts_lattice_has_no_ising_kernel()
    {
        var json = Json("thermo", CliRun.Example("potts-3x3.json"), "--beta", "0.5", "--method", "ais", "--replicas", "16", "--json");
        Assert.False(json.TryGetProperty("kernel", out _));
    }
}
