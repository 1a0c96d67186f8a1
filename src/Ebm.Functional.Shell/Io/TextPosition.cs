namespace Ebm.Functional.Shell.Io;

/// <summary>Line and position (both from 1) of an offset in a text, as System.Text.Json reports them: the position counts the text's units.</summary>
internal readonly record struct TextPosition(long Line, long Position)
{
    /// <summary>Where byte <paramref name="offset"/> of <paramref name="utf8"/> lies; the position counts bytes.</summary>
    public static TextPosition Of(ReadOnlySpan<byte> utf8, int offset) => Of(utf8, offset, (byte)'\n');

    /// <summary>Where character <paramref name="offset"/> of <paramref name="text"/> lies; the position counts UTF-16 code units.</summary>
    public static TextPosition Of(ReadOnlySpan<char> text, int offset) => Of(text, offset, '\n');

    private static TextPosition Of<T>(ReadOnlySpan<T> text, int offset, T newline)
        where T : IEquatable<T>
    {
        var before = text[..offset];
        return new TextPosition(before.Count(newline) + 1, offset - (before.LastIndexOf(newline) + 1) + 1);
    }
}
