using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Tests.Optim;

/// <summary>Invalid hyper-parameters and mismatched lengths come back as error values, every violation at once.</summary>
public class OptimErrorTests
{
    private static int[] Codes<T>(Validation<Error, T> result) =>
        result.Match(Succ: _ => [], Fail: errors => errors.Select(e => e.Code).ToArray());

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_bad_learning_rate_is_an_error(double lr)
    {
        Assert.Equal([OptimErrors.NegativeCode], Codes(Optimizers.Sgd(lr)));
        Assert.Equal([OptimErrors.NegativeCode], Codes(Optimizers.Adam(lr)));
        Assert.Equal([OptimErrors.NegativeCode], Codes(Optimizers.AdamW(lr)));
    }

    [Fact]
    public void Every_bad_adam_argument_is_reported()
    {
        Assert.Equal(
            [OptimErrors.DecayOutOfRangeCode, OptimErrors.DecayOutOfRangeCode, OptimErrors.NotPositiveCode, OptimErrors.NegativeCode],
            Codes(Optimizers.Adam(-1, b1: 1.0, b2: -0.1, eps: 0)));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void Momentum_outside_zero_one_is_an_error(double momentum) =>
        Assert.Equal([OptimErrors.DecayOutOfRangeCode], Codes(Optimizers.Sgd(0.1, momentum)));

    [Fact]
    public void Other_bad_hyper_parameters_are_errors()
    {
        Assert.Equal([OptimErrors.NotPositiveCode], Codes(Transforms.ClipByGlobalNorm(0)));
        Assert.Equal([OptimErrors.NegativeCode], Codes(Transforms.AddDecayedWeights(-1e-4)));
        Assert.Equal([OptimErrors.NegativeCode], Codes(Transforms.L1Penalty(double.NaN)));
        Assert.Equal([OptimErrors.NegativeCode], Codes(Transforms.L2Penalty(-1)));
        Assert.Equal([OptimErrors.NotFiniteCode], Codes(Transforms.Scale(double.NegativeInfinity)));
        Assert.Equal([OptimErrors.InvalidStepsCode], Codes(Schedules.LinearDecay(1, 0, 0)));
        Assert.Equal([OptimErrors.NotAFractionCode, OptimErrors.InvalidStepsCode], Codes(Schedules.CosineDecay(1, -1, 1.5)));
        Assert.Equal([OptimErrors.NotFiniteCode, OptimErrors.InvalidStepsCode], Codes(Schedules.Warmup(double.NaN, 0, _ => 1)));
    }

    [Fact]
    public void Mismatched_lengths_are_errors_not_exceptions()
    {
        var adam = Optimizers.Adam(0.1).Match(Succ: a => a, Fail: _ => throw new InvalidOperationException());
        var state = adam.Init(Vec.Zeros(3));
        var code = (Fin<(Vec, TransformState)> f) => f.Match(Succ: _ => 0, Fail: e => e.Code);
        Assert.Equal(OptimErrors.LengthMismatchCode, code(adam.Update(Vec.Zeros(2), state, Vec.Zeros(3))));
        Assert.Equal(OptimErrors.LengthMismatchCode, code(adam.Update(Vec.Zeros(4), state, Vec.Zeros(4))));
        Assert.Equal(OptimErrors.LengthMismatchCode, code(adam.Update(Vec.Zeros(3), TransformState.Empty, Vec.Zeros(3))));
        Assert.Equal(OptimErrors.LengthMismatchCode, Optimizers.ApplyUpdates(Vec.Zeros(2), Vec.Zeros(3)).Match(Succ: _ => 0, Fail: e => e.Code));
    }
}
