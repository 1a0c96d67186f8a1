namespace Ebm.Functional.Shell.Io;

/// <summary>
/// The lines of a text input that hold values (a data set, a schedule): each trimmed, blank lines and lines starting
/// with '#' skipped, and split into fields at commas, semicolons, spaces and tabs.
/// </summary>
internal static class DelimitedLines
{
    private static readonly char[] Separators = [',', ' ', '\t', ';'];

    /// <summary>The fields of every line that holds values, with its line number (from 1, counting every line of the text).</summary>
    public static IEnumerable<(int Line, string[] Fields)> Of(string text)
    {
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            yield return (lineNumber, line.Split(Separators, StringSplitOptions.RemoveEmptyEntries));
        }
    }
}
