using System.Globalization;
using System.Text.RegularExpressions;

namespace Ebm.Cli.Tests;

/// <summary>
/// A training run killed in the middle (SIGKILL: the process dies at once, no handler runs, nothing is flushed) and
/// resumed with --resume ends with the same files, bit for bit, as a run that was never interrupted.
/// </summary>
public sealed partial class TrainResumeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ebm-train-resume-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>
    /// PCD-5 with 100 persistent chains (state that must survive the checkpoint) on bars-and-stripes 4 x 4: 1800 updates,
    /// a checkpoint every 50 epochs; long enough (about 2 s) that the kill lands before the end.
    /// </summary>
    private static string[] Arguments(string output, int epochs = 600, int every = 50) =>
    [
        "train", "--model", "bernoulli-rbm", "--hidden", "16", "--data", "builtin:bars-and-stripes:4", "--objective", "pcd", "--k", "5",
        "--chains", "100", "--optimizer", "momentum", "--lr", "0.02", "--epochs", epochs.ToString(CultureInfo.InvariantCulture), "--eval-every", every.ToString(CultureInfo.InvariantCulture), "--seed", "7", "--out", output,
    ];

    [Fact]
    public void A_run_killed_after_a_checkpoint_and_resumed_ends_with_the_same_model_bit_for_bit()
    {
        var whole = Path.Combine(_root, "whole");
        var uninterrupted = CliRun.Invoke(Arguments(whole));
        Assert.True(uninterrupted.Code == 0, uninterrupted.Err);

        var killed = Path.Combine(_root, "killed");
        using (var process = EbmProcess.Start(_root, Arguments("killed")))
        {
            // metrics.csv is rewritten after each checkpoint: two data lines mean the checkpoint of epoch 50 is complete.
            Assert.True(WaitFor(() => DataLines(Path.Combine(killed, "metrics.csv")) >= 2), "no checkpoint after epoch 50 appeared: " + process.Error);
            process.Signal(9);
            Assert.Equal(137, process.WaitForExit());
        }

        Assert.False(File.Exists(Path.Combine(killed, "model.json")), "the run finished before it was killed, so the test proved nothing");
        var resumed = EbmProcess.Run(_root, "train", "--resume", "killed");
        Assert.True(resumed.Code == 0, resumed.Err);
        var from = int.Parse(ResumedAfter().Match(resumed.Out).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(from, 50, 550);

        foreach (var file in new[] { "model.json", "metrics.csv" })
            Assert.True(File.ReadAllBytes(Path.Combine(whole, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(killed, file))), $"{file} differs after the resume");
    }

    [Fact]
    public void Resuming_takes_only_epochs_and_a_finished_run_trains_longer_to_the_same_bits_as_one_long_run()
    {
        var shortRun = Path.Combine(_root, "short");
        Assert.Equal(0, CliRun.Invoke(Arguments(shortRun, epochs: 20, every: 10)).Code);
        var longRun = Path.Combine(_root, "long");
        Assert.Equal(0, CliRun.Invoke(Arguments(longRun, epochs: 30, every: 10)).Code);

        var refused = CliRun.Invoke("train", "--resume", shortRun, "--lr", "0.5");
        Assert.Equal(2, refused.Code);
        Assert.Contains("ebm: error: --resume: continues a run with the settings of its checkpoint; only --epochs", refused.Err);

        var extended = CliRun.Invoke("train", "--resume", shortRun, "--epochs", "30");
        Assert.True(extended.Code == 0, extended.Err);
        Assert.Contains("resumed after epoch 20", extended.Out);
        Assert.True(File.ReadAllBytes(Path.Combine(longRun, "model.json")).SequenceEqual(File.ReadAllBytes(Path.Combine(shortRun, "model.json"))));
    }

    [Fact]
    public void Ctrl_c_stops_a_run_between_updates_and_leaves_a_checkpoint_that_resumes_to_the_same_bits()
    {
        // SIGINT, or SIGTERM where this process ignores SIGINT (and so would its child): both cancel the same way.
        var signal = EbmProcess.InterruptIgnored() ? 15 : 2;
        var folder = Path.Combine(_root, "stopped");
        using (var process = EbmProcess.Start(_root, Arguments("stopped")))
        {
            Assert.True(WaitFor(() => DataLines(Path.Combine(folder, "metrics.csv")) >= 2), "no checkpoint after epoch 50 appeared: " + process.Error);
            process.Signal(signal);
            Assert.Equal(128 + signal, process.WaitForExit());
            Assert.Contains("ebm: cancelled", process.Error);
        }

        // Only whole files: the checkpoint and the metrics of the last evaluation, no temporary file, no final model.
        Assert.Equal(["checkpoint.json", "metrics.csv"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var resumed = CliRun.Invoke("train", "--resume", folder);
        Assert.True(resumed.Code == 0, resumed.Err);
        var whole = Path.Combine(_root, "whole");
        Assert.Equal(0, CliRun.Invoke(Arguments(whole)).Code);
        Assert.True(File.ReadAllBytes(Path.Combine(whole, "model.json")).SequenceEqual(File.ReadAllBytes(Path.Combine(folder, "model.json"))));
    }

    private static int DataLines(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllLines(path).Length - 1 : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static bool WaitFor(Func<bool> condition)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < EbmProcess.Patience)
        {
            if (condition()) return true;
            Thread.Sleep(5);
        }

        return false;
    }

    [GeneratedRegex(@"resumed after epoch (\d+)")]
    private static partial Regex ResumedAfter();
}
