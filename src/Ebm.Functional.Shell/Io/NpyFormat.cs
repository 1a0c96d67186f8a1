using System.Buffers.Binary;
using System.Text;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.Io;

/// <summary>
/// Reads and writes NumPy <c>.npy</c> files (format versions 1.0, 2.0 and 3.0, as <c>np.save</c> writes them): the
/// magic string <c>\x93NUMPY</c>, a version, a header that is a Python dictionary literal
/// (<c>{'descr': '&lt;f8', 'fortran_order': False, 'shape': (3, 4), }</c>), then the values.
/// </summary>
/// <remarks>
/// Read types: float16/32/64, bool, signed and unsigned integers of 1 to 8 bytes, little- or big-endian, in C or
/// Fortran order (returned in C order); other types (complex, strings, objects, structured records) are refused with an error naming
/// them. Any byte string gives an array or an error of <see cref="ArrayFileErrors"/>; nothing is thrown. Written
/// files are float64 (or bool) little-endian, version 1.0, the header padded to 64 bytes as NumPy pads it.
/// </remarks>
public static class NpyFormat
{
    private const string Magic = "\u0093NUMPY";

    private const string Accepted = "arrays of float16/32/64, bool or integers are read (a.astype(np.float64) converts)";

    /// <summary>The array stored in <paramref name="bytes"/>; <paramref name="source"/> names the file in errors.</summary>
    public static Fin<NpyArray> Parse(ReadOnlySpan<byte> bytes, string source)
    {
        if (!StartsWithMagic(bytes)) return FinFail<NpyArray>(ArrayFileErrors.BadMagic(source, "NumPy .npy file", "\\x93NUMPY"));
        if (bytes.Length < 10) return FinFail<NpyArray>(ArrayFileErrors.Truncated(source, "the .npy preamble", 10, bytes.Length));
        var major = bytes[6];
        if (major is not (1 or 2 or 3)) return FinFail<NpyArray>(ArrayFileErrors.Unsupported(source, $".npy format version {major}.{bytes[7]}", "versions 1.0, 2.0 and 3.0 are read"));
        var lengthBytes = major == 1 ? 2 : 4;
        if (bytes.Length < 8 + lengthBytes) return FinFail<NpyArray>(ArrayFileErrors.Truncated(source, "the .npy preamble", 8 + lengthBytes, bytes.Length));
        long headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]) : BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]);
        var dataStart = 8 + lengthBytes + headerLength;
        if (dataStart > bytes.Length) return FinFail<NpyArray>(ArrayFileErrors.Truncated(source, "the .npy header", dataStart, bytes.Length));
        var header = bytes[(8 + lengthBytes)..(int)dataStart];
        foreach (var b in header)
            if (b > 0x7E || (b < 0x20 && b is not (byte)'\n' and not (byte)'\t' and not (byte)'\r'))
                return FinFail<NpyArray>(ArrayFileErrors.BadHeader(source, $"byte 0x{b:X2} in the header, which is ASCII text"));
        return NpyHeader.Parse(Encoding.ASCII.GetString(header), source).Case switch
        {
            NpyHeader parsed => ReadValues(bytes[(int)dataStart..], parsed, source),
            var error => FinFail<NpyArray>((Error)error!),
        };
    }

    /// <summary>The bytes of a version 1.0 <c>.npy</c> file holding <paramref name="array"/> (bool arrays as <c>|b1</c>, all others as <c>&lt;f8</c>).</summary>
    public static byte[] Write(NpyArray array)
    {
        ArgumentNullException.ThrowIfNull(array);
        var asBool = array.Type == "bool";
        var descr = asBool ? "|b1" : "<f8";
        var dictionary = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {ShapeLiteral(array.Shape)}, }}";
        // NumPy pads the header with spaces and a newline so the data start at a multiple of 64 bytes.
        var unpadded = 10 + dictionary.Length + 1;
        var header = dictionary + new string(' ', (64 - unpadded % 64) % 64) + "\n";
        var itemSize = asBool ? 1 : 8;
        var bytes = new byte[10 + header.Length + array.Count * itemSize];
        for (var i = 0; i < Magic.Length; i++) bytes[i] = (byte)Magic[i];
        bytes[6] = 1;
        bytes[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), checked((ushort)header.Length));
        Encoding.ASCII.GetBytes(header, bytes.AsSpan(10));
        var data = bytes.AsSpan(10 + header.Length);
        var values = array.Values;
        for (var i = 0; i < values.Length; i++)
        {
            if (asBool) data[i] = values[i] != 0 ? (byte)1 : (byte)0;
            else BinaryPrimitives.WriteDoubleLittleEndian(data[(8 * i)..], values[i]);
        }

        return bytes;
    }

    /// <summary>True when <paramref name="bytes"/> starts with the <c>.npy</c> magic string.</summary>
    public static bool StartsWithMagic(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Magic.Length) return false;
        for (var i = 0; i < Magic.Length; i++)
            if (bytes[i] != Magic[i]) return false;
        return true;
    }

    private static string ShapeLiteral(IReadOnlyList<int> shape) =>
        shape.Count == 0 ? "()" : NpyArray.Describe(shape);

    /// <summary>The step in stored elements of each index in Fortran order, where the first index varies fastest.</summary>
    private static long[] FortranStrides(int[] shape)
    {
        var strides = new long[shape.Length];
        long stride = 1;
        for (var d = 0; d < shape.Length; d++)
        {
            strides[d] = stride;
            stride *= shape[d];
        }

        return strides;
    }

    /// <summary>Where element <paramref name="index"/> (in C order) is stored in Fortran order.</summary>
    private static long FortranOffset(int[] shape, long[] strides, long index)
    {
        long offset = 0;
        for (var d = shape.Length - 1; d >= 0; d--)
        {
            offset += index % shape[d] * strides[d];
            index /= shape[d];
        }

        return offset;
    }

    private static Fin<NpyArray> ReadValues(ReadOnlySpan<byte> data, NpyHeader header, string source)
    {
        if (NpyType.Of(header.Descr) is not { } type)
            return FinFail<NpyArray>(ArrayFileErrors.Unsupported(source, $"the type {EchoedText.Quote(header.Descr)}", Accepted));
        long count = 1;
        foreach (var length in header.Shape)
        {
            count *= length;
            if (count > System.Array.MaxLength) return FinFail<NpyArray>(ArrayFileErrors.TooLarge(source, count * type.Size, (long)System.Array.MaxLength * type.Size));
        }

        var needed = count * type.Size;
        var what = $"the data of shape {(header.Shape.Length == 0 ? "()" : NpyArray.Describe(header.Shape))} {type.Name}";
        if (data.Length < needed) return FinFail<NpyArray>(ArrayFileErrors.Truncated(source, what, needed, data.Length));
        if (data.Length > needed) return FinFail<NpyArray>(ArrayFileErrors.TrailingBytes(source, data.Length - needed));
        var values = new double[count];
        if (!header.FortranOrder) type.ReadAll(data[..(int)needed], values);
        else
        {
            var strides = FortranStrides(header.Shape);
            for (var i = 0; i < values.Length; i++)
                values[i] = type.Read(data.Slice((int)(FortranOffset(header.Shape, strides, i) * type.Size), type.Size));
        }

        return FinSucc(NpyArray.Of(header.Shape, values, type.Name));
    }
}
