using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Ebm.Functional.Shell.Io;

/// <summary>
/// A NumPy type description of a plain number (<c>'&lt;f8'</c>, <c>'|u1'</c>, <c>'&gt;i4'</c>, <c>'|b1'</c>): byte order, kind
/// and size, and how to read one value as a double.
/// </summary>
internal sealed record NpyType(string Name, int Size, bool BigEndian, char KindCode)
{
    /// <summary>The type of <paramref name="descr"/>, or null for a type that is not a plain real number.</summary>
    public static NpyType? Of(string descr)
    {
        if (descr.Length < 3 || descr[0] is not ('<' or '>' or '|' or '=')) return null;
        if (!int.TryParse(descr.AsSpan(2), out var size)) return null;
        var kind = descr[1];
        var name = (kind, size) switch
        {
            ('f', 2) => "float16",
            ('f', 4) => "float32",
            ('f', 8) => "float64",
            ('b', 1) => "bool",
            ('u', 1 or 2 or 4 or 8) => $"uint{8 * size}",
            ('i', 1 or 2 or 4 or 8) => $"int{8 * size}",
            _ => null,
        };
        return name is null ? null : new NpyType(name, size, descr[0] == '>', kind);
    }

    /// <summary>
    /// Every value of <paramref name="data"/> (exactly <see cref="Size"/> bytes each) into <paramref name="values"/>;
    /// the types of most files (little-endian float64 and float32, bytes, bool) in one pass without a per-value dispatch.
    /// </summary>
    public void ReadAll(ReadOnlySpan<byte> data, Span<double> values)
    {
        switch (KindCode, Size, BigEndian)
        {
            case ('f', 8, false) when BitConverter.IsLittleEndian:
                MemoryMarshal.Cast<byte, double>(data).CopyTo(values);
                break;
            case ('f', 4, false) when BitConverter.IsLittleEndian:
                var floats = MemoryMarshal.Cast<byte, float>(data);
                for (var i = 0; i < floats.Length; i++) values[i] = floats[i];
                break;
            case ('u', 1, _):
                for (var i = 0; i < data.Length; i++) values[i] = data[i];
                break;
            case ('b', 1, _):
                for (var i = 0; i < data.Length; i++) values[i] = data[i] != 0 ? 1.0 : 0.0;
                break;
            default:
                for (var i = 0; i < values.Length; i++) values[i] = Read(data.Slice(i * Size, Size));
                break;
        }
    }

    /// <summary>One value from exactly <see cref="Size"/> bytes.</summary>
    public double Read(ReadOnlySpan<byte> b) => (KindCode, Size, BigEndian) switch
    {
        ('b', _, _) => b[0] != 0 ? 1.0 : 0.0,
        ('u', 1, _) => b[0],
        ('i', 1, _) => (sbyte)b[0],
        ('f', 2, false) => (double)BinaryPrimitives.ReadHalfLittleEndian(b),
        ('f', 2, true) => (double)BinaryPrimitives.ReadHalfBigEndian(b),
        ('f', 4, false) => BinaryPrimitives.ReadSingleLittleEndian(b),
        ('f', 4, true) => BinaryPrimitives.ReadSingleBigEndian(b),
        ('f', 8, false) => BinaryPrimitives.ReadDoubleLittleEndian(b),
        ('f', 8, true) => BinaryPrimitives.ReadDoubleBigEndian(b),
        ('u', 2, false) => BinaryPrimitives.ReadUInt16LittleEndian(b),
        ('u', 2, true) => BinaryPrimitives.ReadUInt16BigEndian(b),
        ('u', 4, false) => BinaryPrimitives.ReadUInt32LittleEndian(b),
        ('u', 4, true) => BinaryPrimitives.ReadUInt32BigEndian(b),
        ('u', 8, false) => BinaryPrimitives.ReadUInt64LittleEndian(b),
        ('u', 8, true) => BinaryPrimitives.ReadUInt64BigEndian(b),
        ('i', 2, false) => BinaryPrimitives.ReadInt16LittleEndian(b),
        ('i', 2, true) => BinaryPrimitives.ReadInt16BigEndian(b),
        ('i', 4, false) => BinaryPrimitives.ReadInt32LittleEndian(b),
        ('i', 4, true) => BinaryPrimitives.ReadInt32BigEndian(b),
        ('i', 8, false) => BinaryPrimitives.ReadInt64LittleEndian(b),
        _ => BinaryPrimitives.ReadInt64BigEndian(b),
    };
}
