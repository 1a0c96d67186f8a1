using LanguageExt.Common;

namespace Ebm.Functional.Shell.Io;

/// <summary>The catalogue of errors in the text of an input file (codes 3120-3129); all are expected errors (bad input).</summary>
public static class TextErrors
{
    /// <summary>Code of <see cref="NotUtf8"/>.</summary>
    public const int NotUtf8Code = 3120;

    /// <summary>
    /// Bytes that are not UTF-8 text, at <paramref name="line"/> and byte <paramref name="position"/> of the line
    /// (both from 1, as System.Text.Json reports positions); <paramref name="source"/>, when given, starts the message.
    /// </summary>
    public static Error NotUtf8(string? source, long line, long position, byte found, string hint)
    {
        var prefix = source is null ? "" : $"{source}: ";
        return Error.New(NotUtf8Code, $"{prefix}not valid UTF-8 at line {line}, position {position} (byte 0x{found:X2}){hint}");
    }
}
