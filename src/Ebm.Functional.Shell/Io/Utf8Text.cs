using System.Buffers;
using System.Text;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.Io;

/// <summary>
/// Strict UTF-8 decoding of input files: a byte sequence that is not UTF-8 (a stray byte, a truncated
/// sequence, an overlong form, an encoded surrogate) is an error naming its line and position, never
/// replaced silently by U+FFFD and never an exception further on.
/// </summary>
public static class Utf8Text
{
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>The bytes without a leading UTF-8 byte-order mark.</summary>
    public static ReadOnlyMemory<byte> WithoutByteOrderMark(ReadOnlyMemory<byte> utf8) =>
        utf8.Span.StartsWith(ByteOrderMark) ? utf8[ByteOrderMark.Length..] : utf8;

    /// <summary>
    /// Succeeds when <paramref name="utf8"/> is valid UTF-8; otherwise a <see cref="TextErrors.NotUtf8"/> at the
    /// first invalid sequence, its message starting with <paramref name="source"/> when one is given.
    /// </summary>
    public static Fin<Unit> Check(ReadOnlySpan<byte> utf8, string? source)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8)) return FinSucc(unit);
        var offset = 0;
        while (Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) == OperationStatus.Done) offset += consumed;
        var at = TextPosition.Of(utf8, offset);
        return FinFail<Unit>(TextErrors.NotUtf8(source, at.Line, at.Position, utf8[offset], Hint(utf8)));
    }

    /// <summary>The text of <paramref name="utf8"/> (a leading byte-order mark dropped), or the error of <see cref="Check"/>.</summary>
    public static Fin<string> Decode(ReadOnlyMemory<byte> utf8, string? source)
    {
        var text = WithoutByteOrderMark(utf8);
        return Check(text.Span, source).Map(_ => Encoding.UTF8.GetString(text.Span));
    }

    /// <summary>UTF-16 is the usual reason a text file is not UTF-8 from its first bytes on.</summary>
    private static string Hint(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            ? "; the file starts with a UTF-16 byte-order mark: save it as UTF-8"
            : "";
}
