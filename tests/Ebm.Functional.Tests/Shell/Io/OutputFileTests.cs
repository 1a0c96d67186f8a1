using Ebm.Functional.Shell.Io;

namespace Ebm.Functional.Tests.Shell.Io;

/// <summary>Where an output may go, decided before any work: every refusal names the path or the option.</summary>
public sealed class OutputFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string In(string name) => _directory.Path(name);

    private static string Message<T>(LanguageExt.Fin<T> result) => result.Match(_ => "", e => e.Message);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_path_is_refused(string path) =>
        Assert.Equal("output: the path is empty", Message(OutputFile.Check(path)));

    [Fact]
    public void A_path_under_a_regular_file_is_refused_before_writing()
    {
        File.WriteAllText(In("plain"), "x");
        var path = Path.Combine(In("plain"), "out.csv");
        Assert.Equal($"{path}: cannot be written: {In("plain")} is not a directory", Message(OutputFile.Check(path)));
    }

    [Fact]
    public void A_directory_where_no_file_can_be_made_is_refused_before_writing()
    {
        // Root may write anywhere on a normal file system, but no one creates files in /proc.
        Assert.StartsWith("/proc/ebm-out.csv: cannot be written: no file can be created in /proc", Message(OutputFile.Check("/proc/ebm-out.csv")));
    }

    [Fact]
    public void Checking_leaves_nothing_behind()
    {
        Assert.True(OutputFile.Check(In("later.csv")).IsSucc);
        Assert.Empty(_directory.Names());
    }

    [Theory]
    [InlineData("plot.txt", false)]
    [InlineData("plot", false)]
    [InlineData("plot.png", true)]
    [InlineData("PLOT.PNG", true)]
    public void A_png_output_must_be_named_png(string name, bool accepted)
    {
        var result = OutputFile.Check(In(name), OutputFormat.Png);
        Assert.Equal(accepted, result.IsSucc);
        if (!accepted) Assert.Equal($"output: \"{In(name)}\" should end in .png (the file is a PNG image)", Message(result));
    }

    [Fact]
    public void A_device_or_fifo_needs_no_png_name_and_is_written_through()
    {
        var device = OutputFile.Check(SpecialFiles.NullDevice(In("null")), OutputFormat.Png);
        var fifo = OutputFile.Check(SpecialFiles.Fifo(In("pipe")), OutputFormat.Png);
        Assert.True(device.Map(o => o.WritesThrough).IfFail(false));
        Assert.True(fifo.Map(o => o.WritesThrough).IfFail(false));
    }

    [Fact]
    public void A_regular_file_behind_a_link_is_replaced_at_its_resolved_path()
    {
        File.WriteAllText(In("real.csv"), "x");
        File.CreateSymbolicLink(In("link.csv"), "real.csv");
        var output = OutputFile.Check(In("link.csv"));
        Assert.Equal(In("real.csv"), output.Map(o => o.Target).IfFail(""));
        Assert.False(output.Map(o => o.WritesThrough).IfFail(true));
    }
}
