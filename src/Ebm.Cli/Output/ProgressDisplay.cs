using Ebm.Functional.Shell.Progress;
using Spectre.Console;

namespace Ebm.Cli.Output;

/// <summary>
/// Shows the progress of long work on stderr: a live Spectre bar in a terminal, plain lines
/// (after a second's grace, <see cref="CliContext.ProgressDelay"/>) when stderr is redirected, so logs stay readable.
/// Once the run is cancelled (Ctrl-C), the next progress report throws <see cref="OperationCanceledException"/>,
/// which stops the work.
/// </summary>
/// <remarks>
/// Work that runs stages before its main part (the pilot runs of ebm logz) gets a factory of labelled progress:
/// each stage shows as its own bar or its own lines ("pilot run (reference): 50% after 1.2 s"), so no stretch of
/// long work is silent. A terminal bar appears when its stage first reports, so the bars read in the order the stages run.
/// </remarks>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/> with one progress, labelled <paramref name="label"/>.</summary>
    public static T Run<T>(CliContext context, string label, Func<IProgress<double>, T> work) =>
        Run(context, label, (progress, _) => work(progress));

    /// <summary>
    /// Runs <paramref name="work"/> with the progress of its main part, labelled <paramref name="label"/>, and a factory
    /// of progress for the stages it runs first (called with their labels).
    /// </summary>
    public static T Run<T>(CliContext context, string label, Func<IProgress<double>, Func<string, IProgress<double>>, T> work)
    {
        if (!context.ErrorIsTerminal)
            return work(Cancellable(context, Lines(context, label)), stage => Cancellable(context, Lines(context, stage)));

        var result = default(T)!;
        context.ErrorConsole().Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(display => result = work(
                Cancellable(context, new TaskProgress(display, label)),
                stage => Cancellable(context, new TaskProgress(display, stage))));
        return result;
    }

    private static LineProgress Lines(CliContext context, string label) => new(context.Error, label, context.ProgressDelay);

    private static IProgress<double> Cancellable(CliContext context, IProgress<double> inner) => new CancellableProgress(inner, context.Cancellation);

    /// <summary>A Spectre task added on the first report, so that bars appear in the order their stages start.</summary>
    private sealed class TaskProgress(ProgressContext display, string label) : IProgress<double>
    {
        private readonly Lock _gate = new();
        private ProgressTask? _task;

        // The exact methods report from parallel blocks: one task, however many threads report first.
        public void Report(double value)
        {
            lock (_gate)
            {
                _task ??= display.AddTask(label, maxValue: 1.0);
                _task.Value = Math.Clamp(value, 0.0, 1.0);
            }
        }
    }

    private sealed class CancellableProgress(IProgress<double> inner, CancellationToken cancellation) : IProgress<double>
    {
        public void Report(double value)
        {
            cancellation.ThrowIfCancellationRequested();
            inner.Report(value);
        }
    }
}
