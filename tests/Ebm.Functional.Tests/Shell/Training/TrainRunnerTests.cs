using Ebm.Functional.Datasets;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.Training;
using Ebm.Functional.Training;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Shell.Training;

public sealed class TrainRunnerTests
{
    private static readonly Mat Data = BarsAndStripes.All(3).Match(x => x, e => throw new InvalidOperationException(e.Message));

    /// <summary>PCD-2 with 8 chains and momentum: persistent chains and an optimizer state that a resume must restore.</summary>
    private static Trainer<BernoulliRbm> Trainer() =>
        new(RbmTraining.Parameters, RbmTraining.PersistentContrastiveDivergence(8, 2),
            Optimizers.Sgd(0.05, 0.9).Match(x => x, e => throw new InvalidOperationException(e.Head.Message)));

    private static TrainState<BernoulliRbm> Start(Trainer<BernoulliRbm> trainer)
    {
        var key = RngKey.FromSeed(11);
        var weights = Mat.Create(9, 4, d => key.FoldIn(9).Normal(d));
        var model = BernoulliRbm.Create(weights, Vec.Zeros(9), Vec.Zeros(4)).Match(x => x, e => throw new InvalidOperationException(e.Head.Message));
        return trainer.Init(key, model).Match(x => x, e => throw new InvalidOperationException(e.Message));
    }

    /// <summary>An evaluation that depends on its key, so a wrong evaluation key shows in the rows.</summary>
    private static Fin<Seq<Metric>> Evaluate(RngKey key, BernoulliRbm model, Seq<Mat> chains) =>
        FinSucc(Seq(new Metric("mean-free-energy", model.FreeEnergies(Data).Span.ToArray().Average()), new Metric("key-draw", key.UniformAt(0))));

    private static readonly TrainSchedule Schedule = new(Data, 4, 12, 5);

    [Fact]
    public void Makes_exactly_the_updates_of_the_trainers_own_fold()
    {
        var trainer = Trainer();
        var start = Start(trainer);
        var run = TrainRunner.Run(trainer, start, Seq<EvaluationRow>(), Schedule, Evaluate, (_, _) => FinSucc(unit)).Match(x => x, e => throw new InvalidOperationException(e.Message));
        var fold = trainer.Epochs(start, Data, 4, 12).Match(x => x, e => throw new InvalidOperationException(e.Message));

        Assert.Equal(fold, run.State);
        Assert.Equal(12 * 4, run.State.Step);
    }

    [Fact]
    public void Evaluates_the_initial_model_every_period_and_the_final_model_with_the_evaluation_keys_by_position()
    {
        var trainer = Trainer();
        var run = TrainRunner.Run(trainer, Start(trainer), Seq<EvaluationRow>(), Schedule, Evaluate, (_, _) => FinSucc(unit)).Match(x => x, e => throw new InvalidOperationException(e.Message));

        Assert.Equal(new[] { 0, 5, 10, 12 }, run.History.Map(r => r.Epoch).ToArray());
        Assert.Equal(new[] { 0L, 20, 40, 48 }, run.History.Map(r => r.Step).ToArray());
        var root = RngKey.FromSeed(11);
        Assert.Equal(run.History.Map((i, r) => TrainingKeys.Evaluation(root, i).UniformAt(0)), run.History.Map(r => r.Metrics.Find(m => m.Name == "key-draw").Map(m => m.Value).IfNone(double.NaN)));
        // The initial row has no step metrics (PCD reports none either); later rows carry the evaluation after them.
        Assert.Equal(new[] { "mean-free-energy", "key-draw" }, run.History.Last.Metrics.Map(m => m.Name).ToArray());
    }

    [Fact]
    public void A_run_resumed_from_any_of_its_checkpoints_ends_in_the_same_state_and_rows()
    {
        var trainer = Trainer();
        var checkpoints = new List<(TrainState<BernoulliRbm> State, Seq<EvaluationRow> History)>();
        var whole = TrainRunner.Run(trainer, Start(trainer), Seq<EvaluationRow>(), Schedule, Evaluate, (s, h) =>
        {
            checkpoints.Add((s, h));
            return FinSucc(unit);
        }).Match(x => x, e => throw new InvalidOperationException(e.Message));

        Assert.Equal(4, checkpoints.Count);
        foreach (var (state, history) in checkpoints)
        {
            var resumed = TrainRunner.Run(trainer, state, history, Schedule, Evaluate, (_, _) => FinSucc(unit)).Match(x => x, e => throw new InvalidOperationException(e.Message));
            Assert.Equal(whole.State, resumed.State);
            Assert.Equal(whole.History, resumed.History);
        }
    }

    [Fact]
    public void A_failing_checkpoint_stops_the_run_with_its_error_and_reports_progress_after_every_update()
    {
        var trainer = Trainer();
        var reports = new List<TrainProgress>();
        var failed = TrainRunner.Run(trainer, Start(trainer), Seq<EvaluationRow>(), Schedule, Evaluate,
            (s, _) => s.Epoch < 5 ? FinSucc(unit) : FinFail<Unit>(LanguageExt.Common.Error.New(1, "disk full")),
            new Recorder(reports));

        Assert.Equal("disk full", failed.Match(_ => "", e => e.Message));
        Assert.Equal(Enumerable.Range(0, 21).Select(i => (long)i), reports.Select(r => r.Step).Distinct());
        Assert.All(reports.Where(r => r.Step > 0), r => Assert.NotNull(r.Remaining));
        Assert.Equal(4 * 12, reports[^1].Steps);
    }

    private sealed class Recorder(List<TrainProgress> reports) : IProgress<TrainProgress>
    {
        public void Report(TrainProgress value) => reports.Add(value);
    }
}
