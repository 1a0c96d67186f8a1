using System.Diagnostics;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.Training;

/// <summary>
/// The shell's training loop: folds <see cref="Trainer{TModel}.Step"/> over the epochs of a <see cref="TrainSchedule"/>,
/// evaluates the model on the schedule, writes a checkpoint after every evaluation and reports progress after every
/// update.
/// </summary>
/// <remarks>
/// <para>The loop makes exactly the updates of <see cref="Trainer{TModel}.Epochs"/> (the same minibatches, the same
/// step keys <see cref="TrainingKeys.Step"/>), so its final state is that fold's, bit for bit; evaluation
/// <c>i</c> (counted from 0, the initial model) draws from <see cref="TrainingKeys.Evaluation"/> of <c>i</c>.
/// Checkpoints are written only at evaluations, when the row of step metrics has just been closed, so a state
/// restored from one (<see cref="TrainCheckpoint{TModel}"/>) together with its history continues exactly as the
/// uninterrupted run: same updates, same evaluation keys, same rows.</para>
/// <para>A progress report may throw (<see cref="OperationCanceledException"/> after Ctrl-C); the exception leaves
/// the loop between two updates, and the last checkpoint stays as it was.</para>
/// <example><code>
/// var outcome =
///     from start in trainer.Init(RngKey.FromSeed(7), model)
///     from end in TrainRunner.Run(trainer, start, Seq&lt;EvaluationRow&gt;(), schedule, evaluate, (_, _) =&gt; FinSucc(unit))
///     select end.History;
/// </code></example>
/// </remarks>
public static class TrainRunner
{
    /// <summary>
    /// Trains from <paramref name="state"/> until it has completed <see cref="TrainSchedule.Epochs"/> epochs. A fresh run
    /// (empty <paramref name="history"/>) first evaluates and checkpoints the initial model; a resumed run continues
    /// after its last row.
    /// </summary>
    /// <param name="trainer">The parameter layout, objective and optimizer.</param>
    /// <param name="state">The state to start from: <see cref="Trainer{TModel}.Init"/>'s, or a checkpoint's.</param>
    /// <param name="history">The rows measured so far: empty for a fresh run, the checkpoint's for a resumed one.</param>
    /// <param name="schedule">The data, batch size, epochs and evaluation period.</param>
    /// <param name="evaluate">The evaluation's metrics of a model with its chains, from the evaluation's key.</param>
    /// <param name="checkpoint">Stores a state with its history (atomically: the shell's files); a failure stops the run.</param>
    /// <param name="progress">Receives the run's position after every update and evaluation.</param>
    public static Fin<TrainOutcome<TModel>> Run<TModel>(
        Trainer<TModel> trainer,
        TrainState<TModel> state,
        Seq<EvaluationRow> history,
        TrainSchedule schedule,
        Func<RngKey, TModel, Seq<Mat>, Fin<Seq<Metric>>> evaluate,
        Func<TrainState<TModel>, Seq<EvaluationRow>, Fin<Unit>> checkpoint,
        IProgress<TrainProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(evaluate);
        ArgumentNullException.ThrowIfNull(checkpoint);
        var clock = Stopwatch.StartNew();
        var firstStep = state.Step;
        var totalSteps = schedule.StepsPerEpoch * schedule.Epochs;
        var latest = history.IsEmpty ? Seq<Metric>() : history.Last.Metrics;

        void Report(TrainState<TModel> s)
        {
            if (progress is null) return;
            var done = s.Step - firstStep;
            TimeSpan? remaining = done > 0 ? clock.Elapsed * ((double)Math.Max(0, totalSteps - s.Step) / done) : null;
            progress.Report(new TrainProgress(s.Epoch, schedule.Epochs, s.Step, totalSteps, latest, clock.Elapsed, remaining));
        }

        Fin<Unit> Measure(TrainState<TModel> s, Seq<Metric> stepMeans)
        {
            var measured =
                from metrics in evaluate(TrainingKeys.Evaluation(s.Key, history.Count), s.Model, s.Chains)
                let row = new EvaluationRow(s.Epoch, s.Step, stepMeans + metrics)
                from saved in checkpoint(s, history.Add(row))
                select row;
            return measured.Map(row =>
            {
                history = history.Add(row);
                latest = row.Metrics;
                Report(s);
                return unit;
            });
        }

        if (history.IsEmpty)
        {
            var first = Measure(state, Seq<Metric>());
            if (first.IsFail) return first.Map(_ => new TrainOutcome<TModel>(state, history));
        }

        var sums = new StepMetricSums();
        while (state.Epoch < schedule.Epochs)
        {
            var batches = trainer.RemainingBatches(state, schedule.Data, schedule.BatchSize);
            if (batches.IsFail) return batches.Map(_ => new TrainOutcome<TModel>(state, history));
            foreach (var batch in (Seq<Mat>)batches)
            {
                var step = trainer.Step(TrainingKeys.Step(state.Key, state.Step), state, batch);
                if (step.IsFail) return step.Map(_ => new TrainOutcome<TModel>(state, history));
                var (next, metrics) = ((TrainState<TModel>, Seq<Metric>))step;
                state = next;
                sums.Add(metrics);
                Report(state);
            }

            state = state with { Epoch = state.Epoch + 1 };
            if (!schedule.Evaluates(state.Epoch)) continue;
            var measured = Measure(state, sums.Means());
            if (measured.IsFail) return measured.Map(_ => new TrainOutcome<TModel>(state, history));
            sums = new StepMetricSums();
        }

        return FinSucc(new TrainOutcome<TModel>(state, history));
    }
}
