using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Estimators;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using LanguageExt;
using LanguageExt.Common;
using Xunit;
using static LanguageExt.Prelude;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>
/// Reverse AIS in fixed blocks: one block is <see cref="ReverseAis.Run{TState}"/> bit for bit, from exact draws and from a
/// forward run's particles; several blocks from exact draws combine into reverse AIS that matches enumeration; blocks of
/// another layout are errors.
/// </summary>
public sealed class ReverseAisBlocksTests
{
    /// <summary>|estimate − exact| ≤ 5 SE (delta method): a normal error fails with probability 5.7e-7.</summary>
    private const double ZBound = 5.0;

    private static readonly BoltzmannMachine Model = BoltzmannRandom.Create(51, 6, StateConvention.Binary);
    private static readonly AnnealingPath<DiscreteChains> Path = Valid(Paths.Tempered(Model, 1.0, b => HeatBathGibbs.BuildKernel(Model, b)));

    private static Fin<DiscreteChains> Draws(RngKey key, int count) => ExactDraws.DiscreteChains(key, count, Model, 1.0);

    [Theory]
    [InlineData(300)]
    [InlineData(AisBlocks.Size)]
    public void One_block_from_exact_draws_is_the_unblocked_estimator_bit_for_bit(int particles)
    {
        var schedule = Valid(AnnealingSchedule.Linear(40));
        var (startKey, runKey) = RngKey.FromSeed(4).Split();
        var whole = Valid(ReverseAis.Run(runKey, Path, schedule, Valid(Draws(startKey, particles)), exactSamples: true));
        var block = Valid(ReverseAisBlocks.Run(startKey, runKey, Path, schedule, particles, 0, Draws));
        AssertSameBits(whole, Valid(ReverseAisBlocks.Combine(Path, schedule, particles, [block], exactSamples: true)));
    }

    [Fact]
    public void One_block_from_a_forward_run_is_the_unblocked_estimator_bit_for_bit()
    {
        var path = CheckerboardPath(Torus(4), 0.4);
        var schedule = Valid(AnnealingSchedule.Linear(120));
        var (startKey, runKey) = RngKey.FromSeed(8).Split();
        var forward = Valid(Ais.RunWithState(startKey, path, schedule, 500));
        var whole = Valid(ReverseAis.Run(runKey, path, schedule, forward.Final, exactSamples: false));
        var block = Valid(ReverseAisBlocks.RunFromForward(startKey, runKey, path, schedule, 500, 0));
        var combined = Valid(ReverseAisBlocks.Combine(path, schedule, 500, [block], exactSamples: false));
        AssertSameBits(whole, combined);
        Assert.Contains(combined.Warnings, w => w.Code == EstimateWarnings.ApproximateTargetSamples);
    }

    [Fact]
    public void Several_blocks_from_exact_draws_combine_into_reverse_ais_that_matches_enumeration()
    {
        var model = BoltzmannRandom.Create(12, 10, StateConvention.Spin);
        var exact = EnumeratedLogZ(model, 1.0);
        var path = Valid(Paths.Tempered(model, 1.0, b => HeatBathGibbs.BuildKernel(model, b)));
        var schedule = Valid(AnnealingSchedule.Linear(60));
        const int particles = 2 * AisBlocks.Size + 300;
        var (startKey, runKey) = RngKey.FromSeed(17).Split();
        var blocks = Enumerable.Range(0, AisBlocks.Count(particles))
            .Select(b => Valid(ReverseAisBlocks.Run(startKey, runKey, path, schedule, particles, b, (k, n) => ExactDraws.DiscreteChains(k, n, model, 1.0))))
            .ToArray();
        var estimate = Valid(ReverseAisBlocks.Combine(path, schedule, particles, blocks, exactSamples: true));
        Assert.Equal(3, blocks.Length);
        Assert.Equal(particles, estimate.Samples);
        Assert.Equal(ReverseAis.Method, estimate.Method);
        Assert.True(estimate.IsClean, string.Join("; ", estimate.Warnings));
        var z = (estimate.LogZ - exact) / estimate.StandardError;
        Assert.True(Math.Abs(z) <= ZBound, $"{estimate.LogZ:R} +/- {estimate.StandardError:G3} vs exact {exact:R} (z = {z:F2})");
        // The running estimate starts at log Z_0 at t = 0 and ends at the estimate at t = 1.
        Assert.Equal(path.LogZ0, estimate.Trace.LogZ[0], 10);
        Assert.Equal(estimate.LogZ, estimate.Trace.LogZ[^1], 10);
    }

    [Fact]
    public void Several_blocks_from_forward_runs_reverse_each_blocks_own_particles()
    {
        var path = CheckerboardPath(Torus(4), 0.3);
        var schedule = Valid(AnnealingSchedule.Linear(30));
        const int particles = AisBlocks.Size + 40;
        var (startKey, runKey) = RngKey.FromSeed(6).Split();
        var second = Valid(ReverseAisBlocks.RunFromForward(startKey, runKey, path, schedule, particles, 1));
        var forward = Valid(ReverseAisBlocks.Forward(startKey, path, schedule, particles, 1, null));
        var alone = Valid(ReverseAisBlocks.Reverse(runKey, path, schedule, particles, 1, forward.Final, null));
        Assert.Equal(40, second.LogWeights.Length);
        Assert.True(second.LogWeights.Span.SequenceEqual(alone.LogWeights.Span));
        // Forward block 1 is the AIS block of the start key.
        Assert.True(forward.Block.LogWeights.Span.SequenceEqual(Valid(AisBlocks.Run(startKey, path, schedule, particles, 1)).LogWeights.Span));
        var first = Valid(ReverseAisBlocks.RunFromForward(startKey, runKey, path, schedule, particles, 0));
        var estimate = Valid(ReverseAisBlocks.Combine(path, schedule, particles, [first, second], exactSamples: false));
        Assert.Equal(particles, estimate.Samples);
        Assert.Contains(estimate.Warnings, w => w.Code == EstimateWarnings.ApproximateTargetSamples);
    }

    [Fact]
    public void A_block_draws_with_its_own_key_and_is_the_same_value_whenever_it_runs()
    {
        var schedule = Valid(AnnealingSchedule.Linear(20));
        const int particles = AisBlocks.Size + 10;
        var (startKey, runKey) = RngKey.FromSeed(2).Split();
        var later = Valid(ReverseAisBlocks.Run(startKey, runKey, Path, schedule, particles, 1, Draws));
        var first = Valid(ReverseAisBlocks.Run(startKey, runKey, Path, schedule, particles, 0, Draws));
        var again = Valid(ReverseAisBlocks.Run(startKey, runKey, Path, schedule, particles, 1, Draws));
        var byHand = Valid(ReverseAis.Run(runKey.FoldIn(1), Path, schedule, Valid(Draws(startKey.FoldIn(1), 10)), exactSamples: true));
        Assert.True(later.LogWeights.Span.SequenceEqual(again.LogWeights.Span));
        Assert.True(later.LogWeights.Span.SequenceEqual(byHand.LogWeights.Span));
        Assert.Equal(AisBlocks.Size, first.LogWeights.Length);
        Assert.False(first.LogWeights.Span[..10].SequenceEqual(later.LogWeights.Span), "blocks must use their own keys");
    }

    [Fact]
    public void Blocks_out_of_place_or_of_another_run_are_errors()
    {
        var schedule = Valid(AnnealingSchedule.Linear(10));
        const int particles = AisBlocks.Size + 5;
        var (startKey, runKey) = RngKey.FromSeed(3).Split();
        var blocks = Enumerable.Range(0, 2).Select(b => Valid(ReverseAisBlocks.Run(startKey, runKey, Path, schedule, particles, b, Draws))).ToArray();
        Assert.Equal(AnnealingEstimatorErrors.BlocksMismatchCode, Failures(ReverseAisBlocks.Combine(Path, schedule, particles, [blocks[1], blocks[0]], true))[0].Code);
        Assert.Equal(AnnealingEstimatorErrors.BlocksMismatchCode, Failures(ReverseAisBlocks.Combine(Path, schedule, particles, [blocks[0]], true))[0].Code);
        Assert.Equal(AnnealingEstimatorErrors.BlocksMismatchCode, Failures(ReverseAisBlocks.Combine(Path, schedule, particles + 1, blocks, true))[0].Code);
        Assert.Equal(AnnealingEstimatorErrors.InvalidBlockCode, Failures(ReverseAisBlocks.Run(startKey, runKey, Path, schedule, particles, 2, Draws))[0].Code);
        Assert.Equal(AnnealingEstimatorErrors.InvalidBlockCode, Failures(ReverseAisBlocks.RunFromForward(startKey, runKey, Path, schedule, particles, -1))[0].Code);
        Assert.Equal(AnnealingEstimatorErrors.InvalidParticlesCode, Failures(ReverseAisBlocks.Run(startKey, runKey, Path, schedule, 0, 0, Draws))[0].Code);
        // Draws of another count than the block's, and draws that fail, are errors too.
        var tooMany = Failures(ReverseAisBlocks.Run(startKey, runKey, Path, schedule, particles, 1, (k, _) => Draws(k, 7)));
        Assert.Equal(AnnealingEstimatorErrors.BlocksMismatchCode, tooMany[0].Code);
        Assert.Contains("starts from 7 particles, the layout gives it 5", tooMany[0].Message);
        var failed = Failures(ReverseAisBlocks.Run(startKey, runKey, Path, schedule, particles, 1, (_, _) => FinFail<DiscreteChains>(Error.New("no draws"))));
        Assert.Equal("no draws", failed[0].Message);
    }

    /// <summary>Every number of the two estimates, bit for bit (the sandwich tests use it for its parts too).</summary>
    internal static void AssertSameBits(LogZEstimate expected, LogZEstimate actual)
    {
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.LogZ), BitConverter.DoubleToInt64Bits(actual.LogZ));
        Assert.True(expected.LogWeights.Span.SequenceEqual(actual.LogWeights.Span));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.StandardError), BitConverter.DoubleToInt64Bits(actual.StandardError));
        Assert.Equal(expected.Ess, actual.Ess);
        Assert.Equal(expected.MaxNormalisedWeight, actual.MaxNormalisedWeight);
        Assert.Equal(expected.ParetoK, actual.ParetoK);
        Assert.Equal(expected.Samples, actual.Samples);
        Assert.Equal(expected.EnergyEvaluations, actual.EnergyEvaluations);
        Assert.Equal(expected.Steps, actual.Steps);
        Assert.Equal(expected.Warnings, actual.Warnings);
        Assert.True(expected.Trace.Points.Span.SequenceEqual(actual.Trace.Points.Span));
        Assert.True(expected.Trace.LogZ.Span.SequenceEqual(actual.Trace.LogZ.Span));
    }
}
