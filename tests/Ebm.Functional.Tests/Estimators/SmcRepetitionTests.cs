using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Estimators;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using Xunit;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>SMC's repetitions run one by one and combined are <see cref="Smc.Run{TState}"/>, bit for bit.</summary>
public sealed class SmcRepetitionTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(4, false)]
    [InlineData(4, true)]
    public void Repetitions_run_apart_and_combined_are_the_whole_run(int repetitions, bool adaptive)
    {
        var model = BoltzmannRandom.Create(21, 10, StateConvention.Spin);
        var path = Valid(Paths.Tempered(model, 1.0, b => HeatBathGibbs.BuildKernel(model, b)));
        var options = Valid(SmcOptions.Create(200, adaptive ? null : Valid(AnnealingSchedule.Linear(30)), 0.9, 0.5, ResamplingScheme.Systematic, 1, repetitions, 200));
        var key = RngKey.FromSeed(4);
        var whole = Valid(Smc.Run(key, path, options));
        var parts = Enumerable.Range(0, repetitions).Select(r => Valid(Smc.RunRepetition(key, path, options, r))).ToArray();
        var combined = Smc.Combine(parts);
        Assert.Equal(BitConverter.DoubleToInt64Bits(whole.Estimate.LogZ), BitConverter.DoubleToInt64Bits(combined.Estimate.LogZ));
        Assert.Equal(BitConverter.DoubleToInt64Bits(whole.Estimate.StandardError), BitConverter.DoubleToInt64Bits(combined.Estimate.StandardError));
        Assert.Equal(whole.Estimate.Warnings, combined.Estimate.Warnings);
        Assert.Equal(whole.Estimate.Parts.Map(p => p.LogZ), combined.Estimate.Parts.Map(p => p.LogZ));
        Assert.Equal((whole.ResamplingEvents, whole.Steps, whole.FinalEss), (combined.ResamplingEvents, combined.Steps, combined.FinalEss));
    }

    [Fact]
    public void A_repetition_outside_the_run_is_an_error()
    {
        var model = BoltzmannRandom.Create(21, 6, StateConvention.Spin);
        var path = Valid(Paths.Tempered(model, 1.0, b => HeatBathGibbs.BuildKernel(model, b)));
        var options = Valid(SmcOptions.Create(50, Valid(AnnealingSchedule.Linear(10)), 0.9, 0.5, ResamplingScheme.Systematic, 1, 3, 100));
        Assert.Equal(AnnealingEstimatorErrors.InvalidBlockCode, Failures(Smc.RunRepetition(RngKey.FromSeed(1), path, options, 3))[0].Code);
        Assert.Equal(AnnealingEstimatorErrors.InvalidBlockCode, Failures(Smc.RunRepetition(RngKey.FromSeed(1), path, options, -1))[0].Code);
    }
}
