using Ebm.Functional.Shell.Io;

namespace Ebm.Functional.Tests.Shell.Io;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string In(string name) => _directory.Path(name);

    private IEnumerable<string> Names() => _directory.Names();

    [Fact]
    public void Writes_a_new_file_and_replaces_an_old_one_leaving_no_temporary_file()
    {
        var path = In("out.csv");
        Assert.True(AtomicFile.WriteAllText(path, "first").IsSucc);
        Assert.True(AtomicFile.WriteAllText(path, "second, longer").IsSucc);
        Assert.Equal("second, longer", File.ReadAllText(path));
        Assert.Equal(["out.csv"], Names());
    }

    [Fact]
    public void Writes_utf8_without_a_byte_order_mark()
    {
        var path = In("beta.txt");
        Assert.True(AtomicFile.WriteAllText(path, "β").IsSucc);
        Assert.Equal(new byte[] { 0xCE, 0xB2 }, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_missing_directory_is_an_error_naming_the_path()
    {
        var path = In(Path.Combine("absent", "out.csv"));
        var message = AtomicFile.WriteAllText(path, "x").Match(_ => "", e => e.Message);
        Assert.StartsWith($"{path}: cannot be written: the directory", message);
    }

    [Fact]
    public void A_failed_write_keeps_the_old_file_and_removes_the_temporary_one()
    {
        var path = In("keep.txt");
        File.WriteAllText(path, "old");
        var result = AtomicFile.Write(path, stream =>
        {
            stream.Write("partial"u8);
            throw new IOException("disk full");
        });
        Assert.Equal($"{path}: cannot be written: disk full", result.Match(_ => "", e => e.Message));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["keep.txt"], Names());
    }

    [Fact]
    public void A_directory_in_the_way_is_an_error()
    {
        var path = In("sub");
        Directory.CreateDirectory(path);
        Assert.Contains("it is a directory", AtomicFile.WriteAllText(path, "x").Match(_ => "", e => e.Message));
    }

    [Fact]
    public void A_character_device_is_written_through_and_stays_a_device()
    {
        var device = SpecialFiles.NullDevice(In("null"));
        Assert.True(AtomicFile.WriteAllText(device, "into the void").IsSucc);
        Assert.Equal("character special file", SpecialFiles.KindOf(device));
        Assert.Equal(["null"], Names());
    }

    [Fact]
    public void A_full_device_reports_the_failed_write_and_stays_a_device()
    {
        var device = SpecialFiles.FullDevice(In("full"));
        var message = AtomicFile.WriteAllText(device, "x").Match(_ => "", e => e.Message);
        Assert.StartsWith($"{device}: cannot be written:", message);
        Assert.Equal("character special file", SpecialFiles.KindOf(device));
    }

    [Fact]
    public async Task A_fifo_receives_the_content_and_stays_a_fifo()
    {
        var fifo = SpecialFiles.Fifo(In("pipe"));
        var reader = SpecialFiles.ReadFifo(fifo);
        Assert.True(AtomicFile.WriteAllText(fifo, "through the pipe").IsSucc);
        var received = await reader.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("through the pipe", System.Text.Encoding.UTF8.GetString(received));
        Assert.Equal("fifo", SpecialFiles.KindOf(fifo));
    }

    [Fact]
    public void A_symbolic_link_stays_a_link_and_its_target_gets_the_content()
    {
        File.WriteAllText(In("real.csv"), "old");
        var link = In("link.csv");
        File.CreateSymbolicLink(link, "real.csv");
        Assert.True(AtomicFile.WriteAllText(link, "new").IsSucc);
        Assert.Equal("symbolic link", SpecialFiles.KindOf(link));
        Assert.Equal("new", File.ReadAllText(In("real.csv")));
        Assert.Equal(["link.csv", "real.csv"], Names());
    }

    [Fact]
    public void A_link_into_another_directory_puts_the_temporary_file_beside_the_target()
    {
        var elsewhere = Directory.CreateDirectory(In("elsewhere"));
        var link = In("link.csv");
        File.CreateSymbolicLink(link, Path.Combine(elsewhere.FullName, "real.csv"));
        Assert.True(AtomicFile.Write(link, stream =>
        {
            // While the content is being written, the temporary file sits in the target's directory.
            Assert.Single(elsewhere.GetFiles(".real.csv.*.tmp"));
            stream.Write("new"u8);
        }).IsSucc);
        Assert.Equal("new", File.ReadAllText(Path.Combine(elsewhere.FullName, "real.csv")));
        Assert.Equal("symbolic link", SpecialFiles.KindOf(link));
    }

    [Fact]
    public void A_dangling_link_creates_its_target()
    {
        var link = In("link.csv");
        File.CreateSymbolicLink(link, "later.csv");
        Assert.True(AtomicFile.WriteAllText(link, "made").IsSucc);
        Assert.Equal("made", File.ReadAllText(In("later.csv")));
        Assert.Equal("symbolic link", SpecialFiles.KindOf(link));
    }

    [Fact]
    public void A_replaced_file_keeps_its_permissions()
    {
        if (OperatingSystem.IsWindows()) return;
        var path = In("private.csv");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.True(AtomicFile.WriteAllText(path, "new").IsSucc);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Cancelling_during_the_write_deletes_the_temporary_file_at_once_and_keeps_the_old_file()
    {
        var path = In("keep.csv");
        File.WriteAllText(path, "old");
        using var cancellation = new CancellationTokenSource();
        var seenBeforeCancel = 0;
        var seenAfterCancel = -1;
        var result = AtomicFile.Write(path, stream =>
        {
            stream.Write("partial"u8);
            seenBeforeCancel = Directory.GetFiles(_directory.FullName, ".keep.csv.*.tmp").Length;
            cancellation.Cancel();
            seenAfterCancel = Directory.GetFiles(_directory.FullName, ".keep.csv.*.tmp").Length;
            stream.Write("more"u8);
        }, cancellation.Token);
        Assert.Equal(1, seenBeforeCancel);
        Assert.Equal(0, seenAfterCancel);
        Assert.Equal(FileErrors.CancelledCode, result.Match(_ => 0, e => e.Code));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["keep.csv"], Names());
    }

    [Fact]
    public async Task Cancelling_from_another_thread_while_the_writer_waits_leaves_no_file()
    {
        var path = In("never.csv");
        using var cancellation = new CancellationTokenSource();
        using var written = new ManualResetEventSlim();
        using var cancelled = new ManualResetEventSlim();
        var writer = Task.Run(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("a first part"u8);
            written.Set();
            cancelled.Wait();
            stream.Write("the rest"u8);
        }, cancellation.Token));
        Assert.True(written.Wait(TimeSpan.FromSeconds(60)));
        Assert.Single(Directory.GetFiles(_directory.FullName, ".never.csv.*.tmp"));
        cancellation.Cancel();
        Assert.Empty(Names());
        cancelled.Set();
        var result = await writer.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(FileErrors.CancelledCode, result.Match(_ => 0, e => e.Code));
        Assert.Empty(Names());
    }

    [Fact]
    public void An_already_cancelled_token_writes_nothing()
    {
        var path = In("never.csv");
        var result = AtomicFile.Write(path, stream => stream.Write("x"u8), new CancellationToken(canceled: true));
        Assert.Equal(FileErrors.CancelledCode, result.Match(_ => 0, e => e.Code));
        Assert.Empty(Names());
    }
}
