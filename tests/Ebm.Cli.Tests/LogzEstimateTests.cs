using System.Globalization;
using System.Text.Json;

namespace Ebm.Cli.Tests;

/// <summary><c>ebm logz --method ESTIMATOR</c>: the JSON contract, exact value beside, reproducibility, plots and bad input.</summary>
/// <remarks>
/// Every run that prints an estimate is checked against an exact value computed by the test itself
/// (<see cref="ExampleExact"/>), never against the command's own <c>exact</c> block, which is checked against it too.
/// </remarks>
public sealed class LogzEstimateTests : IDisposable
{
    // |estimate - exact| <= 5 SE: a normal error exceeds it with probability < 1e-6. The runs use enough
    // particles and steps that the weight ESS stays above half the particles, where the delta-method error is reliable.
    private const double ZBound = 5.0;

    // The command's exact block is the library's own exact method or closed form: it agrees with ours to round-off.
    private const double ExactAgreement = 1e-9;

    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<string> Examples() => new()
    {
        "ising-4x4.json", "boltzmann-machine-3.json", "bernoulli-rbm-3x2.json", "gaussian-2d.json", "double-well.json", "gaussian-mixture-2d.json",
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Ais_json_has_the_contract_keys_and_lands_near_the_exact_value(string example)
    {
        var run = CliRun.Invoke("logz", CliRun.Example(example), "--method", "ais", "--particles", "400", "--steps", "300", "--seed", "7", "--json");

        Assert.Equal(0, run.Code);
        using var document = JsonDocument.Parse(run.Out);
        var json = document.RootElement;
        foreach (var key in new[] { "method", "beta", "logZ", "standardError", "ess", "warnings", "seed" })
            Assert.True(json.TryGetProperty(key, out _), $"missing key {key}");
        Assert.Equal("ais", json.GetProperty("method").GetString());
        Assert.Equal(7UL, json.GetProperty("seed").GetUInt64());
        Assert.Equal(JsonValueKind.Array, json.GetProperty("warnings").ValueKind);
        Assert.True(json.GetProperty("ess").GetDouble() > 200, $"ESS {json.GetProperty("ess").GetDouble()}");
        AssertNearExact(example, json, ExampleExact.LogZ(example));
    }

    public static TheoryData<string, string> MethodsOnModels() => new()
    {
        { "is", "boltzmann-machine-3.json" }, { "reverse-ais", "boltzmann-machine-3.json" }, { "sandwich", "bernoulli-rbm-3x2.json" },
        { "smc", "ising-4x4.json" }, { "bridge", "gaussian-2d.json" }, { "linked-is", "boltzmann-machine-3.json" },
        { "ti", "boltzmann-machine-3.json" }, { "reverse-ais", "gaussian-2d.json" }, { "smc", "gaussian-mixture-2d.json" },
    };

    [Theory]
    [MemberData(nameof(MethodsOnModels))]
    public void Every_estimator_reports_its_method_and_lands_near_the_exact_value(string method, string example)
    {
        var run = CliRun.Invoke("logz", CliRun.Example(example), "--method", method, "--particles", "200", "--steps", "200", "--seed", "11", "--json");

        Assert.Equal(0, run.Code);
        using var document = JsonDocument.Parse(run.Out);
        var json = document.RootElement;
        Assert.Equal(method, json.GetProperty("method").GetString());
        AssertNearExact($"{method} on {example}", json, ExampleExact.LogZ(example));
    }

    [Fact]
    public void The_sandwich_reports_its_forward_and_reverse_parts()
    {
        var run = CliRun.Invoke("logz", CliRun.Example("boltzmann-machine-3.json"), "--method", "sandwich", "--steps", "50", "--json");

        Assert.Equal(0, run.Code);
        using var document = JsonDocument.Parse(run.Out);
        var parts = document.RootElement.GetProperty("parts").EnumerateArray().ToList();
        Assert.Equal(["ais", "reverse-ais"], parts.Select(p => p.GetProperty("method").GetString()));
        var exact = ExampleExact.LogZ("boltzmann-machine-3.json");
        AssertNearExact("sandwich", document.RootElement, exact);
        foreach (var part in parts) AssertNearExact($"sandwich part {part.GetProperty("method").GetString()}", part, exact);
    }

    [Fact]
    public void Adaptive_schedules_run_for_ais_and_smc()
    {
        foreach (var method in new[] { "ais", "smc" })
        {
            var run = CliRun.Invoke("logz", CliRun.Example("boltzmann-machine-3.json"), "--method", method, "--schedule", "adaptive", "--json");
            Assert.Equal(0, run.Code);
            using var document = JsonDocument.Parse(run.Out);
            AssertNearExact($"adaptive {method}", document.RootElement, ExampleExact.LogZ("boltzmann-machine-3.json"));
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_bits_and_another_seed_another_estimate()
    {
        string[] Args(string seed) => ["logz", CliRun.Example("ising-4x4.json"), "--method", "ais", "--steps", "50", "--seed", seed, "--json"];
        double LogZ(CliOutcome o)
        {
            using var d = JsonDocument.Parse(o.Out);
            AssertNearExact("ising-4x4.json", d.RootElement, ExampleExact.LogZ("ising-4x4.json"));
            return d.RootElement.GetProperty("logZ").GetDouble();
        }

        var (a, b, c) = (CliRun.Invoke(Args("3")), CliRun.Invoke(Args("3")), CliRun.Invoke(Args("4")));
        Assert.Equal(BitConverter.DoubleToInt64Bits(LogZ(a)), BitConverter.DoubleToInt64Bits(LogZ(b)));
        Assert.NotEqual(LogZ(a), LogZ(c));
    }

    [Fact]
    public void Text_output_shows_seed_error_and_exact_value()
    {
        var run = CliRun.Invoke("logz", CliRun.Example("boltzmann-machine-3.json"), "--method", "ais", "--steps", "50");

        Assert.Equal(0, run.Code);
        Assert.Contains("seed           42", run.Out);
        Assert.Contains("(delta method)", run.Out);
        Assert.Contains("exact log Z", run.Out);
        Assert.Contains("weight ESS", run.Out);
        AssertTextNearExact(run.Out, ExampleExact.LogZ("boltzmann-machine-3.json"));
    }

    [Fact]
    public void A_schedule_file_is_used_and_a_bad_one_is_reported()
    {
        var good = _files.Write("schedule.txt", "# points\n0, 0.1, 0.3\n0.6 1\n");
        var run = CliRun.Invoke("logz", CliRun.Example("boltzmann-machine-3.json"), "--method", "ais", "--schedule", good, "--json");
        Assert.Equal(0, run.Code);
        using (var document = JsonDocument.Parse(run.Out))
        {
            AssertNearExact("ais on the schedule file", document.RootElement, ExampleExact.LogZ("boltzmann-machine-3.json"));
        }

        var bad = _files.Write("bad.txt", "0 0.5 0.4 0.9");
        var failed = CliRun.Invoke("logz", CliRun.Example("boltzmann-machine-3.json"), "--method", "ais", "--schedule", bad);
        Assert.Equal(2, failed.Code);
        Assert.Contains("increase strictly", failed.Err);
        Assert.Contains("must be 1", failed.Err);
    }

    [Fact]
    public void Plot_writes_a_png()
    {
        var plot = _files.Path("ais.png");
        var run = CliRun.Invoke("logz", CliRun.Example("ising-4x4.json"), "--method", "ais", "--steps", "50", "--plot", plot);

        Assert.Equal(0, run.Code);
        AssertTextNearExact(run.Out, ExampleExact.LogZ("ising-4x4.json"));
        var bytes = File.ReadAllBytes(plot);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }

    [Fact]
    public void Compare_prints_one_row_per_estimator_with_the_exact_value()
    {
        var run = CliRun.Invoke("logz", CliRun.Example("boltzmann-machine-3.json"), "--compare", "--steps", "50", "--json");

        Assert.Equal(0, run.Code);
        using var document = JsonDocument.Parse(run.Out);
        var methods = document.RootElement.GetProperty("methods").EnumerateArray().ToList();
        Assert.Equal(["is", "ais", "reverse-ais", "sandwich", "smc", "bridge", "linked-is", "ti"], methods.Select(m => m.GetProperty("method").GetString()));
        var exact = ExampleExact.LogZ("boltzmann-machine-3.json");
        Assert.Equal(exact, document.RootElement.GetProperty("exactLogZ").GetDouble(), ExactAgreement);
        foreach (var method in methods) AssertNearExact($"compare row {method.GetProperty("method").GetString()}", method, exact);
    }

    [Theory]
    [InlineData("--particles", "0", "--particles")]
    [InlineData("--steps", "-3", "--steps")]
    [InlineData("--beta", "0", "--beta")]
    [InlineData("--kernel", "wolff", "--kernel")]
    [InlineData("--kernel", "teleport", "--kernel")]
    [InlineData("--schedule", "missing-file.txt", "missing-file.txt")]
    [InlineData("--ess-threshold", "1.5", "--ess-threshold")]
    [InlineData("--repetitions", "0", "--repetitions")]
    [InlineData("--target-cess", "1", "--target-cess")]
    [InlineData("--resampling", "lottery", "--resampling")]
    public void Bad_options_exit_2_with_a_message_naming_them(string option, string value, string named)
    {
        var run = CliRun.Invoke("logz", CliRun.Example("boltzmann-machine-3.json"), "--method", "ais", option, value);

        Assert.Equal(2, run.Code);
        Assert.Contains(named, run.Err);
        Assert.DoesNotContain("   at ", run.Err);
    }

    [Fact]
    public void Rbm_data_set_the_base_rate_of_block_gibbs_annealing()
    {
        var data = _files.Write("data.txt", "# three visible units\n1 0 1\n1,1,0\n0 0 1\n1 0 0\n");
        var run = CliRun.Invoke("logz", CliRun.Example("bernoulli-rbm-3x2.json"), "--method", "ais", "--data", data, "--particles", "400", "--steps", "200", "--json");

        Assert.Equal(0, run.Code);
        using var document = JsonDocument.Parse(run.Out);
        var json = document.RootElement;
        Assert.Equal("block-gibbs", json.GetProperty("kernel").GetString());
        AssertNearExact("ais from the data's base rate", json, ExampleExact.LogZ("bernoulli-rbm-3x2.json"));
    }

    [Theory]
    [InlineData("is")]
    [InlineData("bridge")]
    public void Rbm_data_set_the_factorised_proposal_of_importance_and_bridge_sampling(string method)
    {
        var data = _files.Write("data.txt", "1 0 1\n1 1 0\n0 0 1\n1 0 0\n");
        var run = CliRun.Invoke("logz", CliRun.Example("bernoulli-rbm-3x2.json"), "--method", method, "--data", data, "--particles", "100", "--steps", "200", "--json");

        Assert.Equal(0, run.Code);
        using var document = JsonDocument.Parse(run.Out);
        AssertNearExact($"{method} from the data's base rate", document.RootElement, ExampleExact.LogZ("bernoulli-rbm-3x2.json"));
    }

    [Theory]
    [InlineData("1 0 1\n1 0\n", "line 2 has 2 values")]
    [InlineData("1 0 2\n", "only 0 and 1")]
    [InlineData("1 x 0\n", "not a finite number")]
    [InlineData("# nothing\n", "no data rows")]
    public void Bad_data_files_exit_2_naming_the_problem(string content, string problem)
    {
        var data = _files.Write("bad.txt", content);
        var run = CliRun.Invoke("logz", CliRun.Example("bernoulli-rbm-3x2.json"), "--method", "ais", "--data", data);

        Assert.Equal(2, run.Code);
        Assert.Contains(problem, run.Err);
    }

    [Fact]
    public void Data_for_a_model_that_does_not_use_them_is_an_error()
    {
        var data = _files.Write("data.txt", "1 0 1\n");
        var run = CliRun.Invoke("logz", CliRun.Example("boltzmann-machine-3.json"), "--method", "ais", "--data", data);

        Assert.Equal(2, run.Code);
        Assert.Contains("--data", run.Err);
    }

    private const string SpinMachine =
        """{ "kind": "boltzmann-machine", "states": "spin", "couplings": [[0, 0.3, -0.2], [0.3, 0, 0.1], [-0.2, 0.1, 0]], "biases": [0.1, 0, -0.3] }""";

    private static readonly Ebm.Functional.Models.BoltzmannMachine SpinMachineModel =
        ExampleExact.Machine([[0, 0.3, -0.2], [0.3, 0, 0.1], [-0.2, 0.1, 0]], [0.1, 0, -0.3]);

    [Theory]
    [InlineData("ais")]
    [InlineData("sandwich")]
    [InlineData("smc")]
    public void Versus_estimates_the_log_ratio_of_two_models_near_the_exact_difference(string method)
    {
        var reference = _files.Write("b.json", SpinMachine);
        var run = CliRun.Invoke("logz", CliRun.Example("boltzmann-machine-3.json"), "--versus", reference, "--method", method, "--particles", "200", "--steps", "100", "--json");

        Assert.Equal(0, run.Code);
        using var document = JsonDocument.Parse(run.Out);
        var json = document.RootElement;
        Assert.Equal("log(Z_A / Z_B)", json.GetProperty("quantity").GetString());
        // Both machines enumerated here: log Z_A - log Z_B.
        var exact = ExampleExact.LogZ(ExampleExact.Machine3) - ExampleExact.LogZ(SpinMachineModel);
        var exactRun = CliRun.Invoke("logz", CliRun.Example("boltzmann-machine-3.json"), "--versus", reference, "--method", "exact", "--json");
        using var exactDocument = JsonDocument.Parse(exactRun.Out);
        var e = exactDocument.RootElement;
        Assert.Equal(exact, e.GetProperty("logZA").GetDouble() - e.GetProperty("logZB").GetDouble(), ExactAgreement);
        AssertNearExact($"{method} versus", json, exact);
    }

    [Theory]
    [InlineData("is", "needs an annealing method")]
    [InlineData("ais", "do not share a state space")]
    public void Versus_rejects_proposal_methods_and_mismatched_models(string method, string problem)
    {
        var reference = _files.Write("b.json", method == "is" ? SpinMachine : """{ "kind": "gaussian", "mean": [0, 0], "precision": [[1, 0], [0, 1]] }""");
        var run = CliRun.Invoke("logz", CliRun.Example("boltzmann-machine-3.json"), "--versus", reference, "--method", method);

        Assert.Equal(2, run.Code);
        Assert.Contains(problem, run.Err);
    }

    [Fact]
    public void A_model_without_a_proposal_is_told_to_use_the_exact_method()
    {
        var run = CliRun.Invoke("logz", CliRun.Example("gaussian-bernoulli-rbm-2x2.json"), "--method", "is");

        Assert.Equal(2, run.Code);
        Assert.Contains("--method exact", run.Err);
    }

    /// <summary>
    /// |z| &lt;= 5 for the JSON estimate against <paramref name="exact"/>, and where the command prints its own exact
    /// value, that value agrees with ours.
    /// </summary>
    private static void AssertNearExact(string context, JsonElement json, double exact)
    {
        var estimate = json.GetProperty("logZ").GetDouble();
        var se = json.GetProperty("standardError").GetDouble();
        Assert.True(se > 0 && double.IsFinite(se), $"{context}: standard error {se}");
        var z = (estimate - exact) / se;
        Assert.True(Math.Abs(z) <= ZBound, $"{context}: log Z {estimate:R} +/- {se:R}, exact {exact:R}, z = {z:F2}");
        if (json.TryGetProperty("exact", out var printed))
            Assert.Equal(exact, printed.GetProperty("logZ").GetDouble(), ExactAgreement);
    }

    /// <summary>|z| &lt;= 5 for the estimate of the text report's "log Z   VALUE ± SE (source)" line.</summary>
    private static void AssertTextNearExact(string output, double exact)
    {
        var line = output.Split('\n').Single(l => l.StartsWith("log Z ", StringComparison.Ordinal));
        var fields = line["log Z".Length..].Split('±');
        var estimate = double.Parse(fields[0].Trim(), CultureInfo.InvariantCulture);
        var se = double.Parse(fields[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.True(se > 0 && double.IsFinite(se), $"standard error {se} in: {line}");
        var z = (estimate - exact) / se;
        Assert.True(Math.Abs(z) <= ZBound, $"{line}: exact {exact:R}, z = {z:F2}");
    }
}
