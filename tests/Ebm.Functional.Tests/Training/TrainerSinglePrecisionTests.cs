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
/// CD-k and PCD-k with <see cref="ProductPrecision.Single"/> keep the parameters as float32 numbers: every update, on
/// every path (the general one, the one-pass SGD step, the fused run) and for every optimizer, is the double-precision
/// update θ + u rounded to the nearest float32. An update that leaves the float range is a non-finite parameter.
/// </summary>
public sealed class TrainerSinglePrecisionTests
{
    public static TheoryData<string, string> Runs() => new()
    {
        { "cd", "sgd" },
        { "cd", "momentum" },
        { "pcd", "adam" },
        { "pcd", "adamw" },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void EachUpdateIsTheDoubleUpdateRoundedToFloat32(string algorithm, string optimizer)
    {
        var data = BarsAndStripesData(3);
        var objective = algorithm == "cd"
            ? RbmTraining.ContrastiveDivergence(1, ProductPrecision.Single)
            : RbmTraining.PersistentContrastiveDivergence(5, 1, ProductPrecision.Single);
        var transformation = Make(optimizer);
        var trainer = new Trainer<BernoulliRbm>(RbmTraining.Parameters, objective, transformation);
        var state = Ok(trainer.Init(RngKey.FromSeed(3), Random(9, 6, 11, scale: 0.3, bias: 0.5)));

        for (var step = 0; step < 6; step++)
        {
            var batch = Mat.Create(4, 9, d => data.Span.Slice(step % 3 * 4 * 9, 4 * 9).CopyTo(d));
            var key = TrainingKeys.Step(state.Key, state.Step);
            var result = Ok(objective.Step(key, state.Model, state.Chains, batch));
            var parameters = RbmTraining.Parameters.ToVector(state.Model);
            var update = Ok(transformation.Update(result.Gradient, state.Optimizer, parameters));
            var sum = Ok(Optimizers.ApplyUpdates(parameters, update.Updates));
            var expected = sum.Span.ToArray().Select(x => (double)(float)x).ToArray();

            state = Ok(trainer.Step(key, state, batch)).State;

            Assert.Equal(Bits(expected), Bits(RbmTraining.Parameters.ToVector(state.Model).Span));
        }
    }

    [Fact]
    public void TheDoublePathKeepsItsDoubles()
    {
        var data = BarsAndStripesData(3);
        var trainer = new Trainer<BernoulliRbm>(RbmTraining.Parameters, RbmTraining.ContrastiveDivergence(1), Make("adam"));
        var trained = Ok(trainer.Init(RngKey.FromSeed(3), Random(9, 6, 11, scale: 0.3, bias: 0.5)).Bind(s => trainer.Epochs(s, data, 4, 2)));

        Assert.Contains(trained.Model.Weights.Span.ToArray(), x => (double)(float)x != x);
    }

    /// <summary>
    /// Visible bias 3e38 and a learning rate that moves it by about 1e38: the double sum stays finite, its float32 rounding
    /// does not. The float32 run fails at that step with the error of a non-finite update, the fused run as the step fold;
    /// the float64 run goes on.
    /// </summary>
    [Fact]
    public void AnUpdateBeyondTheFloatRangeIsANonFiniteParameter()
    {
        var start = BernoulliRbm.Create(Mat.From(2, 1, [0, 0]), Vec.Of(3e38, 3e38), Vec.Of(0))
            .Match(Succ: m => m, Fail: e => throw new InvalidOperationException(string.Join("; ", e)));
        var batch = Mat.From(2, 2, [0, 0, 0, 0]);
        string Run(ProductPrecision precision, bool fused)
        {
            var trainer = new Trainer<BernoulliRbm>(RbmTraining.Parameters, RbmTraining.ContrastiveDivergence(1, precision), Make("sgd", 1e39));
            var state = Ok(trainer.Init(RngKey.FromSeed(1), start));
            var run = fused
                ? trainer.Steps(state, Seq(batch, batch)).Map(r => r.State)
                : trainer.Step(TrainingKeys.Step(state.Key, 0), state, batch).Bind(r => trainer.Step(TrainingKeys.Step(state.Key, 1), r.State, batch)).Map(r => r.State);
            return run.Match(Succ: _ => "finished", Fail: e => e.Message);
        }

        Assert.Contains("non-finite at step 0", Run(ProductPrecision.Single, fused: true), StringComparison.Ordinal);
        Assert.Equal(Run(ProductPrecision.Single, fused: false), Run(ProductPrecision.Single, fused: true));
        Assert.Equal("finished", Run(ProductPrecision.Double, fused: true));
    }

    private static GradientTransformation Make(string name, double learningRate = 0.05) =>
        (name switch
        {
            "sgd" => Optimizers.Sgd(learningRate),
            "momentum" => Optimizers.Sgd(learningRate, momentum: 0.9),
            "adam" => Optimizers.Adam(learningRate),
            _ => Optimizers.AdamW(learningRate),
        }).Match(Succ: t => t, Fail: e => throw new InvalidOperationException(string.Join("; ", e)));

    private static long[] Bits(ReadOnlySpan<double> values)
    {
        var bits = new long[values.Length];
        for (var i = 0; i < values.Length; i++) bits[i] = BitConverter.DoubleToInt64Bits(values[i]);
        return bits;
    }
}
