using Ebm.Functional.Shell.Data;
using Ebm.Functional.Shell.Io;

namespace Ebm.Functional.Tests.Shell.Data;

/// <summary>IDX files (the MNIST format): big-endian sizes and values of each type, and named errors for broken files.</summary>
public sealed class IdxFormatTests
{
    /// <summary>An IDX file of <paramref name="type"/> with the given sizes and raw big-endian data.</summary>
    internal static byte[] File(byte type, int[] sizes, byte[] data)
    {
        var bytes = new List<byte> { 0, 0, type, (byte)sizes.Length };
        foreach (var size in sizes) bytes.AddRange([(byte)(size >> 24), (byte)(size >> 16), (byte)(size >> 8), (byte)size]);
        bytes.AddRange(data);
        return bytes.ToArray();
    }

    private static NpyArray Read(byte[] bytes) => IdxFormat.Parse(bytes, "x.idx").Match(a => a, e => throw new InvalidOperationException(e.Message));

    [Fact]
    public void Unsigned_byte_images_read_with_their_three_dimensions()
    {
        var array = Read(File(0x08, [2, 2, 2], [0, 1, 2, 3, 252, 253, 254, 255]));
        Assert.Equal([2, 2, 2], array.Shape);
        Assert.Equal([0.0, 1, 2, 3, 252, 253, 254, 255], array.Values.ToArray());
    }

    [Fact]
    public void Signed_and_wide_types_read_big_endian()
    {
        Assert.Equal([-1.0, 127], Read(File(0x09, [1, 2], [0xFF, 0x7F])).Values.ToArray());
        Assert.Equal([-2.0, 258], Read(File(0x0B, [1, 2], [0xFF, 0xFE, 0x01, 0x02])).Values.ToArray());
        Assert.Equal([16909060.0], Read(File(0x0C, [1, 1], [1, 2, 3, 4])).Values.ToArray());
        Assert.Equal([1.5], Read(File(0x0D, [1, 1], [0x3F, 0xC0, 0, 0])).Values.ToArray());
        Assert.Equal([-2.0], Read(File(0x0E, [1, 1], [0xC0, 0, 0, 0, 0, 0, 0, 0])).Values.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 0x1F, 0x8B, 8, 3 }, ArrayFileErrors.BadMagicCode, "x.idx: not an IDX file (bad magic: an IDX file starts with two zero bytes, a type byte and the number of dimensions)")]
    [InlineData(new byte[] { 0, 0, 0x0A, 1, 0, 0, 0, 1, 5 }, ArrayFileErrors.UnsupportedCode, "x.idx: the IDX type byte 0x0A is not supported; the types 0x08, 0x09, 0x0B, 0x0C, 0x0D and 0x0E are read")]
    [InlineData(new byte[] { 0, 0, 8, 3, 0, 0, 0, 2 }, ArrayFileErrors.TruncatedCode, "x.idx: truncated: the sizes of 3 dimensions needs 16 bytes, the file has 8")]
    [InlineData(new byte[] { 0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2, 3 }, ArrayFileErrors.TruncatedCode, "x.idx: truncated: the data of shape (2, 2) uint8 needs 16 bytes, the file has 15")]
    [InlineData(new byte[] { 0, 0, 8, 1, 0, 0, 0, 1, 1, 2 }, ArrayFileErrors.TrailingBytesCode, "x.idx: 1 bytes after the array's data; the header's shape does not match the file")]
    public void A_broken_file_is_a_named_error(byte[] bytes, int code, string message)
    {
        var error = Assert.Single(Failures.Of(IdxFormat.Parse(bytes, "x.idx")));
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Sizes_whose_product_overflows_are_refused_before_allocation()
    {
        var error = Assert.Single(Failures.Of(IdxFormat.Parse(File(0x0E, [65536, 65536, 65536], []), "x.idx")));
        Assert.Equal(ArrayFileErrors.TooLargeCode, error.Code);
    }

    [Fact]
    public void Every_truncation_of_a_valid_file_is_an_error()
    {
        var bytes = File(0x0C, [2, 3], Enumerable.Range(0, 24).Select(i => (byte)i).ToArray());
        for (var length = 0; length < bytes.Length; length++)
            Assert.True(IdxFormat.Parse(bytes.AsSpan(0, length), "x.idx").IsFail, $"cut to {length} bytes");
    }
}
