using LanguageExt.Common;

namespace Ebm.Cli.Output;

/// <summary>Prints errors as "ebm: error: ..." lines on stderr and picks the exit code.</summary>
internal static class ErrorReport
{
    /// <summary>
    /// Writes every error of <paramref name="error"/> (a <see cref="ManyErrors"/> gives one line each);
    /// returns <see cref="ExitCodes.BadInput"/> when all are expected errors, else <see cref="ExitCodes.InternalError"/>.
    /// </summary>
    public static int Write(CliContext context, Error error)
    {
        // After Ctrl-C the failures are its echoes; Cli.Run reports the cancellation once.
        if (context.Cancellation.IsCancellationRequested) return ExitCodes.Cancelled;
        var errors = Flatten(error).ToList();
        foreach (var e in errors)
        {
            context.Error.WriteLine($"ebm: error: {e.Message}");
            if (context.Debug && e.Exception.Case is Exception exception) context.Error.WriteLine(exception);
        }

        return errors.All(e => e.IsExpected) ? ExitCodes.BadInput : ExitCodes.InternalError;
    }

    /// <summary>An exception that escaped a command: a bug, reported without a stack trace unless EBM_DEBUG=1.</summary>
    public static int WriteInternal(CliContext context, Exception exception)
    {
        context.Error.WriteLine($"ebm: error: internal error: {exception.Message}");
        context.Error.WriteLine(context.Debug ? exception.ToString() : "ebm: set EBM_DEBUG=1 to see the stack trace, and please report this");
        return ExitCodes.InternalError;
    }

    /// <summary>The single errors of <paramref name="error"/>: itself, or those of a <see cref="ManyErrors"/>, at any depth.</summary>
    public static IEnumerable<Error> Flatten(Error error) =>
        error is ManyErrors many ? many.Errors.SelectMany(Flatten) : [error];
}
