using System.Globalization;
using System.Text.Json;

namespace Ebm.Functional.Shell.ModelFiles;

/// <summary>
/// Finds the first escape in a JSON text that encodes half of a UTF-16 surrogate pair (\ud800 alone, or \udc00
/// first). The JSON grammar allows such escapes, but they decode to no character, and System.Text.Json throws
/// when asked for the string; so a model file holding one is refused before any string is read.
/// </summary>
internal static class JsonSurrogates
{
    /// <summary>An escape found: its byte offset in the text and the six characters as written.</summary>
    public readonly record struct Found(int Offset, string Escape);

    /// <summary>
    /// The first half surrogate escape of any string or property name, or null when there is none.
    /// </summary>
    /// <exception cref="JsonException">The text is not JSON (the same exception <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> throws).</exception>
    public static Found? First(ReadOnlySpan<byte> json, JsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(json, options);
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped) continue;
            if (HalfSurrogate(reader.ValueSpan) is { } index)
            {
                var offset = (int)reader.TokenStartIndex + 1 + index;
                return new Found(offset, System.Text.Encoding.ASCII.GetString(json.Slice(offset, 6)));
            }
        }

        return null;
    }

    /// <summary>
    /// The index in <paramref name="raw"/> (a string's bytes between its quotes, escapes as written and already
    /// checked by the reader) of the first \uXXXX escape that is a surrogate without its partner.
    /// </summary>
    private static int? HalfSurrogate(ReadOnlySpan<byte> raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\') continue;
            if (raw[i + 1] != (byte)'u')
            {
                i++;
                continue;
            }

            var unit = CodeUnit(raw.Slice(i + 2, 4));
            if (char.IsLowSurrogate(unit)) return i;
            if (char.IsHighSurrogate(unit))
            {
                var paired = i + 12 <= raw.Length && raw[i + 6] == (byte)'\\' && raw[i + 7] == (byte)'u' && char.IsLowSurrogate(CodeUnit(raw.Slice(i + 8, 4)));
                if (!paired) return i;
                i += 6;
            }

            i += 5;
        }

        return null;
    }

    private static char CodeUnit(ReadOnlySpan<byte> fourHexDigits) =>
        (char)ushort.Parse(fourHexDigits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
}
