using Ebm.Functional.Annealing;
using Ebm.Functional.Estimators;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using LanguageExt;
using LanguageExt.Common;
using Xunit;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>
/// Bad input to every annealing estimator comes back as error values naming the problem: no estimator throws on
/// particle counts, paths with a non-finite log Z_0 or a log density of the wrong length, base samplers that miscount, missing target draws or a pilot
/// that cannot place an adaptive schedule.
/// </summary>
public sealed class EstimatorErrorValueTests
{
    private static readonly BoltzmannMachine Model = BoltzmannRandom.Create(11, 4, StateConvention.Binary);
    private static readonly AnnealingPath<DiscreteChains> Path = Valid(Paths.Tempered(Model, 1.0, b => HeatBathGibbs.BuildKernel(Model, b)));
    private static readonly AnnealingPath<DiscreteChains> NaNPath = Path with { LogZ0 = double.NaN };
    private static readonly AnnealingPath<DiscreteChains> Miscounting = Path with { SampleBase = (key, count) => Path.SampleBase(key, count + 1) };
    private static readonly AnnealingPath<DiscreteChains> ShortDensity = Path with
    {
        LogDensity = (t, chains) => Path.LogDensity(t, chains) is var full ? Vec.Create(full.Length - 1, d => full.Span[..d.Length].CopyTo(d)) : full,
    };

    private static readonly AnnealingPath<DiscreteChains> ShortAfterBase = Path with
    {
        LogDensity = (t, chains) => t < 0.5 ? Path.LogDensity(t, chains) : ShortDensity.LogDensity(t, chains),
    };

    private static readonly AnnealingSchedule Schedule = Valid(AnnealingSchedule.Linear(3));
    private static readonly RngKey Key = RngKey.FromSeed(1);

    public static TheoryData<string, int[]> Cases() => new()
    {
        { "ais, no particles", [AnnealingEstimatorErrors.InvalidParticlesCode] },
        { "ais, negative particles and a NaN log Z_0", [AnnealingEstimatorErrors.InvalidParticlesCode, AnnealingEstimatorErrors.InvalidLogZ0Code] },
        { "ais, a base sampler that miscounts", [AnnealingEstimatorErrors.BaseSampleCountCode] },
        { "reverse ais, no target draws", [AnnealingEstimatorErrors.InvalidParticlesCode] },
        { "reverse ais, a NaN log Z_0", [AnnealingEstimatorErrors.InvalidLogZ0Code] },
        { "sandwich, no particles", [AnnealingEstimatorErrors.InvalidParticlesCode] },
        { "sandwich with draws, a NaN log Z_0", [AnnealingEstimatorErrors.InvalidLogZ0Code] },
        { "smc, a NaN log Z_0", [AnnealingEstimatorErrors.InvalidLogZ0Code] },
        { "smc once, a base sampler that miscounts", [AnnealingEstimatorErrors.BaseSampleCountCode] },
        { "adaptive schedule, a fixed pilot", [AnnealingEstimatorErrors.PilotNotAdaptiveCode] },
        { "adaptive schedule, a NaN log Z_0", [AnnealingEstimatorErrors.InvalidLogZ0Code] },
        { "linked is, a NaN log Z_0", [AnnealingEstimatorErrors.InvalidLogZ0Code] },
        { "ais, a log density of the wrong length", [AnnealingEstimatorErrors.LogDensityLengthCode] },
        { "reverse ais, a log density of the wrong length", [AnnealingEstimatorErrors.LogDensityLengthCode] },
        { "sandwich, a log density of the wrong length", [AnnealingEstimatorErrors.LogDensityLengthCode] },
        { "smc, a log density of the wrong length", [AnnealingEstimatorErrors.LogDensityLengthCode] },
        { "adaptive schedule, a log density of the wrong length", [AnnealingEstimatorErrors.LogDensityLengthCode] },
        { "linked is, a log density of the wrong length", [AnnealingEstimatorErrors.LogDensityLengthCode] },
        { "linked is, a log density of the wrong length after the base", [AnnealingEstimatorErrors.LogDensityLengthCode] },
        { "kernel init, no particles", [AnnealingEstimatorErrors.InvalidParticlesCode] },
        { "smc options, every problem", [SmcErrors.InvalidParticlesCode, SmcErrors.InvalidResampleThresholdCode, SmcErrors.InvalidMovesPerStepCode] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_is_an_error_value_and_nothing_throws(string what, int[] codes)
    {
        Seq<Error> errors = default;
        var thrown = Record.Exception(() => errors = Run(what));
        Assert.Null(thrown);
        Assert.Equal(codes, errors.Map(e => e.Code).ToArray());
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void A_hand_stepped_kernel_names_a_path_that_breaks_its_contract_and_passes_a_sound_one()
    {
        var sound = Ais.Kernel(Path);
        var start = Valid(sound.Init(Key, 4));
        var (_, good) = sound.Step(Key.FoldIn(1), Key.FoldIn(2), start, 0.5);
        Assert.True(sound.Problem(good, 4).IsNone);

        var broken = Ais.Kernel(ShortDensity);
        var (state, info) = broken.Step(Key.FoldIn(1), Key.FoldIn(2), start, 0.5);
        var problem = broken.Problem(info, 4);
        Assert.Equal(AnnealingEstimatorErrors.LogDensityLengthCode, problem.Map(e => e.Code).IfNone(0));
        Assert.True(double.IsNaN(state.LogZ));
    }

    [Fact]
    public void A_log_density_that_fails_mid_run_gives_a_flagged_estimate_not_an_exception()
    {
        var failing = Path with
        {
            LogDensity = (t, chains) => t > 0 ? Path.LogDensity(t, chains).Map(x => double.NaN) : Path.LogDensity(t, chains),
        };
        var options = Valid(SmcOptions.Create(8, Schedule, resampleThreshold: 1.0, repetitions: 1));
        SmcResult? result = null;
        Assert.Null(Record.Exception(() => result = Valid(Smc.Run(Key, failing, options))));
        Assert.Contains(result!.Estimate.Warnings, w => w.Code == Ebm.Functional.Estimation.EstimateWarnings.NonFiniteEstimate);
        Assert.Equal(0, result.ResamplingEvents);
    }

    [Fact]
    public void Linked_importance_sampling_with_a_log_density_that_fails_gives_a_flagged_estimate_not_an_exception()
    {
        // NaN link probabilities used to reach the resampling checks and throw; now the estimate carries the NaN.
        var failing = Path with
        {
            LogDensity = (t, chains) => t > 0 ? Path.LogDensity(t, chains).Map(x => double.NaN) : Path.LogDensity(t, chains),
        };
        var options = Valid(LinkedImportanceSamplingOptions.Create(Schedule, 4, 3));
        Ebm.Functional.Estimation.LogZEstimate? estimate = null;
        Assert.Null(Record.Exception(() => estimate = Valid(LinkedImportanceSampling.Run(Key, failing, options))));
        Assert.Contains(estimate!.Warnings, w => w.Code == Ebm.Functional.Estimation.EstimateWarnings.NonFiniteEstimate);
    }

    private static Seq<Error> Run(string what)
    {
        var draws = ExactChains(RngKey.FromSeed(2), 5, Model, 1.0);
        var adaptive = Valid(SmcOptions.Create(10, repetitions: 2));
        return what switch
        {
            "ais, no particles" => Failures(Ais.Run(Key, Path, Schedule, 0)),
            "ais, negative particles and a NaN log Z_0" => Failures(Ais.Run(Key, NaNPath, Schedule, -3)),
            "ais, a base sampler that miscounts" => Failures(Ais.RunWithState(Key, Miscounting, Schedule, 4)),
            "reverse ais, no target draws" => Failures(ReverseAis.Run(Key, Path, Schedule, ExactChains(RngKey.FromSeed(2), 0, Model, 1.0), true)),
            "reverse ais, a NaN log Z_0" => Failures(ReverseAis.Run(Key, NaNPath, Schedule, draws, true)),
            "sandwich, no particles" => Failures(Sandwich.Run(Key, Path, Schedule, 0)),
            "sandwich with draws, a NaN log Z_0" => Failures(Sandwich.Run(Key, NaNPath, Schedule, 5, draws)),
            "smc, a NaN log Z_0" => Failures(Smc.Run(Key, NaNPath, adaptive)),
            "smc once, a base sampler that miscounts" => Failures(Smc.RunOnce(Key, Miscounting, adaptive)),
            "adaptive schedule, a fixed pilot" => Failures(AdaptiveSchedule.Build(Key, Path, Valid(SmcOptions.Create(10, Schedule)))),
            "adaptive schedule, a NaN log Z_0" => Failures(AdaptiveSchedule.Build(Key, NaNPath, adaptive)),
            "linked is, a NaN log Z_0" => Failures(LinkedImportanceSampling.Run(Key, NaNPath, Valid(LinkedImportanceSamplingOptions.Create(Schedule, 4, 3)))),
            "ais, a log density of the wrong length" => Failures(Ais.Run(Key, ShortDensity, Schedule, 4)),
            "reverse ais, a log density of the wrong length" => Failures(ReverseAis.Run(Key, ShortDensity, Schedule, draws, true)),
            "sandwich, a log density of the wrong length" => Failures(Sandwich.Run(Key, ShortDensity, Schedule, 5, draws)),
            "smc, a log density of the wrong length" => Failures(Smc.Run(Key, ShortDensity, adaptive)),
            "adaptive schedule, a log density of the wrong length" => Failures(AdaptiveSchedule.Build(Key, ShortDensity, adaptive)),
            "linked is, a log density of the wrong length" => Failures(LinkedImportanceSampling.Run(Key, ShortDensity, Valid(LinkedImportanceSamplingOptions.Create(Schedule, 4, 3)))),
            "linked is, a log density of the wrong length after the base" => Failures(LinkedImportanceSampling.Run(Key, ShortAfterBase, Valid(LinkedImportanceSamplingOptions.Create(Schedule, 4, 3)))),
            "kernel init, no particles" => Failures(Ais.Kernel(Path).Init(Key, 0)),
            "smc options, every problem" => Failures(SmcOptions.Create(1, resampleThreshold: 2.0, movesPerStep: 0)),
            _ => throw new ArgumentOutOfRangeException(nameof(what), what, "no such case"),
        };
    }
}
