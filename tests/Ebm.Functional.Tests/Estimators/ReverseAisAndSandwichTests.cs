using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using LanguageExt;
using Xunit;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;
using static LanguageExt.Prelude;
using Ebm.Functional.Estimators;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>The contracts of reverse AIS and the sandwich: traces, warnings, progress, the combination rule and argument checks.</summary>
public sealed class ReverseAisAndSandwichTests
{
    private static readonly BoltzmannMachine Model = BoltzmannRandom.Create(51, 6, StateConvention.Binary);
    private const double Beta = 1.0;
    private static readonly AnnealingPath<Ebm.Functional.Mcmc.DiscreteChains> Path =
        Valid(Paths.Tempered(Model, Beta, b => HeatBathGibbs.BuildKernel(Model, b)));

    [Fact]
    public void Reverse_trace_runs_from_log_Z0_at_zero_to_the_estimate_at_one_in_increasing_t()
    {
        var estimate = Valid(ReverseAis.Run(RngKey.FromSeed(2), Path, Valid(AnnealingSchedule.Linear(10)), ExactChains(RngKey.FromSeed(1), 50, Model, Beta), true));
        Assert.Equal(11, estimate.Trace.Count);
        Assert.Equal((0.0, 1.0), (estimate.Trace.Points[0], estimate.Trace.Points[10]));
        for (var i = 1; i < 11; i++) Assert.True(estimate.Trace.Points[i] > estimate.Trace.Points[i - 1]);
        Assert.Equal(Path.LogZ0, estimate.Trace.LogZ[0], 12);
        Assert.Equal(estimate.LogZ, estimate.Trace.LogZ[10]);
        Assert.Equal(50, estimate.Samples);
        Assert.Equal(ErrorSource.DeltaMethod, estimate.ErrorSource);
    }

    [Fact]
    public void Reverse_ais_from_approximate_samples_says_so()
    {
        var estimate = Valid(ReverseAis.Run(RngKey.FromSeed(2), Path, Valid(AnnealingSchedule.Linear(5)), ExactChains(RngKey.FromSeed(1), 20, Model, Beta), exactSamples: false));
        Assert.Contains(estimate.Warnings, w => w.Code == EstimateWarnings.ApproximateTargetSamples);
    }

    [Fact]
    public void Reverse_ais_reports_every_step_with_decreasing_points()
    {
        var progress = new Recorder();
        Valid(ReverseAis.Run(RngKey.FromSeed(2), Path, Valid(AnnealingSchedule.Linear(4)), ExactChains(RngKey.FromSeed(1), 5, Model, Beta), true, progress));
        Assert.Equal([1, 2, 3, 4], progress.Reports.Select(r => r.Step));
        Assert.Equal([0.5, 0.25, 0.0], progress.Reports.Skip(1).Select(r => r.Point));
    }

    [Fact]
    public void Reverse_ais_without_samples_is_an_error_value()
    {
        var none = ExactChains(RngKey.FromSeed(1), 0, Model, Beta);
        Assert.Equal(AnnealingEstimatorErrors.InvalidParticlesCode, Failures(ReverseAis.Run(RngKey.FromSeed(2), Path, Valid(AnnealingSchedule.Linear(4)), none, true)).Single().Code);
    }

    [Fact]
    public void Same_key_gives_the_same_reverse_weights()
    {
        var targets = ExactChains(RngKey.FromSeed(1), 30, Model, Beta);
        var first = Valid(ReverseAis.Run(RngKey.FromSeed(9), Path, Valid(AnnealingSchedule.Linear(6)), targets, true));
        var second = Valid(ReverseAis.Run(RngKey.FromSeed(9), Path, Valid(AnnealingSchedule.Linear(6)), targets, true));
        Assert.Equal(first.LogWeights.Span.ToArray(), second.LogWeights.Span.ToArray());
    }

    [Fact]
    public void Sandwich_without_exact_draws_reverses_the_forward_particles_and_warns()
    {
        var progress = new Recorder();
        var sandwich = Valid(Sandwich.Run(RngKey.FromSeed(3), Path, Valid(AnnealingSchedule.Linear(5)), 40, progress));
        Assert.Equal(Sandwich.Method, sandwich.Method);
        Assert.Contains(sandwich.Warnings, w => w.Code == EstimateWarnings.ApproximateTargetSamples);
        Assert.Equal(Enumerable.Range(1, 10), progress.Reports.Select(r => r.Step));
        Assert.All(progress.Reports, r => Assert.Equal(10, r.Steps));
        Assert.Equal(80, sandwich.Samples);
    }

    [Fact]
    public void Close_bounds_give_the_midpoint_with_the_combined_error_and_no_gap_warning()
    {
        var sandwich = Sandwich.Combine(Estimate(Ais.Method, 10.0, 0.1), Estimate(ReverseAis.Method, 10.1, 0.1));
        Assert.Equal(10.05, sandwich.LogZ, 12);
        // sqrt((0.1 / 2)^2 + (0.1^2 + 0.1^2) / 4) = sqrt(0.0075).
        Assert.Equal(Math.Sqrt(0.0075), sandwich.StandardError, 12);
        Assert.Equal(ErrorSource.Combined, sandwich.ErrorSource);
        Assert.Equal(new[] { Ais.Method, ReverseAis.Method }, sandwich.Parts.Map(p => p.Method).ToArray());
        Assert.DoesNotContain(sandwich.Warnings, w => w.Code == EstimateWarnings.BoundGap);
    }

    [Theory]
    [InlineData(10.0, 10.3)]
    [InlineData(10.0, 9.7)]
    public void Bounds_further_apart_than_twice_their_combined_error_raise_the_gap_warning(double lower, double upper)
    {
        // Threshold: 2 sqrt(0.1^2 + 0.1^2) = 0.283 < 0.3.
        var sandwich = Sandwich.Combine(Estimate(Ais.Method, lower, 0.1), Estimate(ReverseAis.Method, upper, 0.1));
        Assert.Single(sandwich.Warnings, w => w.Code == EstimateWarnings.BoundGap);
    }

    [Fact]
    public void Sandwich_keeps_each_part_warning_once()
    {
        var warning = Seq1(EstimateWarnings.Of(EstimateWarnings.WeightDegeneracy, "few weights"));
        var sandwich = Sandwich.Combine(Estimate(Ais.Method, 1.0, 0.1) with { Warnings = warning }, Estimate(ReverseAis.Method, 1.0, 0.1) with { Warnings = warning });
        Assert.Single(sandwich.Warnings);
    }

    private static LogZEstimate Estimate(string method, double logZ, double standardError) =>
        new(method, Beta, logZ, standardError, ErrorSource.DeltaMethod, 10, 0.1, 10, 100, Seq<EstimateWarning>());

    private sealed class Recorder : IProgress<AnnealingProgress>
    {
        public List<AnnealingProgress> Reports { get; } = [];

        public void Report(AnnealingProgress value) => Reports.Add(value);
    }
}
