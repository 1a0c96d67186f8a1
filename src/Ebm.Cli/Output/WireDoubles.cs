using System.Runtime.InteropServices;

namespace Ebm.Cli.Output;

/// <summary>
/// Doubles in the messages between a client and its workers: a vector as base64 of its doubles' bytes, a number as its
/// 64 bits, so every bit survives (negative zeros, infinities and NaN payloads included).
/// </summary>
internal static class WireDoubles
{
    /// <summary>Base64 of the doubles' bytes.</summary>
    public static string Text(ReadOnlySpan<double> values) => Convert.ToBase64String(MemoryMarshal.AsBytes(values));

    /// <summary>The doubles of <see cref="Text"/>'s text; a <see cref="FormatException"/> when it is not base64.</summary>
    public static double[] Read(string text) => MemoryMarshal.Cast<byte, double>(Convert.FromBase64String(text)).ToArray();

    /// <summary>The double's 64 bits.</summary>
    public static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    /// <summary>The double of <see cref="Bits"/>.</summary>
    public static double Double(long bits) => BitConverter.Int64BitsToDouble(bits);
}
