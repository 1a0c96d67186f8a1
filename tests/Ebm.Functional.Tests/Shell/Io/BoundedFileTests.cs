using Ebm.Functional.Shell.Io;

namespace Ebm.Functional.Tests.Shell.Io;

public sealed class BoundedFileTests
{
    [Fact]
    public void Reads_a_file_within_the_limit_and_refuses_a_larger_one()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [1, 2, 3, 4]);
            Assert.Equal(new byte[] { 1, 2, 3, 4 }, BoundedFile.ReadAllBytes(path, 4).Match(b => b, e => throw new InvalidOperationException(e.Message)));
            Assert.Equal($"{path}: the file has 4 bytes, more than the limit of 3 bytes", BoundedFile.ReadAllBytes(path, 3).Match(_ => "", e => e.Message));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_huge_sparse_file_is_refused_without_reading_it()
    {
        var path = Path.GetTempFileName();
        try
        {
            using (var stream = new FileStream(path, FileMode.Open)) stream.SetLength(64L << 30);
            var message = BoundedFile.ReadAllBytes(path, 256L << 20).Match(_ => "", e => e.Message);
            Assert.Equal($"{path}: the file has {64L << 30} bytes, more than the limit of {256L << 20} bytes", message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_is_not_found()
    {
        Assert.Equal("/no/such/file: file not found", BoundedFile.ReadAllBytes("/no/such/file", 10).Match(_ => "", e => e.Message));
    }
}
