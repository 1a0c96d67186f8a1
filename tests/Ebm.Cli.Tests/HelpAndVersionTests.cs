using Ebm.Cli.Output;
namespace Ebm.Cli.Tests;

public sealed class HelpAndVersionTests
{
    public static TheoryData<string[], string[]> Commands() => new()
    {
        { ["--help"], ["logz", "thermo", "--seed", "--version", "--help", "Exit codes"] },
        { ["logz", "--help"], ["MODEL.json", "--method", "--exact-method", "--beta", "--json"] },
        { ["thermo", "--help"], ["MODEL.json", "--beta", "--method", "--exact-method", "--json", "--csv", "--plot", "--plot-axis"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_describes_every_option(string[] args, string[] expected)
    {
        var run = CliRun.Invoke(args);
        Assert.Equal(0, run.Code);
        Assert.Equal("", run.Err);
        foreach (var name in expected) Assert.Contains(name, run.Out);

        var options = run.Out.ReplaceLineEndings("\n").Split("\n\n").Single(s => s.StartsWith("Options:", StringComparison.Ordinal));
        foreach (var line in options.Split('\n').Skip(1))
        {
            var description = line.Trim().Split("  ", 2, StringSplitOptions.None);
            Assert.True(description.Length == 2 && description[1].Trim().Length >= 15, $"option without a description: {line}");
        }
    }

    [Fact]
    public void Version_prints_the_version_the_matrix_product_backend_and_the_runtime()
    {
        var run = CliRun.Invoke("--version");
        Assert.Equal(0, run.Code);
        var lines = run.Out.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.StartsWith($"ebm {VersionReport.Version}", lines[0]);
        Assert.Matches(@"^\d+\.\d+\.\d+", VersionReport.Version);
        Assert.Equal($"matrix product: {VersionReport.MatrixProductBackend()}", lines[1]);
        Assert.StartsWith("runtime: .NET ", lines[2]);
    }
}
