using System.Diagnostics;
using System.Globalization;
using Ebm.Cli.Output;
using Ebm.Functional.Shell.Progress;
using Ebm.Functional.Shell.Training;
using Ebm.Functional.Training;
using Spectre.Console;

namespace Ebm.Cli.Training;

/// <summary>
/// Shows a training run's progress on stderr like every other command: a live bar whose label says the epoch, the step,
/// the latest metrics and the time left in a terminal; plain lines when stderr is redirected, quiet for the first
/// <see cref="CliContext.ProgressDelay"/>, then one line per evaluation or per tenth of the run. After Ctrl-C the next
/// report throws <see cref="OperationCanceledException"/>, which stops the run between two updates.
/// </summary>
internal static class TrainProgressDisplay
{
    /// <summary>The metrics a progress line shows, when the run reports them.</summary>
    private static readonly string[] Shown =
        [EvaluationMetrics.TrainLogLikelihood, EvaluationMetrics.TestLogLikelihood, EvaluationMetrics.TrainPseudoLogLikelihood, "reconstruction-error"];

    /// <summary>Runs <paramref name="work"/> with a progress that shows each <see cref="TrainProgress"/>.</summary>
    public static T Run<T>(CliContext context, Func<IProgress<TrainProgress>, T> work)
    {
        if (!context.ErrorIsTerminal) return work(new Lines(context));
        var result = default(T)!;
        context.ErrorConsole().Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(display =>
            {
                var task = display.AddTask("train", maxValue: 1.0);
                result = work(new Bar(context, task));
            });
        return result;
    }

    /// <summary>"epoch 3/100, step 90/3000, about 38.4 s left; train-ll -4.1, test-ll -4.3".</summary>
    public static string Describe(TrainProgress p)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"epoch {p.Epoch}/{p.Epochs}, step {p.Step}/{p.Steps}");
        if (p.Remaining is { } left) text += string.Create(CultureInfo.InvariantCulture, $", about {left.TotalSeconds:F1} s left");
        var metrics = Shown.SelectMany(name => p.Latest.Filter(m => m.Name == name).Take(1)).ToList();
        return metrics.Count == 0 ? text : text + "; " + string.Join(", ", metrics.Select(m => $"{m.Name} {Numbers.Table(m.Value)}"));
    }

    private sealed class Bar(CliContext context, ProgressTask task) : IProgress<TrainProgress>
    {
        public void Report(TrainProgress value)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            task.Value = value.Fraction;
            task.Description = Markup.Escape("train: " + Describe(value));
        }
    }

    private sealed class Lines(CliContext context) : IProgress<TrainProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly TimeSpan _delay = context.ProgressDelay ?? LineProgress.DefaultDelay;
        private double _lastFraction = double.NegativeInfinity;
        private Metric? _lastMetrics;

        public void Report(TrainProgress value)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            if (_clock.Elapsed < _delay) return;
            // The runner hands the same metric records until the next evaluation: a new first record is a new row.
            var first = value.Latest.IsEmpty ? null : value.Latest.Head;
            var evaluated = first is not null && !ReferenceEquals(first, _lastMetrics);
            if (!evaluated && value.Fraction - _lastFraction < LineProgress.Step) return;
            _lastFraction = value.Fraction;
            _lastMetrics = first;
            context.Error.WriteLine("train: " + Describe(value));
        }
    }
}
