namespace Ebm.Cli.Tests;

/// <summary>
/// One rule for every PNG output (logz --plot, thermo --plot, sample --trace-plot): a file name must end in .png,
/// checked before the work; and --plot is refused where it would draw nothing.
/// </summary>
public sealed class PlotRuleTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string[], string> PngOptions => new()
    {
        { ["logz", CliRun.Example("ising-4x4.json"), "--method", "ais", "--steps", "20", "--plot"], "--plot" },
        { ["thermo", CliRun.Example("ising-4x4.json"), "--beta", "1", "--plot"], "--plot" },
        { ["sample", CliRun.Example("ring.json"), "--sampler", "hmc", "--steps", "20", "--trace-plot"], "--trace-plot" },
    };

    [Theory]
    [MemberData(nameof(PngOptions))]
    public void A_png_output_not_named_png_is_refused_before_the_work(string[] args, string option)
    {
        var path = _temp.Path("plot.txt");
        var run = CliRun.Invoke([.. args, path]);
        Assert.Equal(2, run.Code);
        Assert.Equal($"ebm: error: {option}: \"{path}\" should end in .png (the file is a PNG image)", run.Err.Trim());
        Assert.Equal("", run.Out);
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData("exact")]
    [InlineData("exact", "--versus")]
    public void Plot_with_an_exact_method_is_refused_not_silently_skipped(params string[] more)
    {
        var png = _temp.Path("exact.png");
        string[] versus = more.Length > 1 ? ["--versus", CliRun.Example("ising-4x4.json")] : [];
        var run = CliRun.Invoke(["logz", CliRun.Example("ising-4x4.json"), "--method", more[0], .. versus, "--plot", png]);
        Assert.Equal(2, run.Code);
        Assert.StartsWith("ebm: error: --plot: draws an estimator's weights and running estimate; --method exact has neither", run.Err);
        Assert.Equal("", run.Out);
        Assert.False(File.Exists(png));
    }

    [Fact]
    public void Plot_with_compare_is_refused()
    {
        var png = _temp.Path("compare.png");
        var run = CliRun.Invoke("logz", CliRun.Example("ising-4x4.json"), "--method", "ais", "--steps", "20", "--compare", "--plot", png);
        Assert.Equal(2, run.Code);
        Assert.Equal("ebm: error: --plot: draws one estimator's run; it does not apply to --compare", run.Err.Trim());
        Assert.False(File.Exists(png));
    }
}
