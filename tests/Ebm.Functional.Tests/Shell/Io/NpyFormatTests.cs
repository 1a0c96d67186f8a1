using System.Text;
using Ebm.Functional.Shell.Io;
using Ebm.Functional.Tests.Shell.Data;

namespace Ebm.Functional.Tests.Shell.Io;

/// <summary>NumPy .npy files: those NumPy writes read back exactly, ours are byte for byte NumPy's, and broken files are named errors.</summary>
public sealed class NpyFormatTests
{
    private static readonly double[] Binary = [0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 0];

    private static NpyArray Read(string fixture) =>
        NpyFormat.Parse(File.ReadAllBytes(DataFixtures.Data(fixture)), fixture).Match(a => a, e => throw new InvalidOperationException(e.Message));

    [Theory]
    [InlineData("binary-float32.npy", "float32")]
    [InlineData("binary-bool.npy", "bool")]
    [InlineData("binary-float64-big-endian.npy", "float64")]
    public void Numpy_files_of_each_type_read_as_the_values_numpy_saved(string fixture, string type)
    {
        var array = Read(fixture);
        Assert.Equal([4, 3], array.Shape);
        Assert.Equal(type, array.Type);
        Assert.Equal(Binary, array.Values.ToArray());
    }

    [Fact]
    public void A_fortran_order_array_is_returned_in_c_order()
    {
        var array = Read("real-float64-fortran.npy");
        Assert.Equal([2, 3], array.Shape);
        Assert.Equal([0.5, 1.5, 2.5, 3.5, 4.5, 5.5], array.Values.ToArray());
    }

    [Fact]
    public void A_stack_of_uint8_images_keeps_its_three_dimensions_and_byte_values()
    {
        var array = Read("images-uint8.npy");
        Assert.Equal([2, 2, 3], array.Shape);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => 10.0 * i), array.Values.ToArray());
    }

    [Fact]
    public void A_written_float64_matrix_is_byte_for_byte_what_numpy_save_writes()
    {
        var numpy = File.ReadAllBytes(DataFixtures.Data("matrix-float64.npy"));
        var ours = NpyFormat.Write(NpyArray.Of([3, 2], [0.5, -1.25, 2.0, 0.125, -0.75, 1.5]));
        Assert.Equal(numpy, ours);
    }

    [Fact]
    public void Written_values_read_back_to_the_same_bits()
    {
        double[] values = [0.1, -0.0, double.Epsilon, double.MaxValue, 1e-310, -2.5, double.NaN, double.PositiveInfinity];
        var array = NpyFormat.Parse(NpyFormat.Write(NpyArray.Of([2, 4], values)), "x.npy").Match(a => a, e => throw new InvalidOperationException(e.Message));
        Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), array.Values.ToArray().Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(0, (10 + BitConverter.ToUInt16(NpyFormat.Write(NpyArray.Of([1], [1.0])), 8)) % 64);
    }

    [Fact]
    public void A_scalar_and_an_empty_array_round_trip()
    {
        var scalar = NpyFormat.Parse(NpyFormat.Write(NpyArray.Of([], [3.0])), "s.npy").Match(a => a, e => throw new InvalidOperationException(e.Message));
        Assert.Empty(scalar.Shape);
        Assert.Equal([3.0], scalar.Values.ToArray());
        var empty = NpyFormat.Parse(NpyFormat.Write(NpyArray.Of([0, 5], [])), "e.npy").Match(a => a, e => throw new InvalidOperationException(e.Message));
        Assert.Equal([0, 5], empty.Shape);
    }

    [Theory]
    [InlineData("not numpy at all", ArrayFileErrors.BadMagicCode, "x.npy: not a NumPy .npy file (bad magic: a NumPy .npy file starts with \\x93NUMPY)")]
    [InlineData("\u0093NUMPY\u0001", ArrayFileErrors.TruncatedCode, "x.npy: truncated: the .npy preamble needs 10 bytes, the file has 7")]
    [InlineData("\u0093NUMPY\u0004\u0000\u0000\u0000", ArrayFileErrors.UnsupportedCode, "x.npy: .npy format version 4.0 is not supported; versions 1.0, 2.0 and 3.0 are read")]
    public void A_broken_preamble_is_a_named_error(string latin1, int code, string message)
    {
        var error = Assert.Single(Failures.Of(NpyFormat.Parse(Encoding.Latin1.GetBytes(latin1), "x.npy")));
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("{'descr': '<c16', 'fortran_order': False, 'shape': (2,), }", ArrayFileErrors.UnsupportedCode, "the type \"<c16\" is not supported")]
    [InlineData("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (2,), }", ArrayFileErrors.UnsupportedCode, "a structured (record) array is not supported")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, }", ArrayFileErrors.BadHeaderCode, "missing shape")]
    [InlineData("{'descr': '<f8', 'fortran_order': Maybe, 'shape': (2,), }", ArrayFileErrors.BadHeaderCode, "fortran_order is not True or False")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (2, -1), }", ArrayFileErrors.BadHeaderCode, "shape is not a tuple of non-negative integers")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'extra': 1}", ArrayFileErrors.BadHeaderCode, "unknown key \"extra\"")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", ArrayFileErrors.TruncatedCode, "truncated: the data of shape (3,) float64 needs 24 bytes, the file has 16")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", ArrayFileErrors.TrailingBytesCode, "8 bytes after the array's data")]
    public void A_bad_header_or_a_size_that_disagrees_with_the_data_is_a_named_error(string header, int code, string fragment)
    {
        var bytes = WithHeader(header, new byte[16]);
        var error = Assert.Single(Failures.Of(NpyFormat.Parse(bytes, "x.npy")));
        Assert.Equal(code, error.Code);
        Assert.StartsWith("x.npy: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_control_character_in_the_header_is_escaped_so_the_message_stays_one_line()
    {
        // Found by the fuzz property: a carriage return inserted into the type string.
        var error = Assert.Single(Failures.Of(NpyFormat.Parse(WithHeader("{'descr': '<\rf8', 'fortran_order': False, 'shape': (2,), }", new byte[16]), "x.npy")));
        Assert.Equal("x.npy: the type \"<\\rf8\" is not supported; arrays of float16/32/64, bool or integers are read (a.astype(np.float64) converts)", error.Message);
    }

    [Fact]
    public void Every_truncation_of_every_fixture_is_an_error_never_an_exception()
    {
        foreach (var (name, bytes) in DataFixtures.All().Where(f => f.Name.EndsWith(".npy", StringComparison.Ordinal)))
        for (var length = 0; length < bytes.Length; length++)
            Assert.True(NpyFormat.Parse(bytes.AsSpan(0, length), name).IsFail, $"{name} cut to {length} bytes");
    }

    private static byte[] WithHeader(string header, byte[] data)
    {
        var text = Encoding.ASCII.GetBytes(header + "\n");
        return [0x93, .. "NUMPY"u8, 1, 0, (byte)text.Length, 0, .. text, .. data];
    }
}
