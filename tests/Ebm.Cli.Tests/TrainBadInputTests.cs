namespace Ebm.Cli.Tests;

/// <summary>Bad input to <c>ebm train</c>: exit code 2, one "ebm: error:" line per problem naming the option, key or file, no stack trace, nothing written.</summary>
public sealed class TrainBadInputTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ebm-train-bad-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string In(string name) => Path.Combine(_root, name);

    private CliOutcome Train(params string[] args) => CliRun.Invoke(["train", .. args]);

    private string[] Good(string folder = "out") =>
        ["--model", "bernoulli-rbm", "--hidden", "4", "--data", "builtin:bars-and-stripes:3", "--objective", "cd", "--epochs", "2", "--out", In(folder)];

    private static void Refused(CliOutcome run, params string[] messages)
    {
        Assert.Equal(2, run.Code);
        Assert.False(run.HasStackTrace, run.Err);
        Assert.Equal("", run.Out);
        foreach (var message in messages) Assert.Contains("ebm: error: " + message, run.Err);
    }

    [Fact]
    public void Missing_and_out_of_range_settings_are_all_reported_at_once_naming_their_options()
    {
        var run = Train("--data", "builtin:bars-and-stripes:3", "--lr", "-1", "--k", "0", "--test-fraction", "1", "--out", In("none"));
        Refused(run, "--model: is required", "--objective: is required", "--lr: must be a finite number > 0, got -1", "--k: must be between 1", "--test-fraction: must be in [0, 1)");
        Assert.False(Directory.Exists(In("none")));
    }

    [Fact]
    public void Settings_that_do_not_fit_the_model_are_refused()
    {
        Refused(Train("--model", "boltzmann-machine", "--hidden", "3", "--data", "builtin:bars-and-stripes:3", "--objective", "pl", "--out", In("a")),
            "--hidden: applies to the RBMs only");
        Refused(Train("--model", "bernoulli-rbm", "--data", "builtin:bars-and-stripes:3", "--objective", "cd", "--out", In("b")), "--hidden: must be between 1");
        Refused(Train([.. Good("c"), "--test", In("t.csv"), "--test-fraction", "0.2"]), "--test-fraction: cannot go with --test");
        var nce = Good("d");
        nce[Array.IndexOf(nce, "cd")] = "nce";
        Refused(Train(nce), "--objective: nce is not available for --model bernoulli-rbm; it offers exact, cd, pcd, tempered, pl, ratio");
        var unknown = Good("g");
        unknown[Array.IndexOf(unknown, "cd")] = "nse";
        Refused(Train(unknown), "--objective: must be one of exact, cd, pcd, tempered, pl, ratio, sm, ssm, dsm, nce, ml-langevin, jem, classifier, got \"nse\"");
        Refused(Train("--model", "gaussian-bernoulli-rbm", "--hidden", "2", "--data", "builtin:bars-and-stripes:3", "--objective", "pl", "--out", In("e")),
            "--objective: pl is not available for --model gaussian-bernoulli-rbm; it offers exact, cd, pcd, tempered");
        Refused(Train([.. Good("f"), "--learn-sigma"]), "--learn-sigma: applies to gaussian-bernoulli-rbm only");
    }

    [Theory]
    [InlineData("builtin:bars-and-stripes:1", "--data: \"builtin:bars-and-stripes:1\": expected builtin:bars-and-stripes:N with N from 2 to 12")]
    [InlineData("builtin:ising:3", "--data: \"builtin:ising:3\": expected builtin:ising:L:BETA[:COUNT]")]
    [InlineData("builtin:ising:3:0,4", "--data: \"builtin:ising:3:0,4\": expected builtin:ising:L:BETA[:COUNT]")]
    [InlineData("builtin:mnist", "--data: \"builtin:mnist\": the built-in data sets are")]
    public void A_bad_builtin_data_set_is_refused_naming_it(string spec, string message)
    {
        var args = Good();
        args[Array.IndexOf(args, "builtin:bars-and-stripes:3")] = spec;
        Refused(Train(args), message);
    }

    [Fact]
    public void A_data_file_with_values_outside_the_models_states_or_of_the_wrong_width_is_refused_naming_the_file()
    {
        var half = In("half.csv");
        File.WriteAllText(half, "0,1,0\n1,0.5,1\n");
        var args = Good();
        args[Array.IndexOf(args, "builtin:bars-and-stripes:3")] = half;
        var run = Train(args);
        Refused(run);
        Assert.Contains("half.csv", run.Err);

        var model = In("rbm.json");
        File.WriteAllText(model, """{"kind":"bernoulli-rbm","weights":[[0.1],[0.2]],"visibleBias":[0,0],"hiddenBias":[0]}""");
        Refused(Train([.. Good("w"), "--init", model]), "--data: the examples have 9 values, the model 2 visible units");
        var ising = In("ising.json");
        File.WriteAllText(ising, """{"kind":"ising","rows":3,"columns":3}""");
        Refused(Train([.. Good("k"), "--init", ising]), $"--init: {ising} holds a ising model");
    }

    [Fact]
    public void A_configuration_with_an_unknown_key_a_wrong_type_or_no_object_is_refused_naming_the_file_and_key()
    {
        var config = In("c.json");
        File.WriteAllText(config, """{"model": "bernoulli-rbm", "hiden": 4, "lr": "fast", "epochs": 2.5}""");
        Refused(Train(config), $"{config}: unknown key \"hiden\" (did you mean \"hidden\"?)", $"{config}: \"lr\": expected a finite number", $"{config}: \"epochs\": expected a whole number");

        File.WriteAllText(config, "[1, 2]");
        Refused(Train(config), $"{config}: not a training configuration: expected one JSON object");
        Refused(Train(In("missing.json")), $"{In("missing.json")}: file not found");
    }

    [Fact]
    public void A_folder_that_holds_files_is_never_written_into_and_resume_needs_a_checkpoint()
    {
        Directory.CreateDirectory(In("used"));
        File.WriteAllText(In("used/notes.txt"), "mine");
        Refused(Train(Good("used")), $"--out: {In("used")}: is not empty");
        Assert.Equal(["notes.txt"], Directory.GetFiles(In("used")).Select(Path.GetFileName));

        Assert.Equal(0, Train(Good("done")).Code);
        Refused(Train(Good("done")), $"--out: {In("done")}: holds a training run already: continue it with --resume");
        Refused(Train("--resume", In("used")), $"{Path.Combine(In("used"), "checkpoint.json")}: file not found");
        Refused(Train("--resume", In("done"), "--epochs", "1"), "--epochs: the checkpoint has completed 2 epochs already, more than 1");
    }

    [Fact]
    public void A_learning_rate_that_blows_the_model_up_stops_with_an_error_and_leaves_the_last_good_checkpoint()
    {
        var args = Good("blown");
        var run = Train([.. args, "--lr", "1e308"]);
        Refused(run);
        Assert.Single(run.Err.Trim().Split('\n'));
        Assert.Equal(["checkpoint.json", "metrics.csv"], Directory.GetFiles(In("blown")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(2, File.ReadAllLines(In("blown/metrics.csv")).Length);
    }

    [Fact]
    public void A_run_over_the_cost_budget_is_refused_before_any_work_unless_forced()
    {
        var run = Train("--model", "bernoulli-rbm", "--hidden", "500", "--data", "builtin:bars-and-stripes:12", "--objective", "cd", "--k", "1000",
            "--epochs", "10000", "--out", In("huge"));
        Refused(run, "this run would need");
        Assert.Contains("--force", run.Err);
        Assert.False(Directory.Exists(In("huge")));
    }
}
