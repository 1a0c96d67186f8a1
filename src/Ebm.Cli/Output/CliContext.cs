using Spectre.Console;

namespace Ebm.Cli.Output;

/// <summary>Where one run of <c>ebm</c> writes, and whether those places are terminals.</summary>
/// <param name="Out">Results: tables, JSON, help.</param>
/// <param name="Error">Errors, progress and notes about written files.</param>
/// <param name="OutIsTerminal">Out is an interactive console (colours, live width).</param>
/// <param name="ErrorIsTerminal">Error is an interactive console (a live progress bar rather than lines).</param>
/// <param name="Debug">EBM_DEBUG=1: internal errors print their stack trace.</param>
/// <param name="ProgressDelay">How long redirected progress stays quiet (null: <see cref="Functional.Shell.Progress.LineProgress.DefaultDelay"/>); tests use zero.</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, bool OutIsTerminal, bool ErrorIsTerminal, bool Debug, TimeSpan? ProgressDelay = null)
{
    /// <summary>Cancelled by Ctrl-C or SIGTERM: the work stops at its next progress report, output writes stop and delete their temporary files.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Width of tables written to a file or a pipe, where no terminal says how wide it is.</summary>
    private const int RedirectedWidth = 140;

    /// <summary>A Spectre console over <see cref="Out"/>: plain text, no colour codes, unless it is a terminal.</summary>
    public IAnsiConsole ResultConsole() => Console(Out, OutIsTerminal);

    /// <summary>A Spectre console over <see cref="Error"/>.</summary>
    public IAnsiConsole ErrorConsole() => Console(Error, ErrorIsTerminal);

    private static IAnsiConsole Console(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!terminal) console.Profile.Width = RedirectedWidth;
        return console;
    }
}
