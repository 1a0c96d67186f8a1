using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Estimators;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using Xunit;
using LanguageExt;
using static LanguageExt.Prelude;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>
/// AIS in fixed blocks: one block is the unblocked estimator bit for bit; several blocks combine into AIS with all the
/// particles, checked against exact log Z; the blocks are values that depend on nothing but the run and their index.
/// </summary>
public sealed class AisBlocksTests
{
    /// <summary>|estimate − exact| ≤ 5 SE (delta method): a normal error fails with probability 5.7e-7.</summary>
    private const double ZBound = 5.0;

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(1024, 1)]
    [InlineData(1025, 2)]
    [InlineData(10_000, 10)]
    public void The_layout_depends_on_the_particle_count_alone(int particles, int blocks)
    {
        Assert.Equal(blocks, AisBlocks.Count(particles));
        Assert.Equal(particles, Enumerable.Range(0, blocks).Sum(b => AisBlocks.Length(particles, b)));
        Assert.Equal(0, AisBlocks.Length(particles, blocks));
    }

    [Fact]
    public void One_block_is_the_unblocked_estimator_bit_for_bit()
    {
        var torus = Torus(4);
        var path = CheckerboardPath(torus, 0.4);
        var schedule = Valid(AnnealingSchedule.Linear(150));
        var key = RngKey.FromSeed(9);
        var whole = Valid(Ais.Run(key, path, schedule, 300));
        var block = Valid(AisBlocks.Run(key, path, schedule, 300, 0));
        var combined = Valid(AisBlocks.Combine(path, schedule, 300, [block]));
        AssertSameBits(whole, combined);
    }

    [Fact]
    public void Several_blocks_combine_into_ais_that_matches_enumeration()
    {
        var model = BoltzmannRandom.Create(12, 10, StateConvention.Spin);
        const double beta = 1.0;
        var exact = EnumeratedLogZ(model, beta);
        var path = Valid(Paths.Tempered(model, beta, b => HeatBathGibbs.BuildKernel(model, b)));
        var schedule = Valid(AnnealingSchedule.Linear(60));
        const int particles = 2 * AisBlocks.Size + 300;
        var blocks = Enumerable.Range(0, AisBlocks.Count(particles)).Select(b => Valid(AisBlocks.Run(RngKey.FromSeed(17), path, schedule, particles, b))).ToArray();
        var estimate = Valid(AisBlocks.Combine(path, schedule, particles, blocks));
        Assert.Equal(3, blocks.Length);
        Assert.Equal(particles, estimate.Samples);
        Assert.True(estimate.IsClean, string.Join("; ", estimate.Warnings));
        Assert.True(estimate.Ess >= particles / 4.0, $"ESS {estimate.Ess}");
        var z = (estimate.LogZ - exact) / estimate.StandardError;
        Assert.True(Math.Abs(z) <= ZBound, $"{estimate.LogZ:R} +/- {estimate.StandardError:G3} vs exact {exact:R} (z = {z:F2})");
        // The running estimate ends at the estimate itself.
        Assert.Equal(estimate.LogZ, estimate.Trace.LogZ[^1], 12);
    }

    [Fact]
    public void A_block_is_the_same_value_whenever_and_wherever_it_runs()
    {
        var path = CheckerboardPath(Torus(4), 0.3);
        var schedule = Valid(AnnealingSchedule.Linear(40));
        const int particles = AisBlocks.Size + 10;
        var later = Valid(AisBlocks.Run(RngKey.FromSeed(2), path, schedule, particles, 1));
        var first = Valid(AisBlocks.Run(RngKey.FromSeed(2), path, schedule, particles, 0));
        var again = Valid(AisBlocks.Run(RngKey.FromSeed(2), path, schedule, particles, 1));
        Assert.Equal(10, later.LogWeights.Length);
        Assert.True(later.LogWeights.Span.SequenceEqual(again.LogWeights.Span));
        Assert.Equal(later.Health, again.Health);
        Assert.False(first.LogWeights.Span[..10].SequenceEqual(later.LogWeights.Span), "blocks must use their own keys");
    }

    [Fact]
    public void Blocks_out_of_place_or_of_another_run_are_errors()
    {
        var path = CheckerboardPath(Torus(4), 0.3);
        var schedule = Valid(AnnealingSchedule.Linear(20));
        const int particles = AisBlocks.Size + 5;
        var blocks = Enumerable.Range(0, 2).Select(b => Valid(AisBlocks.Run(RngKey.FromSeed(3), path, schedule, particles, b))).ToArray();
        Assert.Equal(AnnealingEstimatorErrors.BlocksMismatchCode, Failures(AisBlocks.Combine(path, schedule, particles, [blocks[1], blocks[0]]))[0].Code);
        Assert.Equal(AnnealingEstimatorErrors.BlocksMismatchCode, Failures(AisBlocks.Combine(path, schedule, particles, [blocks[0]]))[0].Code);
        Assert.Equal(AnnealingEstimatorErrors.BlocksMismatchCode, Failures(AisBlocks.Combine(path, schedule, particles + 1, blocks))[0].Code);
        Assert.Equal(AnnealingEstimatorErrors.InvalidBlockCode, Failures(AisBlocks.Run(RngKey.FromSeed(3), path, schedule, particles, 2))[0].Code);
        Assert.Equal(AnnealingEstimatorErrors.InvalidParticlesCode, Failures(AisBlocks.Run(RngKey.FromSeed(3), path, schedule, 0, 0))[0].Code);
    }

    /// <summary>The README's example, on a 10-unit Boltzmann machine whose log Z is known by enumeration.</summary>
    [Fact]
    public void The_readme_example_runs_and_matches_enumeration()
    {
        var model = BoltzmannRandom.Create(5, 10, StateConvention.Binary);
        var estimate =
            from path in Paths.Tempered(model, 1.0, b => HeatBathGibbs.BuildKernel(model, b))
            from schedule in AnnealingSchedule.Linear(400)
            from blocks in Enumerable.Range(0, AisBlocks.Count(4_000))
                .Select(b => AisBlocks.Run(RngKey.FromSeed(7), path, schedule, 4_000, b)).ToArray().ToSeq().Sequence()
            from combined in AisBlocks.Combine(path, schedule, 4_000, blocks.ToArray())
            select combined;
        var e = Valid(estimate);
        var z = (e.LogZ - EnumeratedLogZ(model, 1.0)) / e.StandardError;
        Assert.True(Math.Abs(z) <= ZBound, $"z = {z:F2}");
    }

    private static void AssertSameBits(LogZEstimate expected, LogZEstimate actual)
    {
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.LogZ), BitConverter.DoubleToInt64Bits(actual.LogZ));
        Assert.True(expected.LogWeights.Span.SequenceEqual(actual.LogWeights.Span));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.StandardError), BitConverter.DoubleToInt64Bits(actual.StandardError));
        Assert.Equal(expected.Ess, actual.Ess);
        Assert.Equal(expected.EnergyEvaluations, actual.EnergyEvaluations);
        Assert.Equal(expected.Steps, actual.Steps);
        Assert.Equal(expected.Warnings, actual.Warnings);
        Assert.True(expected.Trace.Points.Span.SequenceEqual(actual.Trace.Points.Span));
        Assert.True(expected.Trace.LogZ.Span.SequenceEqual(actual.Trace.LogZ.Span));
    }
}
