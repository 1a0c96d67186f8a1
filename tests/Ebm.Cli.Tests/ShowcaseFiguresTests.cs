using Ebm.Cli.Showcase;
using Ebm.Functional.Plots;
using Ebm.Tests.Shared;
using SkiaSharp;

namespace Ebm.Cli.Tests;

/// <summary>The showcase's PNGs: written into a new folder it names, never over a user's files.</summary>
public sealed class ShowcaseFiguresTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly Dictionary<string, (int Width, int Height)> Sizes = new()
    {
        [ShowcaseFolder.HeatCapacity] = (HeatCapacityPlot.Width, HeatCapacityPlot.Height),
        [ShowcaseFolder.LearningCurve] = (LearningCurvePlot.Width, LearningCurvePlot.Height),
        [ShowcaseFolder.Annealing] = (AnnealPlot.Width, AnnealPlot.Height),
    };

    /// <summary>The folder named on the line "figures (PNG) written to DIR".</summary>
    private static string NamedFolder(string output)
    {
        const string Prefix = "figures (PNG) written to ";
        var line = output.Split('\n').Single(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        return line[Prefix.Length..].TrimEnd('\r');
    }

    private static void AssertFigures(string folder, string output)
    {
        Assert.Equal(ShowcaseFolder.Files.Order(), Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        foreach (var file in ShowcaseFolder.Files)
        {
            using var bitmap = SKBitmap.Decode(Path.Combine(folder, file));
            Assert.NotNull(bitmap);
            Assert.Equal(Sizes[file], (bitmap.Width, bitmap.Height));
            Assert.Contains($"  {file}: ", output);
        }
    }

    [Fact]
    public void With_out_the_figures_go_into_the_named_new_folder_and_decode_at_their_sizes()
    {
        var folder = _temp.Path("new/figures");
        var run = CliRun.Invoke("--out", folder);
        Assert.True(run.Code == 0, run.Err);
        Assert.Equal("", run.Err);
        Assert.Equal(Path.GetFullPath(folder), NamedFolder(run.Out));
        Assert.Contains("Heat capacity per spin of an 8 x 8 Ising torus", run.Out);
        AssertFigures(folder, run.Out);
    }

    [Fact]
    public void Without_out_the_figures_go_into_a_new_temporary_folder_that_the_output_names()
    {
        var run = CliRun.Invoke("--seed", "7");
        var folder = NamedFolder(run.Out);
        try
        {
            Assert.True(run.Code == 0, run.Err);
            Assert.StartsWith(ShowcaseFolder.TemporaryPrefix, Path.GetFileName(folder), StringComparison.Ordinal);
            AssertFigures(folder, run.Out);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void An_empty_existing_folder_is_used()
    {
        var folder = Directory.CreateDirectory(_temp.Path("empty")).FullName;
        var run = CliRun.Invoke("--out", folder);
        Assert.True(run.Code == 0, run.Err);
        AssertFigures(folder, run.Out);
    }

    [Fact]
    public void A_folder_holding_anything_or_a_file_is_refused_before_any_work_and_left_as_it_was()
    {
        var folder = Directory.CreateDirectory(_temp.Path("used")).FullName;
        var mine = Path.Combine(folder, ShowcaseFolder.HeatCapacity);
        File.WriteAllText(mine, "mine");
        var run = CliRun.Invoke("--out", folder);
        Assert.Equal(2, run.Code);
        Assert.Equal("", run.Out);
        Assert.StartsWith($"ebm: error: --out: {folder}: is not empty", run.Err);
        Assert.Equal("mine", File.ReadAllText(mine));
        Assert.Single(Directory.GetFileSystemEntries(folder));

        var file = _temp.Write("a-file", "data");
        var onFile = CliRun.Invoke("--out", file);
        Assert.Equal(2, onFile.Code);
        Assert.Equal("", onFile.Out);
        Assert.StartsWith($"ebm: error: --out: {file}: is a file", onFile.Err);
        Assert.False(onFile.HasStackTrace);

        var empty = CliRun.Invoke("--out", "");
        Assert.Equal(2, empty.Code);
        Assert.Contains("--out", empty.Err);
    }

    [Fact]
    public void The_same_seed_prints_the_same_numbers_and_draws_the_same_figures()
    {
        var first = CliRun.Invoke("--out", _temp.Path("first"));
        var second = CliRun.Invoke("--out", _temp.Path("second"));
        Assert.Equal(first.Out.Replace(_temp.Path("first"), "DIR", StringComparison.Ordinal), second.Out.Replace(_temp.Path("second"), "DIR", StringComparison.Ordinal));
        foreach (var file in ShowcaseFolder.Files)
            Assert.Equal(File.ReadAllBytes(Path.Combine(_temp.Path("first"), file)), File.ReadAllBytes(Path.Combine(_temp.Path("second"), file)));
    }
}
