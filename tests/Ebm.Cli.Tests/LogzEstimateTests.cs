using System.Text.Json;

namespace Ebm.Cli.Tests;

/// <summary><c>ebm logz --method ESTIMATOR</c>: the JSON contract, exact value beside, reproducibility, plots and bad input.</summary>
public sealed class LogzEstimateTests : IDisposable
{
    // |estimate - exact| <= 5 SE: a normal error exceeds it with probability < 1e-6. The runs use enough
    // particles and steps that the weight ESS stays above half the particles, where the delta-method error is reliable.
    private const double ZBound = 5.0;

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
        var exact = json.GetProperty("exact").GetProperty("logZ").GetDouble();
        var estimate = json.GetProperty("logZ").GetDouble();
        var se = json.GetProperty("standardError").GetDouble();
        Assert.InRange(estimate, exact - ZBound * se, exact + ZBound * se);
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
        var exact = json.GetProperty("exact").GetProperty("logZ").GetDouble();
        var se = json.GetProperty("standardError").GetDouble();
        Assert.True(se > 0 && double.IsFinite(se), $"standard error {se}");
        Assert.InRange(json.GetProperty("logZ").GetDouble(), exact - ZBound * se, exact + ZBound * se);
    }

    [Fact]
    public void The_sandwich_reports_its_forward_and_reverse_parts()
    {
        var run = CliRun.Invoke("logz", CliRun.Example("boltzmann-machine-3.json"), "--method", "sandwich", "--steps", "50", "--json");

        Assert.Equal(0, run.Code);
        using var document = JsonDocument.Parse(run.Out);
        var parts = document.RootElement.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("method").GetString()).ToList();
        Assert.Equal(["ais", "reverse-ais"], parts);
    }

    [Fact]
    public void Adaptive_schedules_run_for_ais_and_smc()
    {
        foreach (var method in new[] { "ais", "smc" })
        {
            var run = CliRun.Invoke("logz", CliRun.Example("boltzmann-machine-3.json"), "--method", method, "--schedule", "adaptive", "--json");
            Assert.Equal(0, run.Code);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_bits_and_another_seed_another_estimate()
    {
        string[] Args(string seed) => ["logz", CliRun.Example("ising-4x4.json"), "--method", "ais", "--steps", "50", "--seed", seed, "--json"];
        double LogZ(CliOutcome o)
        {
            using var d = JsonDocument.Parse(o.Out);
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
    }

    [Fact]
    public void A_schedule_file_is_used_and_a_bad_one_is_reported()
    {
        var good = _files.Write("schedule.txt", "# points\n0, 0.1, 0.3\n0.6 1\n");
        var run = CliRun.Invoke("logz", CliRun.Example("boltzmann-machine-3.json"), "--method", "ais", "--schedule", good, "--json");
        Assert.Equal(0, run.Code);

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
        var bytes = File.ReadAllBytes(plot);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }

    [Fact]
    public void Compare_prints_one_row_per_estimator_with_the_exact_value()
    {
        var run = CliRun.Invoke("logz", CliRun.Example("boltzmann-machine-3.json"), "--compare", "--steps", "50", "--json");

        Assert.Equal(0, run.Code);
        using var document = JsonDocument.Parse(run.Out);
        var methods = document.RootElement.GetProperty("methods").EnumerateArray().Select(m => m.GetProperty("method").GetString()).ToList();
        Assert.Equal(["is", "ais", "reverse-ais", "sandwich", "smc", "bridge", "linked-is", "ti"], methods);
        Assert.True(document.RootElement.GetProperty("exactLogZ").GetDouble() > 0);
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
        var exact = json.GetProperty("exact").GetProperty("logZ").GetDouble();
        var se = json.GetProperty("standardError").GetDouble();
        Assert.InRange(json.GetProperty("logZ").GetDouble(), exact - ZBound * se, exact + ZBound * se);
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
        var json = document.RootElement;
        var exact = json.GetProperty("exact").GetProperty("logZ").GetDouble();
        var se = json.GetProperty("standardError").GetDouble();
        Assert.InRange(json.GetProperty("logZ").GetDouble(), exact - ZBound * se, exact + ZBound * se);
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
        var exact = json.GetProperty("exact").GetProperty("logZ").GetDouble();
        var exactRun = CliRun.Invoke("logz", CliRun.Example("boltzmann-machine-3.json"), "--versus", reference, "--method", "exact", "--json");
        using var exactDocument = JsonDocument.Parse(exactRun.Out);
        var e = exactDocument.RootElement;
        Assert.Equal(e.GetProperty("logZA").GetDouble() - e.GetProperty("logZB").GetDouble(), exact, 1e-12);
        var se = json.GetProperty("standardError").GetDouble();
        Assert.InRange(json.GetProperty("logZ").GetDouble(), exact - ZBound * se, exact + ZBound * se);
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
    public void A_model_without_an_annealing_path_is_told_to_use_the_exact_method()
    {
        var run = CliRun.Invoke("logz", CliRun.Example("gaussian-bernoulli-rbm-2x2.json"), "--method", "ais");

        Assert.Equal(2, run.Code);
        Assert.Contains("--method exact", run.Err);
    }
}
