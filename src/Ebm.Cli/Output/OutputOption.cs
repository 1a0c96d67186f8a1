using System.CommandLine;
using Ebm.Functional.Shell.Io;

namespace Ebm.Cli.Output;

/// <summary>
/// An option naming a file the command writes. Every output option of a command is checked by
/// <see cref="CommandFiles.Check"/> before the work starts, so a new output cannot skip the checks.
/// </summary>
internal sealed class OutputOption(string name, OutputFormat format, params string[] aliases) : Option<string?>(name, aliases)
{
    /// <summary>What the file holds (a PNG must be named *.png).</summary>
    public OutputFormat Format { get; } = format;
}
