using Ebm.Functional.Shell.Progress;
using Spectre.Console;

namespace Ebm.Cli;

/// <summary>
/// Shows the progress of long work on stderr: a live Spectre bar in a terminal, plain lines
/// (after a second's grace) when stderr is redirected, so logs stay readable. Once the run is cancelled
/// (Ctrl-C), the next progress report throws <see cref="OperationCanceledException"/>, which stops the work.
/// </summary>
internal static class ProgressDisplay
{
    public static T Run<T>(CliContext context, string label, Func<IProgress<double>, T> work)
    {
        if (!context.ErrorIsTerminal) return work(new Cancellable(new LineProgress(context.Error, label), context.Cancellation));

        var result = default(T)!;
        context.ErrorConsole().Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(display =>
            {
                var task = display.AddTask(label, maxValue: 1.0);
                result = work(new Cancellable(new TaskProgress(task), context.Cancellation));
            });
        return result;
    }

    private sealed class TaskProgress(ProgressTask task) : IProgress<double>
    {
        public void Report(double value) => task.Value = Math.Clamp(value, 0.0, 1.0);
    }

    private sealed class Cancellable(IProgress<double> inner, CancellationToken cancellation) : IProgress<double>
    {
        public void Report(double value)
        {
            cancellation.ThrowIfCancellationRequested();
            inner.Report(value);
        }
    }
}
