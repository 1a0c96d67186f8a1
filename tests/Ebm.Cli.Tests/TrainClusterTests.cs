using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Ebm.Cli.Output;
using Ebm.Cli.Training;
using Ebm.Functional.Cluster;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.Execution;
using LanguageExt;

namespace Ebm.Cli.Tests;

/// <summary>
/// <c>ebm train --cluster</c>: in-process clusters of one, two and three workers train CD and PCD of a Bernoulli RBM to
/// the local run's bits (model, checkpoint, metrics, stdout), with minibatches of three shards (2,500 rows) and of one
/// (600 rows); a run whose only worker dies stops with exit code 2 naming the last checkpoint, and resuming from it
/// here ends with the uninterrupted run's model; what does not run on a cluster, and bad cluster options, are exit 2.
/// </summary>
public sealed class TrainClusterTests : IDisposable
{
    private const int Rows = 5000, Columns = 12;
    private readonly string _root = Directory.CreateTempSubdirectory("ebm-train-cluster-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData(1, "cd", 2500)]
    [InlineData(2, "pcd", 2500)]
    [InlineData(3, "cd", 2500)]
    [InlineData(3, "pcd", 2500)]
    [InlineData(2, "cd", 600)]
    [InlineData(3, "pcd", 600)]
    public async Task Training_on_an_in_process_cluster_gives_the_local_bits(int workers, string objective, int batch)
    {
        var settings = Settings(objective, batch, epochs: 2, evalEvery: 1);
        var (localCode, localOut, localErr) = Run(settings with { Out = Path.Combine(_root, "local") }, LocalExecutor.Instance);
        Assert.True(localCode == 0, localErr);
        await using var cluster = await InProcessCluster.Start(workers);
        var executor = new ClusterExecutor(cluster.Client, "test");
        var (code, output, error) = Run(settings with { Out = Path.Combine(_root, "cluster") }, executor);
        Assert.True(code == 0, error);

        Assert.Equal(Stable(localOut), Stable(output));
        foreach (var file in new[] { "model.json", "model.npz", "metrics.csv", "checkpoint.json" })
            Assert.True(Normalised(Path.Combine(_root, "local", file)).SequenceEqual(Normalised(Path.Combine(_root, "cluster", file))), $"{file} differs");
        if (batch > 1024) Assert.Equal(workers, executor.WorkersUsed.Count);
        else Assert.NotEmpty(executor.WorkersUsed);
    }

    [Fact]
    public async Task A_run_whose_every_worker_is_gone_names_its_last_checkpoint_and_resumes_from_it_to_the_same_bits()
    {
        // CD, minibatches of 2,500 (two steps an epoch), a checkpoint every two epochs: the worker dies before step 5,
        // after the checkpoint of epoch 2 (step 4).
        var settings = Settings("cd", 2500, epochs: 6, evalEvery: 2);
        var whole = Run(settings with { Out = Path.Combine(_root, "whole") }, LocalExecutor.Instance);
        Assert.True(whole.Code == 0, whole.Err);
        await using var cluster = await InProcessCluster.Start(1);
        var dying = new KillingExecutor(new ClusterExecutor(cluster.Client, "test"), 5, () => cluster.KillSiloAsync(cluster.Primary!).GetAwaiter().GetResult());
        var broken = Run(settings with { Out = Path.Combine(_root, "broken") }, dying);
        Assert.Equal(2, broken.Code);
        Assert.StartsWith("ebm: error: --cluster: ", broken.Err.Split('\n').Last(l => l.Length > 0));
        Assert.Contains($"the last checkpoint (epoch 2, step 4) is in {Path.Combine(_root, "broken")}: continue with `ebm train --resume", broken.Err);
        Assert.False(File.Exists(Path.Combine(_root, "broken", "model.json")));

        var resumed = CliRun.Invoke("train", "--resume", Path.Combine(_root, "broken"));
        Assert.True(resumed.Code == 0, resumed.Err);
        foreach (var file in new[] { "model.json", "metrics.csv" })
            Assert.True(File.ReadAllBytes(Path.Combine(_root, "whole", file)).SequenceEqual(File.ReadAllBytes(Path.Combine(_root, "broken", file))), $"{file} differs after the resume");
    }

    [Fact]
    public void Ebm_train_with_cluster_on_two_worker_processes_prints_the_local_output_and_names_the_workers()
    {
        var (primary, gateway) = (FreePort(), FreePort());
        using var a = EbmProcess.Start(_root, "worker", "--cluster", "train-test", "--port", $"{primary}", "--gateway-port", $"{gateway}");
        Assert.True(a.WaitForOutput("Stop with Ctrl-C"), a.Error);
        using var b = EbmProcess.Start(_root, "worker", "--cluster", "train-test", "--port", $"{FreePort()}", "--gateway-port", $"{FreePort()}", "--seed-node", $"127.0.0.1:{primary}");
        Assert.True(b.WaitForOutput("Stop with Ctrl-C"), b.Error);
        var settings = Settings("pcd", 2500, epochs: 2, evalEvery: 1);
        string[] train = ["train", "--model", "bernoulli-rbm", "--hidden", "6", "--data", settings.Data, "--objective", "pcd", "--chains", "2500", "--batch", "2500",
            "--epochs", "2", "--eval-every", "1", "--lr", "0.05", "--seed", "5"];
        var local = CliRun.Invoke([.. train, "--out", Path.Combine(_root, "local")]);
        Assert.True(local.Code == 0, local.Err);
        var remote = CliRun.Invoke([.. train, "--out", Path.Combine(_root, "cluster"), "--cluster", $"127.0.0.1:{gateway}", "--cluster-name", "train-test"]);
        Assert.True(remote.Code == 0, remote.Err);
        Assert.Equal(Stable(local.Out), Stable(remote.Out));
        Assert.Matches($@"ebm: ran on cluster 127\.0\.0\.1:{gateway}: 2 worker\(s\) \(127\.0\.0\.1:\d+@\d+, 127\.0\.0\.1:\d+@\d+\)", remote.Err);
        Assert.True(Normalised(Path.Combine(_root, "local", "model.json")).SequenceEqual(Normalised(Path.Combine(_root, "cluster", "model.json"))));
        Assert.Contains("\"workers\"", File.ReadAllText(Path.Combine(_root, "cluster", "manifest.json")));
        Assert.DoesNotContain("\"cluster\"", File.ReadAllText(Path.Combine(_root, "local", "manifest.json")));
    }

    [Theory]
    [InlineData("bernoulli-rbm", "exact", "--objective exact of --model bernoulli-rbm trains on this machine only; on a cluster: --objective cd and pcd of --model bernoulli-rbm")]
    [InlineData("bernoulli-rbm", "tempered", "--objective tempered of --model bernoulli-rbm trains on this machine only")]
    [InlineData("boltzmann-machine", "cd", "--objective cd of --model boltzmann-machine trains on this machine only")]
    public void What_does_not_train_on_a_cluster_is_exit_2_naming_what_does(string model, string objective, string message)
    {
        string[] hidden = model == "bernoulli-rbm" ? ["--hidden", "4"] : [];
        var outcome = CliRun.Invoke(["train", "--model", model, .. hidden, "--data", "builtin:bars-and-stripes:2", "--objective", objective,
            "--out", Path.Combine(_root, "refused"), "--cluster", "127.0.0.1:1"]);
        Assert.Equal(2, outcome.Code);
        Assert.StartsWith("ebm: error: --cluster: ", outcome.Err);
        Assert.Contains(message, outcome.Err);
        Assert.False(Directory.Exists(Path.Combine(_root, "refused")) && Directory.EnumerateFileSystemEntries(Path.Combine(_root, "refused")).Any());
    }

    [Fact]
    public void Resuming_on_a_cluster_a_run_that_trains_here_only_is_exit_2()
    {
        var folder = Path.Combine(_root, "exact");
        var first = CliRun.Invoke("train", "--model", "bernoulli-rbm", "--hidden", "3", "--data", "builtin:bars-and-stripes:2", "--objective", "exact",
            "--epochs", "2", "--eval-every", "1", "--out", folder);
        Assert.True(first.Code == 0, first.Err);
        var resumed = CliRun.Invoke("train", "--resume", folder, "--epochs", "4", "--cluster", "127.0.0.1:1");
        Assert.Equal(2, resumed.Code);
        Assert.StartsWith("ebm: error: --cluster: --objective exact of --model bernoulli-rbm trains on this machine only", resumed.Err);
    }

    [Theory]
    [InlineData("--cluster", "nohost", "is not HOST:PORT")]
    [InlineData("--cluster", "127.0.0.1:70000", "is not a number in 1..65535")]
    [InlineData("--cluster-name", "no spaces", "is not a cluster name")]
    [InlineData("--cluster-timeout", "0", "--cluster-timeout")]
    public void Bad_cluster_options_are_exit_2_naming_the_option(string option, string value, string message)
    {
        string[] train = ["train", "--model", "bernoulli-rbm", "--hidden", "4", "--data", "builtin:bars-and-stripes:2", "--objective", "cd", "--out", Path.Combine(_root, "bad")];
        var outcome = CliRun.Invoke(option == "--cluster" ? [.. train, option, value] : [.. train, "--cluster", "127.0.0.1:1", option, value]);
        Assert.Equal(2, outcome.Code);
        Assert.StartsWith("ebm: error: ", outcome.Err);
        Assert.Contains(message, outcome.Err);
        var resumed = CliRun.Invoke("train", "--resume", Path.Combine(_root, "nothing-here"), option == "--cluster" ? option : "--cluster-name", option == "--cluster" ? value : "no spaces");
        Assert.Equal(2, resumed.Code);
        Assert.DoesNotContain("only --epochs", resumed.Err);
    }

    [Theory]
    [InlineData("{\"cluster\": \"nohost\"}", "is not HOST:PORT")]
    [InlineData("{\"clusterName\": 5}", "clusterName")]
    [InlineData("{\"clusterTimeout\": \"soon\"}", "clusterTimeout")]
    public void Cluster_keys_of_the_configuration_file_are_checked(string json, string message)
    {
        var config = Path.Combine(_root, "config.json");
        File.WriteAllText(config, json);
        var outcome = CliRun.Invoke("train", config, "--model", "bernoulli-rbm", "--hidden", "4", "--data", "builtin:bars-and-stripes:2", "--objective", "cd",
            "--out", Path.Combine(_root, "configured"));
        Assert.Equal(2, outcome.Code);
        Assert.Contains(message, outcome.Err);
    }

    [Fact]
    public void A_gateway_that_does_not_answer_is_exit_2()
    {
        var outcome = CliRun.Invoke("train", "--model", "bernoulli-rbm", "--hidden", "4", "--data", "builtin:bars-and-stripes:2", "--objective", "pcd",
            "--out", Path.Combine(_root, "unreachable"), "--cluster", $"127.0.0.1:{FreePort()}", "--cluster-timeout", "2");
        Assert.Equal(2, outcome.Code);
        Assert.Contains("no worker of cluster \"ebm\" answered", outcome.Err);
    }

    /// <summary>A fresh run of <paramref name="settings"/> on <paramref name="executor"/>, as <c>ebm train</c> makes it.</summary>
    private static (int Code, string Out, string Err) Run(TrainSettings settings, IExecutor executor)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var context = new CliContext(stdout, stderr, false, false, false);
        var folder = TrainFolder.ForFreshRun(settings.Out).Match(f => f, e => throw new InvalidOperationException(e.Message));
        var code = TrainJob.Run(context, settings, folder, resume: false, force: false, null, executor, "test");
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>5,000 rows of 12 units, each unit 1 with probability 0.1 + 0.06 j (unit j), drawn from a fixed key.</summary>
    private TrainSettings Settings(string objective, int batch, int epochs, int evalEvery)
    {
        var data = Path.Combine(_root, "data.csv");
        if (!File.Exists(data))
        {
            var key = RngKey.FromSeed(17);
            File.WriteAllLines(data, Enumerable.Range(0, Rows).Select(r => string.Join(",",
                Enumerable.Range(0, Columns).Select(j => key.UniformAt(r * Columns + j) < 0.1 + 0.06 * j ? "1" : "0"))));
        }

        return new TrainSettings
        {
            Model = "bernoulli-rbm", Hidden = 6, Data = data, Objective = objective, Chains = batch, Batch = batch, Epochs = epochs, EvalEvery = evalEvery,
            LearningRate = 0.05, Seed = 5,
        };
    }


    /// <summary>Stdout without the lines that name the run's time and folder.</summary>
    private static string Stable(string output) =>
        string.Join("\n", output.Split('\n').Where(l => !l.StartsWith("time ", StringComparison.Ordinal) && !l.StartsWith("out ", StringComparison.Ordinal)));

    /// <summary>A file's bytes with the run's folder name made the same ("local" and "cluster" differ only there).</summary>
    private byte[] Normalised(string path) =>
        path.EndsWith(".json", StringComparison.Ordinal)
            ? System.Text.Encoding.UTF8.GetBytes(File.ReadAllText(path).Replace(Path.Combine(_root, "cluster"), Path.Combine(_root, "local"), StringComparison.Ordinal))
            : File.ReadAllBytes(path);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An executor that runs <paramref name="kill"/> before its <paramref name="call"/>-th map, then hands every map on.</summary>
    private sealed class KillingExecutor(IExecutor inner, int call, Action kill) : IExecutor
    {
        private int _calls;

        public string Description => inner.Description;

        public Fin<IReadOnlyList<TResult>> Map<TInput, TResult>(WorkKind<TInput, TResult> kind, IReadOnlyList<TInput> inputs, IProgress<double>? progress = null)
        {
            if (++_calls == call) kill();
            return inner.Map(kind, inputs, progress);
        }
    }
}
