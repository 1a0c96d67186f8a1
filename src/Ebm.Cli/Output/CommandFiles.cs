using System.CommandLine;
using Ebm.Functional.Shell.Io;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Output;

/// <summary>
/// The one place where a command's files are checked, before any work: every <see cref="OutputOption"/> of the
/// parsed command, against the inputs the command names. Outputs are then written only through the
/// <see cref="OutputFile"/>s this returns.
/// </summary>
internal static class CommandFiles
{
    /// <summary>
    /// Checks the output options given on the command line against <paramref name="inputs"/> (a null path:
    /// not given): a missing or unwritable location, an empty path, a PNG not named *.png, an output that is an
    /// input or another output are all refused here.
    /// </summary>
    public static Fin<RunOutputs> Check(CliContext context, ParseResult parse, params (string Label, string? Path)[] inputs)
    {
        var files = inputs.Aggregate(new RunFiles(), (declared, input) => declared.Input(input.Label, input.Path));
        foreach (var option in parse.CommandResult.Command.Options.OfType<OutputOption>())
            files = files.Output(option.Name, parse.GetValue(option), option.Format);
        return files.Check(context.Cancellation);
    }

    /// <summary>The checked output of <paramref name="option"/>, or null when it was not given.</summary>
    public static OutputFile? For(this RunOutputs outputs, OutputOption option) => outputs.Find(option.Name);

    /// <summary>Writes each requested output in turn, saying so on stderr; stops at the first failure.</summary>
    public static Fin<Unit> WriteAll(CliContext context, params (OutputFile? Output, Func<OutputFile, Fin<Unit>> Write)[] writes)
    {
        foreach (var (output, write) in writes)
        {
            if (output is null) continue;
            var written = write(output);
            if (written.IsFail) return written;
            context.Error.WriteLine($"ebm: wrote {output.Path}");
        }

        return FinSucc(unit);
    }

    /// <summary>The errors of a failed check, one per problem, to report beside other problems.</summary>
    public static IEnumerable<Error> Errors(this Fin<RunOutputs> checkedFiles) =>
        checkedFiles.Match(_ => Enumerable.Empty<Error>(), ErrorReport.Flatten);
}
