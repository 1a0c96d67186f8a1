using System.Globalization;
using System.Text.Json;

namespace Ebm.Cli.Tests;

/// <summary>
/// <c>ebm train</c> of the neural families end to end: the output folder of a 2-D run, the same bits from options and
/// from a configuration file and after a resume, and bad input refused with exit code 2 and a message naming the option.
/// </summary>
public sealed class TrainNetworkTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ebm-train-mlp-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Out(string name) => Path.Combine(_root, name);

    private static string[] Ring(string output, int epochs, params string[] more) =>
    [
        "train", "--model", "mlp", "--layers", "2x16", "--data", "builtin:ring:400", "--test-fraction", "0.25", "--objective", "ml-langevin",
        "--langevin-steps", "5", "--buffer", "200", "--optimizer", "adam", "--lr", "0.01", "--epochs", epochs.ToString(CultureInfo.InvariantCulture),
        "--batch", "50", "--eval-every", "2", "--seed", "5", "--out", output, .. more,
    ];

    [Fact]
    public void A_2d_run_writes_the_model_the_density_the_samples_and_the_exact_test_log_likelihood()
    {
        var run = CliRun.Invoke(Ring(Out("ring"), 4));
        Assert.True(run.Code == 0, run.Err);
        foreach (var file in new[] { "model.json", "model.npz", "density.png", "samples.png", "learning-curve.png", "metrics.csv", "manifest.json", "checkpoint.json" })
            Assert.True(File.Exists(Path.Combine(Out("ring"), file)), file);
        var header = File.ReadLines(Path.Combine(Out("ring"), "metrics.csv")).First().Split(',');
        Assert.Contains("test-ll", header);
        Assert.Contains("log-z-quadrature-error", header);
        Assert.Contains("seed           5", run.Out, StringComparison.Ordinal);

        // The saved model's log Z by ebm logz is the last evaluation's, to the last bit (the same quadrature).
        var logz = CliRun.Invoke("logz", Path.Combine(Out("ring"), "model.json"), "--json");
        Assert.True(logz.Code == 0, logz.Err);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out("ring"), "manifest.json")));
        using var result = JsonDocument.Parse(logz.Out);
        Assert.Equal(manifest.RootElement.GetProperty("finalMetrics").GetProperty("log-z").GetDouble(), result.RootElement.GetProperty("logZ").GetDouble());
    }

    [Fact]
    public void A_run_with_a_replay_buffer_resumed_to_more_epochs_has_the_bits_of_one_long_run()
    {
        Assert.Equal(0, CliRun.Invoke(Ring(Out("long"), 6)).Code);
        Assert.Equal(0, CliRun.Invoke(Ring(Out("short"), 4)).Code);
        var resumed = CliRun.Invoke("train", "--resume", Out("short"), "--epochs", "6");
        Assert.True(resumed.Code == 0, resumed.Err);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Out("long"), "model.json")), File.ReadAllBytes(Path.Combine(Out("short"), "model.json")));
    }

    [Fact]
    public void A_configuration_file_with_the_new_keys_gives_the_bits_of_the_options()
    {
        var config = Path.Combine(_root, "config.json");
        File.WriteAllText(config, $$"""
            {"model": "mlp", "layers": "16,8", "activation": "tanh", "data": "builtin:two-moons:300", "objective": "dsm", "noiseScales": [0.1, 0.3],
             "optimizer": "adam", "lr": 0.01, "epochs": 2, "batch": 50, "evalEvery": 1, "seed": 9, "out": "from-config"}
            """);
        var fromConfig = CliRun.Invoke("train", config);
        Assert.True(fromConfig.Code == 0, fromConfig.Err);
        var fromOptions = CliRun.Invoke("train", "--model", "mlp", "--layers", "16,8", "--activation", "tanh", "--data", "builtin:two-moons:300",
            "--objective", "dsm", "--noise-scales", "0.1,0.3", "--optimizer", "adam", "--lr", "0.01", "--epochs", "2", "--batch", "50", "--eval-every", "1",
            "--seed", "9", "--out", Out("from-options"));
        Assert.True(fromOptions.Code == 0, fromOptions.Err);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_root, "from-config", "model.json")), File.ReadAllBytes(Path.Combine(Out("from-options"), "model.json")));
    }

    [Theory]
    [InlineData("--layers: expected LxW", "--model", "mlp", "--layers", "2y64", "--objective", "sm")]
    [InlineData("--layers: applies to mlp and mlp-classifier, not bernoulli-rbm", "--model", "bernoulli-rbm", "--hidden", "4", "--layers", "2x8", "--objective", "cd")]
    [InlineData("--activation: must be one of softplus, tanh, silu, got \"relu\"", "--model", "mlp", "--activation", "relu", "--objective", "sm")]
    [InlineData("--noise-scales: expected 1 to 100 positive numbers", "--model", "mlp", "--noise-scales", "0.1,-1", "--objective", "dsm")]
    [InlineData("--langevin-steps: must be between 1 and 10000, got 0", "--model", "mlp", "--langevin-steps", "0", "--objective", "ml-langevin")]
    [InlineData("--objective", "--model", "mlp", "--objective", "cd")]
    [InlineData("--objective", "--model", "mlp", "--objective", "jem")]
    [InlineData("--objective", "--model", "mlp-classifier", "--objective", "dsm")]
    [InlineData("--data: \"builtin:two-moons:0\"", "--model", "mlp", "--objective", "sm", "--data", "builtin:two-moons:0")]
    public void Bad_options_are_refused_with_exit_code_2_naming_the_option(string message, params string[] options)
    {
        var data = options.Contains("--data") ? [] : new[] { "--data", "builtin:two-moons:100" };
        var run = CliRun.Invoke(["train", .. options, .. data, "--out", Out("bad")]);
        Assert.Equal(2, run.Code);
        Assert.Contains(message, run.Err, StringComparison.Ordinal);
        Assert.StartsWith("ebm: error: ", run.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out("bad")) && Directory.EnumerateFiles(Out("bad")).Any(), "a refused run wrote files");
    }

    [Fact]
    public void A_classifier_on_data_without_labels_is_refused_naming_the_last_column()
    {
        var file = Path.Combine(_root, "points.csv");
        File.WriteAllText(file, "0.5,1.25\n-0.3,0.7\n1.1,-0.2\n");
        var run = CliRun.Invoke("train", "--model", "mlp-classifier", "--data", file, "--objective", "classifier", "--out", Out("bad"));
        Assert.Equal(2, run.Code);
        Assert.Contains("mlp-classifier reads the class of each example from the last column (a whole number 0..K-1); example 1 has 1.25", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_classifier_learns_labelled_two_moons_to_a_stated_accuracy()
    {
        // Two moons are separable up to their noise; a 2 x 32 softplus classifier after 40 epochs of Adam should classify
        // at least 90% of 200 held-out points (a broken gradient stays near the 50% of chance).
        var run = CliRun.Invoke("train", "--model", "mlp-classifier", "--layers", "2x32", "--data", "builtin:two-moons:1000", "--test-fraction", "0.2",
            "--objective", "classifier", "--optimizer", "adam", "--lr", "0.01", "--epochs", "40", "--batch", "50", "--eval-every", "20", "--seed", "3", "--out", Out("moons"));
        Assert.True(run.Code == 0, run.Err);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out("moons"), "manifest.json")));
        var metrics = manifest.RootElement.GetProperty("finalMetrics");
        Assert.True(metrics.GetProperty("test-accuracy").GetDouble() >= 0.9, metrics.ToString());
        Assert.True(File.Exists(Path.Combine(Out("moons"), "density.png")));
    }
}
