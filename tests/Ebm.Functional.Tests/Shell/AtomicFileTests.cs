using Ebm.Functional.Shell.Io;

namespace Ebm.Functional.Tests.Shell;

public sealed class AtomicFileTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("ebm-atomic-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Writes_a_new_file_and_replaces_an_old_one_leaving_no_temporary_file()
    {
        var path = Path.Combine(_directory.FullName, "out.csv");
        Assert.True(AtomicFile.WriteAllText(path, "first").IsSucc);
        Assert.True(AtomicFile.WriteAllText(path, "second, longer").IsSucc);
        Assert.Equal("second, longer", File.ReadAllText(path));
        Assert.Equal(["out.csv"], _directory.GetFiles().Select(f => f.Name));
    }

    [Fact]
    public void Writes_utf8_without_a_byte_order_mark()
    {
        var path = Path.Combine(_directory.FullName, "beta.txt");
        Assert.True(AtomicFile.WriteAllText(path, "β").IsSucc);
        Assert.Equal(new byte[] { 0xCE, 0xB2 }, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_missing_directory_is_an_error_naming_the_path()
    {
        var path = Path.Combine(_directory.FullName, "absent", "out.csv");
        var message = AtomicFile.WriteAllText(path, "x").Match(_ => "", e => e.Message);
        Assert.StartsWith($"{path}: cannot be written: the directory", message);
    }

    [Fact]
    public void A_failed_write_keeps_the_old_file_and_removes_the_temporary_one()
    {
        var path = Path.Combine(_directory.FullName, "keep.txt");
        File.WriteAllText(path, "old");
        var result = AtomicFile.Write(path, stream =>
        {
            stream.Write("partial"u8);
            throw new IOException("disk full");
        });
        Assert.Equal($"{path}: cannot be written: disk full", result.Match(_ => "", e => e.Message));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["keep.txt"], _directory.GetFiles().Select(f => f.Name));
    }

    [Fact]
    public void A_directory_in_the_way_is_an_error()
    {
        var path = Path.Combine(_directory.FullName, "sub");
        Directory.CreateDirectory(path);
        Assert.Contains("it is a directory", AtomicFile.WriteAllText(path, "x").Match(_ => "", e => e.Message));
    }
}
