using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using Xunit;
using static Ebm.Functional.Tests.Training.RbmContrastiveTraining;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Training;

/// <summary>
/// <see cref="Trainer{TModel}.Steps"/> with plain SGD and CD-k or PCD-k runs the steps on buffers kept for the run, the
/// parameters updated in place. It must give the bits of <see cref="Trainer{TModel}.Step"/> folded by hand: model, chains,
/// optimizer count, step and metric sums, for any thread count, with a short last minibatch, on models large enough for
/// the per-row work to run in parallel; and a run it cannot take must give the step-by-step result or error.
/// </summary>
public sealed class TrainerSweepTests
{
    public static TheoryData<string, int, ProductPrecision, int> Runs() => new()
    {
        { "cd", 1, ProductPrecision.Double, -1 },
        { "cd", 2, ProductPrecision.Single, -1 },
        { "cd", 1, ProductPrecision.Single, 1 },
        { "pcd", 1, ProductPrecision.Double, 1 },
        { "pcd", 3, ProductPrecision.Single, -1 },
        { "pcd", 1, ProductPrecision.Single, 2 },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void FusedRunGivesTheBitsOfTheStepFold(string algorithm, int k, ProductPrecision precision, int threads)
    {
        // 150 rows of 120 units and 200 hidden units in batches of 40 (the last of 30): 80 rows x 200 units per pass
        // crosses the threshold above which the per-row work runs in parallel.
        var data = Mat.Create(150, 120, d =>
        {
            var key = RngKey.FromSeed(3);
            for (var i = 0; i < d.Length; i++) d[i] = key.UniformAt(i) < 0.3 ? 1.0 : 0.0;
        });
        var objective = algorithm == "cd"
            ? RbmTraining.ContrastiveDivergence(k, precision, threads)
            : RbmTraining.PersistentContrastiveDivergence(40, k, precision, threads);
        var sgd = Sgd(0.1);
        var trainer = new Trainer<BernoulliRbm>(RbmTraining.Parameters, objective, sgd);
        var start = Ok(trainer.Init(RngKey.FromSeed(8), Random(120, 200, 4, scale: 0.05, bias: 0.2)));
        var batches = Ok(trainer.RemainingBatches(start, data, 40));
        Assert.Equal(4, batches.Count);

        var (fused, sums) = Ok(trainer.Steps(start, batches));
        var (folded, foldedSums) = (start, LanguageExt.Seq<Metric>.Empty);
        foreach (var batch in batches)
        {
            var (next, metrics) = Ok(trainer.Step(TrainingKeys.Step(folded.Key, folded.Step), folded, batch));
            (folded, foldedSums) = (next, foldedSums.IsEmpty ? metrics : foldedSums.Zip(metrics).Map(p => p.Item1 with { Value = p.Item1.Value + p.Item2.Value }));
        }

        Assert.Equal(folded.Step, fused.Step);
        Assert.Equal(folded.Optimizer.Count, fused.Optimizer.Count);
        Assert.Equal(Bits(folded.Model.Weights.Span), Bits(fused.Model.Weights.Span));
        Assert.Equal(Bits(folded.Model.VisibleBias.Span), Bits(fused.Model.VisibleBias.Span));
        Assert.Equal(Bits(folded.Model.HiddenBias.Span), Bits(fused.Model.HiddenBias.Span));
        Assert.Equal(folded.Chains.Count, fused.Chains.Count);
        foreach (var (a, b) in folded.Chains.Zip(fused.Chains)) Assert.Equal(Bits(a.Span), Bits(b.Span));
        Assert.Equal(foldedSums.Map(m => (m.Name, BitConverter.DoubleToInt64Bits(m.Value))), sums.Map(m => (m.Name, BitConverter.DoubleToInt64Bits(m.Value))));
        Assert.Equal(algorithm == "cd" ? 1 : 0, sums.Count);
        Assert.NotEqual(Bits(start.Model.Weights.Span), Bits(fused.Model.Weights.Span));
    }

    [Theory]
    [InlineData("cd", 0)]
    [InlineData("cd", 2)]
    [InlineData("pcd", 0)]
    [InlineData("pcd", 2)]
    public void EpochReadingRowsInPlaceGivesTheBitsOfTheStepFoldOverItsBatches(string algorithm, int stepsTaken)
    {
        // An epoch's fused run reads the shuffled rows where they are; it must give the bits of Step folded over
        // RemainingBatches (copied matrices), also when the state stopped mid-epoch (a resumed checkpoint; for float32,
        // a model whose parameters are float32 numbers already).
        var data = Mat.Create(150, 120, d =>
        {
            var key = RngKey.FromSeed(13);
            for (var i = 0; i < d.Length; i++) d[i] = key.UniformAt(i) < 0.4 ? 1.0 : 0.0;
        });
        var objective = algorithm == "cd"
            ? RbmTraining.ContrastiveDivergence(1, ProductPrecision.Single)
            : RbmTraining.PersistentContrastiveDivergence(40, 1, ProductPrecision.Double);
        var trainer = new Trainer<BernoulliRbm>(RbmTraining.Parameters, objective, Sgd(0.1));
        var start = Ok(trainer.Init(RngKey.FromSeed(8), Random(120, 200, 4, scale: 0.05, bias: 0.2)));
        foreach (var batch in Ok(trainer.RemainingBatches(start, data, 40)).Take(stepsTaken))
            start = Ok(trainer.Step(TrainingKeys.Step(start.Key, start.Step), start, batch)).State;

        var (epoch, means) = Ok(trainer.Epoch(start, data, 40));
        var folded = start;
        var sums = LanguageExt.Seq<Metric>.Empty;
        var batches = Ok(trainer.RemainingBatches(start, data, 40));
        foreach (var batch in batches)
        {
            var (next, metrics) = Ok(trainer.Step(TrainingKeys.Step(folded.Key, folded.Step), folded, batch));
            (folded, sums) = (next, sums.IsEmpty ? metrics : sums.Zip(metrics).Map(p => p.Item1 with { Value = p.Item1.Value + p.Item2.Value }));
        }

        Assert.Equal(4 - stepsTaken, batches.Count);
        Assert.Equal(folded.Step, epoch.Step);
        Assert.Equal(start.Epoch + 1, epoch.Epoch);
        Assert.Equal(Bits(folded.Model.Weights.Span), Bits(epoch.Model.Weights.Span));
        Assert.Equal(Bits(folded.Model.VisibleBias.Span), Bits(epoch.Model.VisibleBias.Span));
        Assert.Equal(Bits(folded.Model.HiddenBias.Span), Bits(epoch.Model.HiddenBias.Span));
        foreach (var (a, b) in folded.Chains.Zip(epoch.Chains)) Assert.Equal(Bits(a.Span), Bits(b.Span));
        Assert.Equal(sums.Map(m => (m.Name, m.Value / batches.Count)), means.Map(m => (m.Name, m.Value)));
    }

    [Fact]
    public void RunWithABatchOutsideTheSupportGivesTheStepError()
    {
        var trainer = new Trainer<BernoulliRbm>(RbmTraining.Parameters, RbmTraining.ContrastiveDivergence(), Sgd(0.1));
        var start = Ok(trainer.Init(RngKey.FromSeed(1), Random(4, 3, 2)));
        var good = Mat.From(2, 4, [1, 0, 1, 0, 0, 1, 1, 0]);
        var bad = Mat.From(2, 4, [1, 0, 1, 0, 0, 0.5, 1, 0]);

        var run = trainer.Steps(start, Seq(good, bad));
        var stepped = trainer.Step(TrainingKeys.Step(start.Key, 0), start, good)
            .Bind(s => trainer.Step(TrainingKeys.Step(start.Key, 1), s.State, bad));

        Assert.True(run.IsFail);
        Assert.Equal(stepped.Match(Succ: _ => "", Fail: e => e.Message), run.Match(Succ: _ => "", Fail: e => e.Message));
        Assert.Contains("0.5", run.Match(Succ: _ => "", Fail: e => e.Message), StringComparison.Ordinal);
    }

    /// <summary>
    /// The fused run checks each example as it narrows it, sixteen values at a time: a value outside {0, 1} in a vector's
    /// body, in a row's tail, or NaN, in a later minibatch, ends the run with the step fold's error; -0 is binary there
    /// as in the step's check, so the run finishes with the fold's bits.
    /// </summary>
    [Theory]
    [InlineData(37, 0.5)]
    [InlineData(119, 2.0)]
    [InlineData(64, double.NaN)]
    [InlineData(5, -0.0)]
    public void RunChecksEveryValueAsItReadsIt(int column, double value)
    {
        var data = Mat.Create(150, 120, d =>
        {
            var key = RngKey.FromSeed(23);
            for (var i = 0; i < d.Length; i++) d[i] = key.UniformAt(i) < 0.3 ? 1.0 : 0.0;
            d[97 * 120 + column] = value;
        });
        var trainer = new Trainer<BernoulliRbm>(RbmTraining.Parameters, RbmTraining.ContrastiveDivergence(1, ProductPrecision.Single), Sgd(0.1));
        var start = Ok(trainer.Init(RngKey.FromSeed(8), Random(120, 200, 4, scale: 0.05, bias: 0.2)));
        var batches = Seq(Enumerable.Range(0, 3).Select(b => Mat.Create(50, 120, d => data.Span.Slice(b * 50 * 120, 50 * 120).CopyTo(d))));

        var run = trainer.Steps(start, batches);
        var folded = batches.Fold(FinSucc(start), (state, batch) => state.Bind(s => trainer.Step(TrainingKeys.Step(s.Key, s.Step), s, batch).Map(r => r.State)));

        Assert.Equal(folded.Match(Succ: s => Bits(s.Model.Weights.Span), Fail: _ => []), run.Match(Succ: r => Bits(r.State.Model.Weights.Span), Fail: _ => []));
        Assert.Equal(folded.Match(Succ: _ => "", Fail: e => e.Message), run.Match(Succ: _ => "", Fail: e => e.Message));
        Assert.Equal(value == 0.0, run.IsSucc);
    }

    [Fact]
    public void RunThatDivergesGivesTheStepErrorAtTheStepItFails()
    {
        // Hidden unit always on (c = 50), visible unit 0 always drawn on in the negative phase (field -1e307 + 1e308) and
        // always off in the data: its bias gradient is 1, so the first update takes b0 = -1e307 - 1.75e308 to -infinity.
        var start = BernoulliRbm.Create(Mat.From(2, 1, [1e308, 0]), Vec.Of(-1e307, 0), Vec.Of(50))
            .Match(Succ: m => m, Fail: e => throw new InvalidOperationException(string.Join("; ", e)));
        var trainer = new Trainer<BernoulliRbm>(RbmTraining.Parameters, RbmTraining.ContrastiveDivergence(), Sgd(1.75e308));
        var state = Ok(trainer.Init(RngKey.FromSeed(1), start));
        var batch = Mat.From(2, 2, [0, 1, 0, 1]);

        var run = trainer.Steps(state, Seq(batch, batch)).Match(Succ: _ => "finished", Fail: e => e.Message);
        var stepped = trainer.Step(TrainingKeys.Step(state.Key, 0), state, batch).Match(Succ: _ => "finished", Fail: e => e.Message);

        Assert.Contains("non-finite at step 0", run, StringComparison.Ordinal);
        Assert.Equal(stepped, run);
    }

    private static GradientTransformation Sgd(double learningRate) =>
        Optimizers.Sgd(learningRate).Match(Succ: t => t, Fail: e => throw new InvalidOperationException(string.Join("; ", e)));

    private static long[] Bits(ReadOnlySpan<double> values)
    {
        var bits = new long[values.Length];
        for (var i = 0; i < values.Length; i++) bits[i] = BitConverter.DoubleToInt64Bits(values[i]);
        return bits;
    }
}
