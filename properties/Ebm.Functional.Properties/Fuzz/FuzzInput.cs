using System.Text;

namespace Ebm.Functional.Properties.Fuzz;

/// <summary>Bytes given to a reader, and how they were made (for the report of a failing case).</summary>
public sealed record FuzzInput(byte[] Bytes, string How)
{
    private const int PreviewBytes = 300;

    /// <inheritdoc />
    public override string ToString() => $"{How}; {Bytes.Length} bytes: {Preview(Bytes)}";

    /// <summary>The first bytes, printable ASCII as is and every other byte as \xNN.</summary>
    public static string Preview(byte[] bytes)
    {
        var text = new StringBuilder();
        foreach (var b in bytes.Take(PreviewBytes))
            text.Append(b is >= 0x20 and < 0x7F and not (byte)'\\' ? ((char)b).ToString() : $"\\x{b:X2}");
        return bytes.Length > PreviewBytes ? text.Append("...").ToString() : text.ToString();
    }
}
