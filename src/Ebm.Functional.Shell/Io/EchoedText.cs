using System.Globalization;
using System.Text;

namespace Ebm.Functional.Shell.Io;

/// <summary>
/// Text from an input file shown in an error message: cut to a readable length, with control characters,
/// line separators and halves of surrogate pairs escaped, so that every error message is one printable line
/// whatever the file holds.
/// </summary>
internal static class EchoedText
{
    /// <summary>The longest excerpt of input shown in a message, in UTF-16 code units.</summary>
    public const int MaxChars = 40;

    /// <summary><paramref name="text"/> in double quotes, shortened, with quotes, backslashes and control characters escaped as in JSON.</summary>
    public static string Quote(string text) => $"\"{Escape(Shorten(text), quotes: true)}\"";

    /// <summary><paramref name="text"/> with control characters escaped, so that it cannot break the line.</summary>
    public static string OneLine(string text) => Escape(text, quotes: false);

    /// <summary>At most <see cref="MaxChars"/> code units, the cut marked by "...", never inside a surrogate pair.</summary>
    public static string Shorten(string text)
    {
        if (text.Length <= MaxChars) return text;
        var cut = MaxChars - 3;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut] + "...";
    }

    private static string Escape(string text, bool quotes)
    {
        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (paired)
            {
                escaped.Append(c).Append(text[++i]);
                continue;
            }

            switch (c)
            {
                case '\n': escaped.Append("\\n"); break;
                case '\r': escaped.Append("\\r"); break;
                case '\t': escaped.Append("\\t"); break;
                case '"' or '\\' when quotes: escaped.Append('\\').Append(c); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029')
                        escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }
}
