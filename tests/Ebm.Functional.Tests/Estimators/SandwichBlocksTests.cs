using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Estimators;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using LanguageExt;
using Xunit;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;
using static Ebm.Functional.Tests.Estimators.ReverseAisBlocksTests;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>
/// The sandwich in fixed blocks: one block is <see cref="Sandwich"/>'s run bit for bit, with and without exact draws;
/// several blocks bracket the exact log Z; each block's parts are the AIS and reverse AIS blocks of the sandwich's keys.
/// </summary>
public sealed class SandwichBlocksTests
{
    /// <summary>|estimate − exact| ≤ 5 SE: a normal error fails with probability 5.7e-7.</summary>
    private const double ZBound = 5.0;

    [Theory]
    [InlineData(200)]
    [InlineData(AisBlocks.Size)]
    public void One_block_from_forward_particles_is_the_unblocked_sandwich_bit_for_bit(int particles)
    {
        var path = CheckerboardPath(Torus(4), 0.4);
        var schedule = Valid(AnnealingSchedule.Linear(50));
        var key = RngKey.FromSeed(12);
        var whole = Valid(Sandwich.Run(key, path, schedule, particles));
        var block = Valid(SandwichBlocks.Run(key, path, schedule, particles, 0));
        var combined = Valid(SandwichBlocks.Combine(path, schedule, particles, [block], exactSamples: false));
        AssertSameSandwich(whole, combined);
        Assert.Contains(combined.Warnings, w => w.Code == EstimateWarnings.ApproximateTargetSamples);
    }

    [Fact]
    public void One_block_from_exact_draws_is_the_unblocked_sandwich_bit_for_bit()
    {
        var model = BoltzmannRandom.Create(51, 6, StateConvention.Binary);
        var path = Valid(Paths.Tempered(model, 1.0, b => HeatBathGibbs.BuildKernel(model, b)));
        var schedule = Valid(AnnealingSchedule.Linear(30));
        var (startKey, key) = RngKey.FromSeed(13).Split();
        var whole = Valid(Sandwich.Run(key, path, schedule, 400, Valid(ExactDraws.DiscreteChains(startKey, 400, model, 1.0))));
        var block = Valid(SandwichBlocks.Run(startKey, key, path, schedule, 400, 0, (k, n) => ExactDraws.DiscreteChains(k, n, model, 1.0)));
        var combined = Valid(SandwichBlocks.Combine(path, schedule, 400, [block], exactSamples: true));
        AssertSameSandwich(whole, combined);
        Assert.DoesNotContain(combined.Warnings, w => w.Code == EstimateWarnings.ApproximateTargetSamples);
    }

    [Fact]
    public void Several_blocks_from_exact_draws_bracket_the_enumerated_log_z()
    {
        var model = BoltzmannRandom.Create(12, 10, StateConvention.Spin);
        var exact = EnumeratedLogZ(model, 1.0);
        var path = Valid(Paths.Tempered(model, 1.0, b => HeatBathGibbs.BuildKernel(model, b)));
        var schedule = Valid(AnnealingSchedule.Linear(60));
        const int particles = 2 * AisBlocks.Size + 300;
        var (startKey, key) = RngKey.FromSeed(23).Split();
        var blocks = Enumerable.Range(0, AisBlocks.Count(particles))
            .Select(b => Valid(SandwichBlocks.Run(startKey, key, path, schedule, particles, b, (k, n) => ExactDraws.DiscreteChains(k, n, model, 1.0))))
            .ToArray();
        var sandwich = Valid(SandwichBlocks.Combine(path, schedule, particles, blocks, exactSamples: true));
        Assert.Equal(2 * particles, sandwich.Samples);
        var (forward, reverse) = (sandwich.Parts[0], sandwich.Parts[1]);
        // Each bound alone is within 5 of its own delta-method errors of the exact value (the bounds' biases, of order
        // SE^2, are far smaller), and so is the midpoint within 5 of its combined errors.
        foreach (var part in new[] { forward, reverse, sandwich })
        {
            var z = (part.LogZ - exact) / part.StandardError;
            Assert.True(Math.Abs(z) <= ZBound, $"{part.Method} {part.LogZ:R} +/- {part.StandardError:G3} vs exact {exact:R} (z = {z:F2})");
        }

        // The forward part is AIS in blocks with the left half of the key.
        var ais = Valid(AisBlocks.Combine(path, schedule, particles,
            Enumerable.Range(0, AisBlocks.Count(particles)).Select(b => Valid(AisBlocks.Run(key.Split().Left, path, schedule, particles, b))).ToArray()));
        AssertSameBits(ais, forward);
    }

    [Fact]
    public void Blocks_out_of_place_or_of_another_run_are_errors()
    {
        var path = CheckerboardPath(Torus(4), 0.3);
        var schedule = Valid(AnnealingSchedule.Linear(10));
        const int particles = AisBlocks.Size + 5;
        var blocks = Enumerable.Range(0, 2).Select(b => Valid(SandwichBlocks.Run(RngKey.FromSeed(3), path, schedule, particles, b))).ToArray();
        var swapped = Failures(SandwichBlocks.Combine(path, schedule, particles, [blocks[1], blocks[0]], false));
        Assert.Equal(AnnealingEstimatorErrors.BlocksMismatchCode, swapped[0].Code);
        Assert.StartsWith("sandwich:", swapped[0].Message);
        Assert.Equal(AnnealingEstimatorErrors.BlocksMismatchCode, Failures(SandwichBlocks.Combine(path, schedule, particles, [blocks[0]], false))[0].Code);
        // A block whose reverse part is another block's.
        var mixed = blocks[1] with { Reverse = blocks[0].Reverse };
        Assert.Equal(AnnealingEstimatorErrors.BlocksMismatchCode, Failures(SandwichBlocks.Combine(path, schedule, particles, [blocks[0], mixed], false))[0].Code);
        Assert.Equal(AnnealingEstimatorErrors.InvalidBlockCode, Failures(SandwichBlocks.Run(RngKey.FromSeed(3), path, schedule, particles, 2))[0].Code);
        Assert.Equal(AnnealingEstimatorErrors.InvalidParticlesCode, Failures(SandwichBlocks.Run(RngKey.FromSeed(3), path, schedule, 0, 0))[0].Code);
    }

    /// <summary>The README's examples, on a 10-unit Boltzmann machine whose log Z is known by enumeration.</summary>
    [Fact]
    public void The_readme_examples_run_and_match_enumeration()
    {
        var model = BoltzmannRandom.Create(5, 10, StateConvention.Binary);
        var (startKey, key) = RngKey.FromSeed(7).Split();
        var upper =
            from path in Paths.Tempered(model, 1.0, b => HeatBathGibbs.BuildKernel(model, b))
            from schedule in AnnealingSchedule.Linear(400)
            from blocks in Enumerable.Range(0, AisBlocks.Count(4_000))
                .Select(b => ReverseAisBlocks.Run(startKey, key, path, schedule, 4_000, b, (k, n) => ExactDraws.DiscreteChains(k, n, model, 1.0)))
                .ToArray().ToSeq().Sequence()
            from combined in ReverseAisBlocks.Combine(path, schedule, 4_000, blocks.ToArray(), exactSamples: true)
            select combined;
        var sandwich =
            from path in Paths.Tempered(model, 1.0, b => HeatBathGibbs.BuildKernel(model, b))
            from schedule in AnnealingSchedule.Linear(400)
            from blocks in Enumerable.Range(0, AisBlocks.Count(4_000))
                .Select(b => SandwichBlocks.Run(startKey, key, path, schedule, 4_000, b, (k, n) => ExactDraws.DiscreteChains(k, n, model, 1.0)))
                .ToArray().ToSeq().Sequence()
            from combined in SandwichBlocks.Combine(path, schedule, 4_000, blocks.ToArray(), exactSamples: true)
            select combined;
        var exact = EnumeratedLogZ(model, 1.0);
        foreach (var e in new[] { Valid(upper), Valid(sandwich) })
        {
            var z = (e.LogZ - exact) / e.StandardError;
            Assert.True(Math.Abs(z) <= ZBound, $"{e.Method}: z = {z:F2}");
        }
    }

    private static void AssertSameSandwich(LogZEstimate expected, LogZEstimate actual)
    {
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.LogZ), BitConverter.DoubleToInt64Bits(actual.LogZ));
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.StandardError), BitConverter.DoubleToInt64Bits(actual.StandardError));
        Assert.Equal(expected.Warnings, actual.Warnings);
        Assert.Equal((expected.Samples, expected.EnergyEvaluations, expected.Steps, expected.Ess), (actual.Samples, actual.EnergyEvaluations, actual.Steps, actual.Ess));
        Assert.Equal(2, actual.Parts.Count);
        AssertSameBits(expected.Parts[0], actual.Parts[0]);
        AssertSameBits(expected.Parts[1], actual.Parts[1]);
    }
}
