namespace Ebm.Cli.Tests;

/// <summary>
/// Long work is never silent: the pilot runs of ebm logz (the HMC pilot that places a continuous model's Gaussian
/// reference, the adaptive-schedule pilot) report progress on stderr as their own stages, before the estimate's.
/// </summary>
public sealed class PilotProgressTests
{
    /// <summary>Runs ebm with redirected progress lines from the first report on (no grace delay), returning the stderr lines.</summary>
    private static (int Code, string[] Lines) Run(params string[] args)
    {
        var run = CliRun.InvokeShowingProgress(args);
        return (run.Code, run.Err.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static int Last(string[] lines, string label) => Array.FindLastIndex(lines, l => l.StartsWith($"{label}: ", StringComparison.Ordinal));

    private static void AssertStage(string[] lines, string label)
    {
        var last = Last(lines, label);
        Assert.True(last >= 0, $"no progress line of \"{label}\" in:\n{string.Join('\n', lines)}");
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(label)}: 100% after \d+\.\d s$", lines[last]);
    }

    [Fact]
    public void The_reference_pilot_and_the_schedule_pilot_report_before_the_estimate()
    {
        var (code, lines) = Run("logz", CliRun.Example("double-well.json"), "--method", "ais", "--schedule", "adaptive", "--particles", "20", "--steps", "40");
        Assert.Equal(0, code);
        AssertStage(lines, "pilot run (reference)");
        AssertStage(lines, "pilot run (schedule)");
        AssertStage(lines, "log Z (ais)");
        Assert.True(Last(lines, "pilot run (reference)") < Last(lines, "pilot run (schedule)"));
        Assert.True(Last(lines, "pilot run (schedule)") < Last(lines, "log Z (ais)"));
    }

    [Theory]
    [InlineData("is")]
    [InlineData("bridge")]
    [InlineData("ti")]
    public void The_reference_pilot_reports_for_every_estimator_that_uses_it(string method)
    {
        var (code, lines) = Run("logz", CliRun.Example("gaussian-2d.json"), "--method", method, "--particles", "20", "--steps", "40");
        Assert.Equal(0, code);
        AssertStage(lines, "pilot run (reference)");
    }

    [Fact]
    public void A_given_reference_scale_runs_no_pilot_and_shows_none()
    {
        var (code, lines) = Run("logz", CliRun.Example("gaussian-2d.json"), "--method", "ais", "--reference-scale", "2", "--particles", "20", "--steps", "40");
        Assert.Equal(0, code);
        Assert.Equal(-1, Last(lines, "pilot run (reference)"));
        AssertStage(lines, "log Z (ais)");
    }
}
