using System.Globalization;
using System.Text.Json;
using Ebm.Cli.Output;

namespace Ebm.Cli.Tests;

public sealed class LogzTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<string, double> Cases() => new()
    {
        { "one-dimensional", 1.0 },
        { "correlated-2d", 2.0 },
        { "tridiagonal-3d", 0.5 },
        { "diagonal-3d", 1.0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Prints_the_exact_log_partition_function_of_a_gaussian_and_the_method(string name, double beta)
    {
        var gaussian = GaussianCases.Named(name);
        var path = _files.Write($"{name}.json", gaussian.Json);
        var run = CliRun.Invoke("logz", path, "--method", "exact", "--beta", beta.ToString("R", CultureInfo.InvariantCulture));

        Assert.Equal(0, run.Code);
        Assert.Equal("", run.Err);
        var logZLine = run.Out.Split('\n').Single(l => l.StartsWith("log Z", StringComparison.Ordinal));
        var printed = double.Parse(logZLine["log Z".Length..].Trim(), CultureInfo.InvariantCulture);
        Assert.Equal(gaussian.LogZ(beta), printed, 1e-12);
        Assert.Contains("method         exact (closed-form)", run.Out);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Json_output_is_one_object_with_the_exact_values(string name, double beta)
    {
        var gaussian = GaussianCases.Named(name);
        var path = _files.Write($"{name}.json", gaussian.Json);
        var run = CliRun.Invoke("logz", path, "--beta", beta.ToString("R", CultureInfo.InvariantCulture), "--json");

        Assert.Equal(0, run.Code);
        using var document = JsonDocument.Parse(run.Out);
        var json = document.RootElement;
        Assert.Equal(JsonValueKind.Object, json.ValueKind);
        var d = gaussian.Dimension;
        var logZ = json.GetProperty("logZ").GetDouble();
        Assert.Equal(gaussian.LogZ(beta), logZ, 1e-12);
        Assert.Equal("exact", json.GetProperty("method").GetString());
        Assert.Equal("closed-form", json.GetProperty("exactMethod").GetString());
        Assert.Equal("gaussian", json.GetProperty("model").GetString());
        Assert.Equal(d, json.GetProperty("dimension").GetInt32());
        Assert.Equal(beta, json.GetProperty("beta").GetDouble());
        Assert.Equal(d / (2 * beta), json.GetProperty("meanEnergy").GetDouble(), 1e-14);
        Assert.Equal(d / (2 * beta * beta), json.GetProperty("energyVariance").GetDouble(), 1e-14);
        Assert.Equal(d / 2.0, json.GetProperty("heatCapacity").GetDouble(), 1e-14);
        Assert.Equal(-logZ / beta, json.GetProperty("freeEnergy").GetDouble(), 1e-14);
        Assert.Equal(beta * d / (2 * beta) + logZ, json.GetProperty("entropy").GetDouble(), 1e-12);
        Assert.True(json.GetProperty("seconds").GetDouble() >= 0);
        Assert.Equal(VersionReport.Version, json.GetProperty("version").GetString());
    }

    [Fact]
    public void The_default_beta_is_one_and_the_exact_method_can_be_named()
    {
        var gaussian = GaussianCases.Named("correlated-2d");
        var path = _files.Write("g.json", gaussian.Json);
        var run = CliRun.Invoke("logz", path, "--exact-method", "closed-form", "--json");
        Assert.Equal(0, run.Code);
        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal(1.0, document.RootElement.GetProperty("beta").GetDouble());
        Assert.Equal(gaussian.LogZ(1.0), document.RootElement.GetProperty("logZ").GetDouble(), 1e-12);
    }

    [Fact]
    public void A_method_that_does_not_apply_is_bad_input()
    {
        var path = _files.Write("g.json", GaussianCases.Named("correlated-2d").Json);
        var run = CliRun.Invoke("logz", path, "--exact-method", "enumeration");
        Assert.Equal(2, run.Code);
        Assert.StartsWith("ebm: error: ", run.Err);
        Assert.Contains("does not apply", run.Err);
        Assert.Equal("", run.Out);
        Assert.False(run.HasStackTrace);
    }

    [Fact]
    public void A_model_without_an_applicable_exact_method_is_bad_input()
    {
        var path = _files.Write("big.json", """{"kind":"ising","rows":64,"columns":64,"boundary":"open","field":0.5}""");
        var run = CliRun.Invoke("logz", path, "--method", "exact");
        Assert.Equal(2, run.Code);
        Assert.StartsWith("ebm: error: ", run.Err);
        Assert.Contains("ising", run.Err, StringComparison.OrdinalIgnoreCase);
        Assert.False(run.HasStackTrace);
    }
}
