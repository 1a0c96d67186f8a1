using System.Text.Json;
using Ebm.Functional.Models;
using Ebm.Functional.Shell.ModelFiles;

namespace Ebm.Cli.Tests;

/// <summary><c>ebm train</c>: the output folder, the seed, the configuration file, and every model and objective path.</summary>
public sealed class TrainCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ebm-train-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Out(string name) => Path.Combine(_root, name);

    private static readonly string[] Exact3x3 =
        ["train", "--model", "bernoulli-rbm", "--hidden", "4", "--data", "builtin:bars-and-stripes:3", "--objective", "exact", "--optimizer", "adam", "--lr", "0.1", "--epochs", "20", "--eval-every", "5"];

    [Fact]
    public void Writes_the_model_checkpoint_metrics_plots_and_manifest_and_prints_the_seed()
    {
        var folder = Out("run");
        var run = CliRun.Invoke([.. Exact3x3, "--out", folder]);
        Assert.True(run.Code == 0, run.Err);
        Assert.Contains("seed           42", run.Out);

        foreach (var file in new[] { "model.json", "model.npz", "checkpoint.json", "metrics.csv", "learning-curve.png", "samples.png", "filters.png", "manifest.json" })
            Assert.True(File.Exists(Path.Combine(folder, file)), $"{file} is missing");
        Assert.Equal(8, Directory.GetFiles(folder).Length);

        var json = (BernoulliRbm)ModelFile.Load(Path.Combine(folder, "model.json")).Match(x => x, e => throw new InvalidOperationException(e.Message));
        var npz = (BernoulliRbm)ModelNpz.Load(Path.Combine(folder, "model.npz")).Match(x => x, e => throw new InvalidOperationException(e.Message));
        Assert.Equal((9, 4), (json.Visible, json.Hidden));
        Assert.Equal(json, npz);

        var lines = File.ReadAllLines(Path.Combine(folder, "metrics.csv"));
        Assert.StartsWith("epoch,step,", lines[0], StringComparison.Ordinal);
        Assert.Equal(new[] { "0", "5", "10", "15", "20" }, lines.Skip(1).Select(l => l.Split(',')[0]));
        var header = lines[0].Split(',');
        var finalLl = double.Parse(lines[^1].Split(',')[Array.IndexOf(header, "train-ll")], System.Globalization.CultureInfo.InvariantCulture);

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        var m = manifest.RootElement;
        Assert.Equal(42UL, m.GetProperty("seed").GetUInt64());
        Assert.Equal("exact", m.GetProperty("config").GetProperty("objective").GetString());
        Assert.Equal(0.1, m.GetProperty("config").GetProperty("lr").GetDouble());
        Assert.False(string.IsNullOrEmpty(m.GetProperty("version").GetString()));
        Assert.False(string.IsNullOrEmpty(m.GetProperty("matrixProduct").GetString()));
        Assert.Equal(finalLl, m.GetProperty("finalMetrics").GetProperty("train-ll").GetDouble());
        Assert.Equal(14, m.GetProperty("data").GetProperty("trainExamples").GetInt32());
    }

    [Fact]
    public void The_same_seed_gives_the_same_bits_and_another_seed_other_bits()
    {
        string[] Pcd(string output, string seed) =>
            ["train", "--model", "bernoulli-rbm", "--hidden", "4", "--data", "builtin:bars-and-stripes:3", "--objective", "pcd", "--chains", "10", "--epochs", "5", "--seed", seed, "--out", output];
        Assert.Equal(0, CliRun.Invoke(Pcd(Out("a"), "5")).Code);
        Assert.Equal(0, CliRun.Invoke(Pcd(Out("b"), "5")).Code);
        Assert.Equal(0, CliRun.Invoke(Pcd(Out("c"), "6")).Code);
        byte[] Model(string name) => File.ReadAllBytes(Path.Combine(Out(name), "model.npz"));
        Assert.Equal(Model("a"), Model("b"));
        Assert.NotEqual(Model("a"), Model("c"));
    }

    [Fact]
    public void A_configuration_file_gives_the_run_of_its_options_and_options_given_beside_it_win()
    {
        var config = Path.Combine(_root, "bas.json");
        File.WriteAllText(config, """
            {"model": "bernoulli-rbm", "hidden": 4, "data": "builtin:bars-and-stripes:3", "objective": "exact", "optimizer": "adam",
             "lr": 0.1, "epochs": 20, "evalEvery": 5, "out": "from-config"}
            """);
        Assert.Equal(0, CliRun.Invoke([.. Exact3x3, "--out", Out("from-options")]).Code);
        var fromConfig = CliRun.Invoke("train", config);
        Assert.True(fromConfig.Code == 0, fromConfig.Err);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Out("from-options"), "model.json")), File.ReadAllBytes(Path.Combine(Out("from-config"), "model.json")));

        var overridden = CliRun.Invoke("train", config, "--epochs", "10", "--out", Out("overridden"));
        Assert.True(overridden.Code == 0, overridden.Err);
        Assert.Contains("epochs         10 (20 updates)", overridden.Out);
    }

    [Fact]
    public void Every_option_of_ebm_train_has_a_configuration_key()
    {
        var command = Cli.Root(new Output.CliContext(TextWriter.Null, TextWriter.Null, false, false, false)).Subcommands.Single(c => c.Name == "train");
        var keyed = Training.TrainSettingsJson.Keys.Select(k => k.Option).ToHashSet();
        foreach (var option in command.Options.Where(o => o is not System.CommandLine.Help.HelpOption))
            Assert.True(keyed.Contains(option.Name), $"{option.Name} has no key in the configuration file");
    }

    [Theory]
    [InlineData("bernoulli-rbm", "exact")]
    [InlineData("bernoulli-rbm", "cd")]
    [InlineData("bernoulli-rbm", "pcd")]
    [InlineData("bernoulli-rbm", "tempered")]
    [InlineData("bernoulli-rbm", "pl")]
    [InlineData("bernoulli-rbm", "ratio")]
    [InlineData("boltzmann-machine", "exact")]
    [InlineData("boltzmann-machine", "cd")]
    [InlineData("boltzmann-machine", "pcd")]
    [InlineData("boltzmann-machine", "tempered")]
    [InlineData("boltzmann-machine", "pl")]
    [InlineData("boltzmann-machine", "ratio")]
    public void Every_objective_of_every_binary_family_trains_from_the_command_line(string model, string objective)
    {
        var folder = Out($"{model}-{objective}");
        string[] hidden = model == "bernoulli-rbm" ? ["--hidden", "4"] : [];
        var run = CliRun.Invoke(["train", "--model", model, .. hidden, "--data", "builtin:bars-and-stripes:3", "--objective", objective,
            "--chains", "10", "--replicas", "3", "--epochs", "3", "--eval-every", "1", "--test-fraction", "0.25", "--out", folder]);
        Assert.True(run.Code == 0, run.Err);
        var header = File.ReadLines(Path.Combine(folder, "metrics.csv")).First().Split(',');
        Assert.Contains("train-ll", header);
        Assert.Contains("test-ll", header);
        Assert.Equal(5, File.ReadLines(Path.Combine(folder, "metrics.csv")).Count());
    }

    [Theory]
    [InlineData("exact")]
    [InlineData("cd")]
    [InlineData("pcd")]
    [InlineData("tempered")]
    public void Every_objective_of_the_gaussian_bernoulli_rbm_trains_real_valued_data_with_sigma_fixed_or_learned(string objective)
    {
        var data = Path.Combine(_root, "real.csv");
        File.WriteAllLines(data, Enumerable.Range(0, 40).Select(r => string.Join(",", Enumerable.Range(0, 3).Select(j =>
            ((r % 2 == 0 ? 1.5 : -1.0) + 0.1 * ((r * 7 + j * 3) % 5 - 2)).ToString(System.Globalization.CultureInfo.InvariantCulture)))));
        GaussianBernoulliRbm Trained(string name, params string[] extra)
        {
            var run = CliRun.Invoke(["train", "--model", "gaussian-bernoulli-rbm", "--hidden", "2", "--data", data, "--objective", objective, "--chains", "10",
                "--replicas", "3", "--epochs", "3", "--eval-every", "1", "--out", Out(name), .. extra]);
            Assert.True(run.Code == 0, run.Err);
            Assert.Contains("train-ll", File.ReadLines(Path.Combine(Out(name), "metrics.csv")).First());
            return (GaussianBernoulliRbm)ModelFile.Load(Path.Combine(Out(name), "model.json")).Match(x => x, e => throw new InvalidOperationException(e.Message));
        }

        var fixedSigma = Trained($"gb-{objective}-fixed");
        var learned = Trained($"gb-{objective}-learned", "--learn-sigma");
        var start = Enumerable.Range(0, 3).Select(j =>
        {
            var column = File.ReadLines(data).Select(l => double.Parse(l.Split(',')[j], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var mean = column.Average();
            return Math.Sqrt(column.Select(x => x * x).Average() - mean * mean);
        }).ToArray();
        for (var j = 0; j < 3; j++) Assert.Equal(start[j], fixedSigma.Sigma[j], 1e-12);
        Assert.NotEqual(fixedSigma.Sigma, learned.Sigma);
    }

    [Fact]
    public void The_inverse_ising_problem_trains_a_spin_boltzmann_machine_on_builtin_ising_draws()
    {
        var folder = Out("ising");
        var run = CliRun.Invoke("train", "--model", "ising", "--data", "builtin:ising:3:0.3:200", "--objective", "pl", "--optimizer", "adam", "--lr", "0.05",
            "--epochs", "5", "--out", folder);
        Assert.True(run.Code == 0, run.Err);
        var model = (BoltzmannMachine)ModelFile.Load(Path.Combine(folder, "model.json")).Match(x => x, e => throw new InvalidOperationException(e.Message));
        Assert.Equal(StateConvention.Spin, model.States);
        Assert.Equal(9, model.Dimension);
        Assert.Contains("Ising 3 x 3 torus at beta 0.3, 200 draws", run.Out);
    }

    [Fact]
    public void A_run_starts_from_an_init_model_in_npz_or_json_and_its_hidden_layer_must_match()
    {
        var first = Out("first");
        Assert.Equal(0, CliRun.Invoke([.. Exact3x3, "--out", first]).Code);
        var oneEpoch = Exact3x3.Select(a => a == "20" ? "1" : a).ToArray();
        var fromNpz = CliRun.Invoke([.. oneEpoch, "--init", Path.Combine(first, "model.npz"), "--out", Out("npz")]);
        var fromJson = CliRun.Invoke([.. oneEpoch, "--init", Path.Combine(first, "model.json"), "--out", Out("json")]);
        Assert.True(fromNpz.Code == 0, fromNpz.Err);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Out("json"), "model.json")), File.ReadAllBytes(Path.Combine(Out("npz"), "model.json")));
        // One epoch of exact ML from the trained model starts where the first run ended: its first row is that run's last.
        Assert.Equal(File.ReadLines(Path.Combine(first, "metrics.csv")).Last().Split(',')[2..5], File.ReadLines(Path.Combine(Out("npz"), "metrics.csv")).ElementAt(1).Split(',')[2..5]);

        string[] fiveHidden = [.. Exact3x3.Select(a => a == "4" ? "5" : a), "--init", Path.Combine(first, "model.json"), "--out", Out("wrong")];
        var wrong = CliRun.Invoke(fiveHidden);
        Assert.Equal(2, wrong.Code);
        Assert.Contains("ebm: error: --hidden: is 5, but the model to resume or start from has 4 hidden units", wrong.Err);
    }

    [Fact]
    public void Redirected_progress_names_the_epoch_the_step_and_the_latest_log_likelihood()
    {
        var run = CliRun.InvokeShowingProgress([.. Exact3x3, "--out", Out("progress")]);
        Assert.Equal(0, run.Code);
        Assert.Contains("train: epoch 20/20, step 40/40", run.Err);
        Assert.Contains("train-ll -", run.Err);
    }
}
