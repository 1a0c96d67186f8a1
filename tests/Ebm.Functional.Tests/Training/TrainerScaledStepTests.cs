using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using Xunit;
using static Ebm.Functional.Tests.Training.RbmContrastiveTraining;

namespace Ebm.Functional.Tests.Training;

/// <summary>
/// Plain SGD on a Bernoulli RBM takes the trainer's one-pass step (θ + s · g written straight into the next model). A copy
/// of the same optimizer made with <c>with</c> is not recognised and takes the general path (updates vector, sum,
/// finiteness check, rebuild); both must give the same bits and the same errors.
/// </summary>
public sealed class TrainerScaledStepTests
{
    public static TheoryData<string, ProductPrecision> Objectives() => new()
    {
        { "cd", ProductPrecision.Double },
        { "cd", ProductPrecision.Single },
        { "pcd", ProductPrecision.Double },
        { "pcd", ProductPrecision.Single },
    };

    [Theory]
    [MemberData(nameof(Objectives))]
    public void OnePassStepGivesTheBitsOfTheGeneralPath(string algorithm, ProductPrecision precision)
    {
        var data = BarsAndStripesData(3);
        var objective = algorithm == "cd"
            ? RbmTraining.ContrastiveDivergence(1, precision)
            : RbmTraining.PersistentContrastiveDivergence(4, 1, precision);
        var start = Random(9, 6, 11, scale: 0.3, bias: 0.5);
        var sgd = Optimizers.Sgd(0.2).Match(Succ: t => t, Fail: e => throw new InvalidOperationException(string.Join("; ", e)));

        var fast = Run(new Trainer<BernoulliRbm>(RbmTraining.Parameters, objective, sgd), start, data);
        var general = Run(new Trainer<BernoulliRbm>(RbmTraining.Parameters, objective, sgd with { }), start, data);

        Assert.Equal(general.Optimizer.Count, fast.Optimizer.Count);
        Assert.Equal(Bits(general.Model.Weights.Span), Bits(fast.Model.Weights.Span));
        Assert.Equal(Bits(general.Model.VisibleBias.Span), Bits(fast.Model.VisibleBias.Span));
        Assert.Equal(Bits(general.Model.HiddenBias.Span), Bits(fast.Model.HiddenBias.Span));
        Assert.NotEqual(Bits(start.Weights.Span), Bits(fast.Model.Weights.Span));
    }

    [Fact]
    public void OnePassStepReportsNonFiniteParametersAsTheGeneralPathDoes()
    {
        // Every gradient entry is 1 and lr is 1.5e308, so the update -1.5e308 takes the visible bias -1e308 to -infinity
        // at the first step (the weights and hidden biases stay finite).
        var start = BernoulliRbm.Create(Mat.Create(2, 2, _ => { }), Vec.Of(-1e308, 0), Vec.Of(0, 0))
            .Match(Succ: m => m, Fail: e => throw new InvalidOperationException(string.Join("; ", e)));
        var ones = new Objective<BernoulliRbm>(
            "ones",
            (_, _) => Seq<Mat>.Empty,
            (_, _, chains, _) => new ObjectiveResult(Vec.Filled(8, 1.0), chains, Seq<Metric>.Empty));
        var sgd = Optimizers.Sgd(1.5e308).Match(Succ: t => t, Fail: e => throw new InvalidOperationException(string.Join("; ", e)));
        var batch = Mat.Create(1, 2, _ => { });

        var fast = new Trainer<BernoulliRbm>(RbmTraining.Parameters, ones, sgd);
        var general = new Trainer<BernoulliRbm>(RbmTraining.Parameters, ones, sgd with { });
        var fastError = FirstStep(fast, start, batch);
        var generalError = FirstStep(general, start, batch);

        Assert.Contains("non-finite at step 0", fastError, StringComparison.Ordinal);
        Assert.Equal(generalError, fastError);
    }

    private static string FirstStep(Trainer<BernoulliRbm> trainer, BernoulliRbm start, Mat batch) =>
        (from state in trainer.Init(RngKey.FromSeed(1), start)
         from stepped in trainer.Step(RngKey.FromSeed(2), state, batch)
         select stepped.State).Match(Succ: _ => "stepped", Fail: e => e.Message);

    private static TrainState<BernoulliRbm> Run(Trainer<BernoulliRbm> trainer, BernoulliRbm start, Mat data) =>
        Ok(Epochs(trainer, start, data));

    private static Fin<TrainState<BernoulliRbm>> Epochs(Trainer<BernoulliRbm> trainer, BernoulliRbm start, Mat data) =>
        trainer.Init(RngKey.FromSeed(5), start).Bind(s => trainer.Epochs(s, data, 3, 4));

    private static long[] Bits(ReadOnlySpan<double> values)
    {
        var bits = new long[values.Length];
        for (var i = 0; i < values.Length; i++) bits[i] = BitConverter.DoubleToInt64Bits(values[i]);
        return bits;
    }
}
