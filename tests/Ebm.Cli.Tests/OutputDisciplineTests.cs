using System.CommandLine;
using System.Text.RegularExpressions;
using Ebm.Cli.Output;

namespace Ebm.Cli.Tests;

/// <summary>
/// Keeps every output on the one checked path: a command's file options are <see cref="OutputOption"/>s (so
/// <see cref="CommandFiles.Check"/> sees them before the work), and no code outside the shell's Io folder opens a
/// file for writing by itself.
/// </summary>
public sealed partial class OutputDisciplineTests
{
    /// <summary>The options whose value is a file the command reads; a file option not listed here must be an output.</summary>
    private static readonly string[] KnownInputs = ["--schedule", "--data", "--versus", "--test", "--maxcut", "--qubo"];

    [Fact]
    public void Every_file_option_is_an_output_option_or_a_known_input()
    {
        var root = Cli.Root(new CliContext(TextWriter.Null, TextWriter.Null, false, false, false));
        var notChecked = root.Subcommands
            .SelectMany(c => c.Options.Select(o => (Command: c.Name, Option: o)))
            .Where(p => p.Option.ValueType == typeof(string) && p.Option is not OutputOption && !KnownInputs.Contains(p.Option.Name))
            .Where(p => FileHelpName().IsMatch(p.Option.HelpName ?? ""))
            .Select(p => $"ebm {p.Command} {p.Option.Name}")
            .ToList();
        Assert.True(notChecked.Count == 0, $"file options that are not OutputOption: {string.Join(", ", notChecked)}");
    }

    [Fact]
    public void Only_the_shell_io_folder_opens_files_for_writing()
    {
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "Ebm.Functional.sln"))) repository = repository.Parent;
        Assert.NotNull(repository);
        var io = Path.Combine(repository.FullName, "src", "Ebm.Functional.Shell", "Io") + Path.DirectorySeparatorChar;
        var offenders = Directory.EnumerateFiles(Path.Combine(repository.FullName, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(io, StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line.Trim())))
            .Where(l => !l.Text.StartsWith("//", StringComparison.Ordinal))
            .Where(l => DirectWrite().IsMatch(l.Text)
                        // The CLI writes only through the OutputFiles that CommandFiles checked before the work.
                        || l.File.Contains($"{Path.DirectorySeparatorChar}Ebm.Cli{Path.DirectorySeparatorChar}") && CliBypass().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(repository.FullName, l.File)}:{l.Line}: {l.Text}")
            .ToList();
        Assert.True(offenders.Count == 0, "write through OutputFile instead:\n" + string.Join("\n", offenders));
    }

    [GeneratedRegex(@"FILE|\.png|\.csv|\.json", RegexOptions.IgnoreCase)]
    private static partial Regex FileHelpName();

    [GeneratedRegex(@"\bFile\.(Write|Create|Open|Append|Move|Copy|Replace)\w*\(|\bnew\s+FileStream\b|\bFileMode\.|\bnew\s+StreamWriter\(\s*(""|path|file)")]
    private static partial Regex DirectWrite();

    [GeneratedRegex(@"\bAtomicFile\.|\.SavePng\(|\bModelFile\.Save\(")]
    private static partial Regex CliBypass();
}
