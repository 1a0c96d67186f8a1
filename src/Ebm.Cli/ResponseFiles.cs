using System.CommandLine.Parsing;
using Ebm.Functional.Shell.Io;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;
using Ebm.Cli.Output;

namespace Ebm.Cli;

/// <summary>
/// Expands <c>@FILE</c> arguments: the file's lines, each trimmed and split like a command line, blank lines and
/// lines starting with '#' skipped, and <c>@OTHER</c> inside expanded in turn (System.CommandLine's format).
/// </summary>
/// <remarks>
/// The file is read like every input of the tool: at most <see cref="MaxBytes"/> bytes, strict UTF-8, and at
/// most <see cref="MaxNesting"/> files deep. A file that is missing, a directory, too large, not text or that
/// names itself is a parse error (exit code 2) naming the file; System.CommandLine's own reader let a directory
/// escape as an exception and recursed without end into a file that names itself.
/// </remarks>
internal static class ResponseFiles
{
    /// <summary>Largest response file read: 1 MiB of arguments.</summary>
    public const long MaxBytes = 1L << 20;

    /// <summary>Most response files nested inside one another.</summary>
    public const int MaxNesting = 8;

    /// <summary>A <see cref="TryReplaceToken"/> for <c>@<paramref name="path"/></c>.</summary>
    public static bool TryExpand(string path, out IReadOnlyList<string>? tokens, out string? error)
    {
        var expanded = new List<string>();
        var outcome = Expand(path, expanded, depth: 1);
        tokens = outcome.IsSucc ? expanded : null;
        error = outcome.IsFail ? $"response file {((Error)outcome).Message}" : null;
        return outcome.IsSucc;
    }

    private static Fin<Unit> Expand(string path, List<string> tokens, int depth)
    {
        if (depth > MaxNesting)
            return FinFail<Unit>(Error.New(CliErrors.InvalidOptionCode, $"{path}: response files nest more than {MaxNesting} deep (does one name itself?)"));
        return BoundedFile.ReadAllBytes(path, MaxBytes).Bind(bytes => Utf8Text.Decode(bytes, path)).Bind(text =>
        {
            foreach (var line in text.Split('\n'))
            {
                var trimmed = line.Trim();
                if (trimmed.Length == 0 || trimmed[0] == '#') continue;
                foreach (var word in CommandLineParser.SplitCommandLine(trimmed))
                {
                    if (word.Length > 1 && word[0] == '@')
                    {
                        var nested = Expand(word[1..], tokens, depth + 1);
                        if (nested.IsFail) return nested;
                    }
                    else tokens.Add(word);
                }
            }

            return FinSucc(unit);
        });
    }
}
