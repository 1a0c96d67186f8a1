namespace Ebm.Functional.Shell.Io;

/// <summary>Line and position (both from 1) of a byte offset in UTF-8 text, as System.Text.Json reports them: the position counts bytes.</summary>
internal readonly record struct TextPosition(long Line, long Position)
{
    /// <summary>Where byte <paramref name="offset"/> of <paramref name="utf8"/> lies.</summary>
    public static TextPosition Of(ReadOnlySpan<byte> utf8, int offset)
    {
        var before = utf8[..offset];
        return new TextPosition(before.Count((byte)'\n') + 1, offset - (before.LastIndexOf((byte)'\n') + 1) + 1);
    }
}
