using System.Globalization;
using System.Text.Json;

namespace Ebm.Cli.Tests;

/// <summary>
/// ebm logz --method exact and ebm thermo on models with finite but extreme parameters: finite numbers with exit 0,
/// or exit 2 with a message naming the model file, the field and beta; never NaN or infinity with exit 0.
/// </summary>
public sealed class ExactOverflowCliTests : IDisposable
{
    private const string HugeBias = """{"kind":"boltzmann-machine","states":"spin","couplings":[[0,0.5],[0.5,0]],"biases":[1e308,-0.1]}""";
    private const string HugeCoupling = """{"kind":"ising","rows":3,"columns":3,"boundary":"periodic","coupling":1e308,"field":0}""";
    private const string StrongField = """{"kind":"ising","rows":3,"columns":3,"boundary":"periodic","coupling":1,"field":1e6}""";
    private const string FarMixture = """{"kind":"gaussian-mixture-2d","weights":[0.5,0.5],"means":[[-2e300,0],[2,0]],"sigmas":[0.5,0.8]}""";
    private const string Gaussian = """{"kind":"gaussian","mean":[1,-2,0.5],"precision":[[2,0,0],[0,0.5,0],[0,0,3]]}""";

    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static void AssertNoNonFinite(string text)
    {
        Assert.DoesNotContain("NaN", text);
        Assert.DoesNotContain("Infinity", text);
        Assert.DoesNotContain("∞", text);
    }

    private static void AssertRefused(CliOutcome run, string path, string field, string beta)
    {
        Assert.Equal(2, run.Code);
        Assert.Equal("", run.Out);
        Assert.StartsWith($"ebm: error: {path}: ", run.Err);
        Assert.Contains(field, run.Err);
        Assert.Contains($"at beta {beta}", run.Err);
        Assert.Contains("overflows double precision", run.Err);
        Assert.Single(run.Err.Trim().Split('\n'));
    }

    [Fact]
    public void Logz_of_a_bias_of_1e308_prints_finite_numbers_at_beta_1()
    {
        var path = _files.Write("bm.json", HugeBias);
        var run = CliRun.Invoke("logz", path, "--method", "exact", "--beta", "1");
        Assert.Equal(0, run.Code);
        AssertNoNonFinite(run.Out);
        var logZ = run.Out.Split('\n').Single(l => l.StartsWith("log Z", StringComparison.Ordinal));
        Assert.Equal(1e308, Parse(logZ["log Z".Length..].Trim()));
    }

    [Fact]
    public void Logz_of_a_bias_of_1e308_at_beta_2_exits_2_naming_the_biases()
    {
        var path = _files.Write("bm.json", HugeBias);
        AssertRefused(CliRun.Invoke("logz", path, "--method", "exact", "--beta", "2"), path, "biases", "2");
        AssertRefused(CliRun.Invoke("logz", path, "--method", "exact", "--beta", "2", "--json"), path, "biases", "2");
    }

    [Fact]
    public void Logz_of_an_Ising_coupling_of_1e308_by_enumeration_exits_2_naming_the_coupling()
    {
        var path = _files.Write("ising.json", HugeCoupling);
        AssertRefused(CliRun.Invoke("logz", path, "--method", "exact", "--exact-method", "enumeration"), path, "coupling", "1");
    }

    [Fact]
    public void Logz_of_an_Ising_field_of_1e6_at_beta_100_is_answered_by_enumeration()
    {
        var path = _files.Write("ising.json", StrongField);
        var run = CliRun.Invoke("logz", path, "--method", "exact", "--beta", "100");
        Assert.Equal(0, run.Code);
        Assert.Contains("method         exact (enumeration)", run.Out);
        Assert.Contains("log Z          900001800", run.Out);
        AssertNoNonFinite(run.Out);
    }

    [Fact]
    public void Logz_json_of_a_gaussian_at_beta_1e308_has_C_equal_to_half_the_dimension()
    {
        var path = _files.Write("gaussian.json", Gaussian);
        var run = CliRun.Invoke("logz", path, "--method", "exact", "--beta", "1e308", "--json");
        Assert.Equal(0, run.Code);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(1.5, json.RootElement.GetProperty("heatCapacity").GetDouble());
        foreach (var key in new[] { "logZ", "meanEnergy", "energyVariance", "freeEnergy", "entropy" })
            Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty(key).ValueKind);
    }

    [Fact]
    public void Thermo_csv_of_a_bias_of_1e308_exits_2_naming_the_biases_and_writes_no_file()
    {
        var path = _files.Write("bm.json", HugeBias);
        var csv = _files.Path("thermo.csv");
        AssertRefused(CliRun.Invoke("thermo", path, "--beta", "0.5:2:0.5", "--csv", csv), path, "biases", "2");
        Assert.False(File.Exists(csv));
    }

    [Fact]
    public void Thermo_csv_of_a_gaussian_at_huge_beta_has_finite_columns_and_C_equal_to_half_the_dimension()
    {
        var path = _files.Write("gaussian.json", Gaussian);
        var csv = _files.Path("thermo.csv");
        var run = CliRun.Invoke("thermo", path, "--beta", "1e307:1.5e308:1e307", "--csv", csv);
        Assert.Equal(0, run.Code);
        AssertNoNonFinite(run.Out);
        var lines = File.ReadAllLines(csv);
        Assert.Equal(15, lines.Length - 1);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            foreach (var cell in cells[..^1]) Assert.True(double.IsFinite(Parse(cell)), line);
            Assert.Equal(1.5, Parse(cells[6]));
        }
    }

    [Fact]
    public void The_last_check_before_printing_refuses_a_non_finite_result_naming_the_file_and_field()
    {
        // The library never returns such a result; this is the tool's own guard, checked on a result made by hand.
        var model = Ebm.Functional.Models.IsingModel.Create(2, 2, 1e300, 0.0, Ebm.Functional.Models.Boundary.Periodic)
            .Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var nan = new Ebm.Functional.Exact.ExactResult("enumeration", 1.0, double.NaN, 0.0, 0.0, LanguageExt.Option<Ebm.Functional.Exact.MagnetisationMoments>.None);
        var error = Commands.ExactOutput.Check("m.json", model, nan).Match(_ => throw new Xunit.Sdk.XunitException("expected a failure"), e => e);
        Assert.StartsWith("m.json: coupling", error.Message);
        Assert.Contains("at beta 1: log Z overflows double precision", error.Message);
        Assert.True(error.IsExpected);

        var atZero = new Ebm.Functional.Exact.ExactResult("enumeration", 0.0, 4 * Math.Log(2.0), 0.0, 1.0, LanguageExt.Option<Ebm.Functional.Exact.MagnetisationMoments>.None);
        Assert.True(Commands.ExactOutput.Check("m.json", model, atZero).IsSucc, "F = -infinity is exact at beta = 0");
    }

    [Fact]
    public void Logz_of_mixture_means_1e300_apart_exits_2_naming_the_means()
    {
        var path = _files.Write("mixture.json", FarMixture);
        var run = CliRun.Invoke("logz", path, "--method", "exact");
        Assert.Equal(2, run.Code);
        Assert.StartsWith($"ebm: error: {path}: quadrature of gaussian-mixture-2d: means", run.Err);
        Assert.Contains("at beta 1", run.Err);
        AssertNoNonFinite(run.Err);
    }
}
