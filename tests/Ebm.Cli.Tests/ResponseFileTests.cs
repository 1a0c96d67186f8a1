namespace Ebm.Cli.Tests;

/// <summary>
/// Arguments from a response file (<c>ebm @FILE</c>: one or more arguments a line, '#' starts a comment line):
/// the file is read like every input, and a response file that cannot be used is bad input (exit code 2),
/// never an internal error or a crash.
/// </summary>
public sealed class ResponseFileTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Arguments_come_from_the_file_and_from_a_file_it_names()
    {
        var options = _files.Write("options.rsp", "# the output\n--json\n");
        var arguments = _files.Write("logz.rsp", $"logz \"{CliRun.Example("gaussian-2d.json")}\"\n\n@{options}\n");
        var run = CliRun.Invoke($"@{arguments}");
        Assert.Equal(0, run.Code);
        Assert.Equal(CliRun.Invoke("logz", CliRun.Example("gaussian-2d.json"), "--json").Out.Split("\"seconds\"")[0], run.Out.Split("\"seconds\"")[0]);
    }

    [Fact]
    public void A_directory_is_bad_input_naming_it()
    {
        var directory = _files.FullName;
        var run = CliRun.Invoke("logz", $"@{directory}");
        Assert.Equal(2, run.Code);
        Assert.StartsWith($"ebm: error: response file {directory}: cannot be read: it is a directory", run.Err);
        Assert.False(run.HasStackTrace);
    }

    [Fact]
    public void A_missing_file_is_bad_input_naming_it()
    {
        var path = _files.Path("absent.rsp");
        var run = CliRun.Invoke($"@{path}");
        Assert.Equal(2, run.Code);
        Assert.StartsWith($"ebm: error: response file {path}: file not found", run.Err);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_bad_input_naming_the_position()
    {
        var path = _files.WriteBytes("latin1.rsp", [(byte)'l', (byte)'o', (byte)'g', (byte)'z', (byte)'\n', 0xE9, (byte)'\n']);
        var run = CliRun.Invoke($"@{path}");
        Assert.Equal(2, run.Code);
        Assert.StartsWith($"ebm: error: response file {path}: not valid UTF-8 at line 2, position 1 (byte 0xE9)", run.Err);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        var path = _files.Path("huge.rsp");
        using (var stream = File.Create(path)) stream.SetLength(ResponseFiles.MaxBytes + 1);
        var run = CliRun.Invoke($"@{path}");
        Assert.Equal(2, run.Code);
        Assert.StartsWith($"ebm: error: response file {path}: the file has {ResponseFiles.MaxBytes + 1} bytes, more than the limit of {ResponseFiles.MaxBytes} bytes", run.Err);
    }

    [Fact]
    public void A_file_that_names_itself_is_bad_input_not_a_stack_overflow()
    {
        // Run as a process of its own: before the nesting limit, this recursion overflowed the stack and killed the process.
        var path = _files.Path("self.rsp");
        File.WriteAllText(path, $"--json\n@{path}\n");
        var run = EbmProcess.Run(_files.FullName, "logz", CliRun.Example("gaussian-2d.json"), $"@{path}");
        Assert.Equal(2, run.Code);
        Assert.StartsWith($"ebm: error: response file {path}: response files nest more than {ResponseFiles.MaxNesting} deep", run.Err);
    }
}
