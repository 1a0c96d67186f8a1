using System.Buffers.Binary;
using Ebm.Functional.Shell.Io;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.Data;

/// <summary>
/// Reads IDX files, the format of the MNIST data (LeCun et al. 1998, yann.lecun.com/exdb/mnist): two zero bytes, a
/// type byte (0x08 unsigned byte, 0x09 signed byte, 0x0B int16, 0x0C int32, 0x0D float32, 0x0E float64), the number
/// of dimensions, each dimension as a big-endian 32-bit integer, then the values, big-endian, in C order.
/// </summary>
/// <remarks>Any byte string gives an array or an error of <see cref="ArrayFileErrors"/>; nothing is thrown.</remarks>
public static class IdxFormat
{
    /// <summary>True when <paramref name="bytes"/> starts like an IDX file (two zero bytes and a known type byte).</summary>
    public static bool StartsWithMagic(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 3 && bytes[0] == 0 && bytes[1] == 0 && TypeOf(bytes[2]) is not null;

    /// <summary>The array stored in <paramref name="bytes"/>; <paramref name="source"/> names the file in errors.</summary>
    public static Fin<NpyArray> Parse(ReadOnlySpan<byte> bytes, string source)
    {
        if (bytes.Length >= 1 && bytes[0] != 0 || bytes.Length >= 2 && bytes[1] != 0)
            return FinFail<NpyArray>(ArrayFileErrors.BadMagic(source, "IDX file", "two zero bytes, a type byte and the number of dimensions"));
        if (bytes.Length < 4) return FinFail<NpyArray>(ArrayFileErrors.Truncated(source, "the IDX magic number", 4, bytes.Length));
        if (TypeOf(bytes[2]) is not var (name, size, read))
            return FinFail<NpyArray>(ArrayFileErrors.Unsupported(source, $"the IDX type byte 0x{bytes[2]:X2}", "the types 0x08, 0x09, 0x0B, 0x0C, 0x0D and 0x0E are read"));
        var dimensions = bytes[3];
        var dataStart = 4 + 4 * dimensions;
        if (bytes.Length < dataStart) return FinFail<NpyArray>(ArrayFileErrors.Truncated(source, $"the sizes of {dimensions} dimensions", dataStart, bytes.Length));
        var shape = new int[dimensions];
        long count = 1;
        for (var d = 0; d < dimensions; d++)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes[(4 + 4 * d)..]);
            if (length > System.Array.MaxLength) return FinFail<NpyArray>(ArrayFileErrors.TooLarge(source, (long)length * size, (long)System.Array.MaxLength * size));
            shape[d] = (int)length;
            count *= length;
            if (count > System.Array.MaxLength) return FinFail<NpyArray>(ArrayFileErrors.TooLarge(source, count * size, (long)System.Array.MaxLength * size));
        }

        var data = bytes[dataStart..];
        var needed = count * size;
        if (data.Length < needed) return FinFail<NpyArray>(ArrayFileErrors.Truncated(source, $"the data of shape {NpyArray.Describe(shape)} {name}", dataStart + needed, bytes.Length));
        if (data.Length > needed) return FinFail<NpyArray>(ArrayFileErrors.TrailingBytes(source, data.Length - needed));
        var values = new double[count];
        if (size == 1 && name == "uint8")
            for (var i = 0; i < values.Length; i++) values[i] = data[i];
        else
            for (var i = 0; i < values.Length; i++) values[i] = read(data.Slice(i * size, size));
        return FinSucc(NpyArray.Of(shape, values, name));
    }

    private delegate double Reader(ReadOnlySpan<byte> bytes);

    private static (string Name, int Size, Reader Read)? TypeOf(byte code) => code switch
    {
        0x08 => ("uint8", 1, b => b[0]),
        0x09 => ("int8", 1, b => (sbyte)b[0]),
        0x0B => ("int16", 2, b => BinaryPrimitives.ReadInt16BigEndian(b)),
        0x0C => ("int32", 4, b => BinaryPrimitives.ReadInt32BigEndian(b)),
        0x0D => ("float32", 4, b => BinaryPrimitives.ReadSingleBigEndian(b)),
        0x0E => ("float64", 8, b => BinaryPrimitives.ReadDoubleBigEndian(b)),
        _ => null,
    };
}
