using Ebm.Functional.Shell.Io;

namespace Ebm.Functional.Shell.ModelFiles;

/// <summary>An unknown key as error messages show it: quoted, with a hint when a known key is a near miss.</summary>
internal static class KeySuggestion
{
    private const int MaxDistance = 2;

    /// <summary>The key quoted, with a "did you mean" hint for a known key at most <see cref="MaxDistance"/> edits away.</summary>
    public static string Quoted(string key, IReadOnlyList<string> known)
    {
        // The edit distance is at least the difference in length, so only keys of about the same length are
        // compared: a key of millions of characters is not compared at all.
        var best = known
            .Where(k => Math.Abs(k.Length - key.Length) <= MaxDistance)
            .Select(k => (Key: k, Distance: EditDistance(key.ToLowerInvariant(), k.ToLowerInvariant())))
            .Where(c => c.Distance <= MaxDistance)
            .OrderBy(c => c.Distance)
            .Select(c => c.Key)
            .FirstOrDefault();
        return best is null ? EchoedText.Quote(key) : $"{EchoedText.Quote(key)} (did you mean \"{best}\"?)";
    }

    /// <summary>Levenshtein distance, for "did you mean" hints on misspelt keys.</summary>
    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
