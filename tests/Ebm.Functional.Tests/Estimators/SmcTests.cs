using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Prng;
using LanguageExt.Common;
using Xunit;
using Ebm.Functional.Estimators;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>Sequential Monte Carlo against exact log Z: enumeration, Kaufman's formula, a Gaussian's closed form.</summary>
/// <remarks>
/// Tolerance: with R = 16 repetitions the error of the mean log Z over its repetition standard error is close to
/// Student t with 15 degrees of freedom, so |z| &lt;= 6 fails with probability about 2.4e-5 per test
/// (P(|t_15| &gt; 6) = 2.4e-5); the seeds are fixed.
/// </remarks>
public sealed class SmcTests
{
    private const int Repetitions = 16;
    private const double ZBound = 6.0;

    private static SmcOptions Options(int particles, AnnealingSchedule? schedule = null, double target = 0.9, double threshold = 0.5,
        ResamplingScheme scheme = ResamplingScheme.Systematic, int moves = 1, int repetitions = Repetitions) =>
        SmcOptions.Create(particles, schedule, target, threshold, scheme, moves, repetitions)
            .Match(o => o, e => throw new InvalidOperationException(e.Head.Message));

    private static void WithinBound(LogZEstimate estimate, double exact)
    {
        Assert.Equal(ErrorSource.Repetitions, estimate.ErrorSource);
        Assert.True(double.IsFinite(estimate.StandardError) && estimate.StandardError > 0, $"SE {estimate.StandardError}");
        var z = (estimate.LogZ - exact) / estimate.StandardError;
        Assert.True(Math.Abs(z) <= ZBound, $"log Z {estimate.LogZ} +/- {estimate.StandardError}, exact {exact}, z = {z:F2}");
    }

    [Fact]
    public void Adaptive_tempering_on_a_boltzmann_machine_matches_enumeration()
    {
        var (path, exact) = SmcTestSupport.SharpMachine();
        var result = Valid(Smc.Run(RngKey.FromSeed(21), path, Options(200)));
        WithinBound(result.Estimate, exact);
        Assert.Equal(Smc.Method, result.Estimate.Method);
        Assert.Equal(Repetitions, result.Estimate.Parts.Count);
        Assert.True(result.ResamplingEvents > 0, "an adaptive run at CESS 0.9 and threshold 0.5 resamples at least once");
        Assert.InRange(result.FinalEss, 1.0, 200.0);
        Assert.DoesNotContain(result.Estimate.Warnings, w => w.Code == EstimateWarnings.FewSamples);
        Assert.Equal(result.Estimate.Parts.Average(p => p.Ess), result.FinalEss, 12);
    }

    [Theory]
    [InlineData(ResamplingScheme.Multinomial)]
    [InlineData(ResamplingScheme.Systematic)]
    [InlineData(ResamplingScheme.Stratified)]
    [InlineData(ResamplingScheme.Residual)]
    public void Every_scheme_resampling_at_every_step_matches_enumeration(ResamplingScheme scheme)
    {
        var (path, exact) = SmcTestSupport.Machine();
        var result = Valid(Smc.Run(RngKey.FromSeed(22), path, Options(200, Valid(AnnealingSchedule.Linear(20)), threshold: 1.0, scheme: scheme)));
        WithinBound(result.Estimate, exact);
        Assert.Equal(Repetitions * 19, result.ResamplingEvents);
        Assert.Equal(Repetitions * 20, result.Steps);
    }

    [Fact]
    public void Adaptive_tempering_on_an_ising_torus_matches_kaufman()
    {
        var (path, exact) = SmcTestSupport.Torus();
        WithinBound(Valid(Smc.Run(RngKey.FromSeed(23), path, Options(200, moves: 2))).Estimate, exact);
    }

    [Fact]
    public void Adaptive_tempering_from_a_gaussian_reference_with_hmc_matches_the_closed_form()
    {
        var (path, exact) = SmcTestSupport.Gaussian();
        WithinBound(Valid(Smc.Run(RngKey.FromSeed(24), path, Options(100, moves: 2))).Estimate, exact);
    }

    [Fact]
    public void Adaptive_tempering_hits_its_target_conditional_ess_at_every_step_but_the_last()
    {
        var (path, _) = SmcTestSupport.SharpMachine();
        const double target = 0.8;
        var run = Valid(Smc.RunOnce(RngKey.FromSeed(25), path, Options(100, target: target, repetitions: 1)));
        var cess = run.ConditionalEss;
        Assert.True(cess.Length >= 3, $"{cess.Length} steps");
        Assert.Equal(run.Schedule.Steps, cess.Length);
        Assert.Equal(AdaptiveSchedule.Name, run.Schedule.Name);
        // Bisection stops within 1e-12 in t; the CESS moves by far less than 1e-6 over such a bracket.
        for (var k = 0; k < cess.Length - 1; k++) Assert.InRange(cess[k], target, target + 1e-6);
        Assert.True(cess[^1] >= target, $"last CESS {cess[^1]}");
        Assert.Equal(run.Schedule.Points, run.Estimate.Trace.Points);
        Assert.Equal(run.Estimate.LogZ, run.Estimate.Trace.LogZ[run.Estimate.Trace.Count - 1]);
    }

    [Fact]
    public void A_single_run_without_resampling_is_ais_with_a_delta_method_error()
    {
        var (path, exact) = SmcTestSupport.Machine();
        var run = Valid(Smc.RunOnce(RngKey.FromSeed(26), path, Options(2000, Valid(AnnealingSchedule.Linear(50)), threshold: 0.0, repetitions: 1)));
        Assert.Equal(0, run.ResamplingEvents);
        Assert.Equal(ErrorSource.DeltaMethod, run.Estimate.ErrorSource);
        // Independent AIS weights with ESS above half the particles: the delta method is accurate, |z| <= 5 fails with p < 1e-6.
        Assert.True(run.Estimate.Ess > 1000, $"ESS {run.Estimate.Ess}");
        Assert.InRange(run.Estimate.LogZ, exact - 5 * run.Estimate.StandardError, exact + 5 * run.Estimate.StandardError);
        Assert.Equal(51, run.Estimate.Trace.Count);
    }

    [Fact]
    public void A_single_run_that_resampled_has_no_standard_error_and_says_so()
    {
        var (path, _) = SmcTestSupport.Machine();
        var run = Valid(Smc.RunOnce(RngKey.FromSeed(27), path, Options(50, Valid(AnnealingSchedule.Linear(5)), threshold: 1.0, repetitions: 1)));
        Assert.Equal(4, run.ResamplingEvents);
        Assert.True(double.IsPositiveInfinity(run.Estimate.StandardError));
        Assert.Contains(run.Estimate.Warnings, w => w.Code == EstimateWarnings.FewSamples);
    }

    [Fact]
    public void The_same_key_gives_the_same_estimate()
    {
        var (path, _) = SmcTestSupport.Machine();
        var options = Options(50, repetitions: 2);
        Assert.Equal(Valid(Smc.Run(RngKey.FromSeed(28), path, options)).Estimate.LogZ, Valid(Smc.Run(RngKey.FromSeed(28), path, options)).Estimate.LogZ);
    }

    [Fact]
    public void An_adaptive_schedule_from_a_pilot_drives_ais_to_the_exact_answer_on_a_separate_key()
    {
        var (path, exact) = SmcTestSupport.Machine();
        var key = RngKey.FromSeed(29);
        var (schedule, estimateKey) = Valid(AdaptiveSchedule.Build(key, path, Options(200, target: 0.95, threshold: 0.0, repetitions: 1)));
        Assert.Equal("adaptive", schedule.Name);
        Assert.NotEqual(key, estimateKey);
        Assert.NotEqual(key.Split().Left, estimateKey);
        var estimate = Valid(Ais.Run(estimateKey, path, schedule, 2000));
        // Independent AIS weights, ESS above half: |z| <= 5 fails with probability below 1e-6.
        Assert.True(estimate.Ess > 1000, $"ESS {estimate.Ess}");
        Assert.InRange(estimate.LogZ, exact - 5 * estimate.StandardError, exact + 5 * estimate.StandardError);
        Assert.Equal(AnnealingEstimatorErrors.PilotNotAdaptiveCode, Failures(AdaptiveSchedule.Build(key, path, Options(10, Valid(AnnealingSchedule.Linear(3))))).Single().Code);
    }

    [Fact]
    public void The_pilot_of_an_adaptive_schedule_reports_its_steps_up_to_the_end_of_the_path_without_changing_the_schedule()
    {
        var (path, _) = SmcTestSupport.Machine();
        var options = Options(100, target: 0.95, threshold: 0.0, repetitions: 1);
        var reports = new List<AnnealingProgress>();
        var (schedule, estimateKey) = Valid(AdaptiveSchedule.Build(RngKey.FromSeed(30), path, options, new Collect(reports)));
        var (quiet, quietKey) = Valid(AdaptiveSchedule.Build(RngKey.FromSeed(30), path, options));
        Assert.Equal(quiet.Points.Span.ToArray(), schedule.Points.Span.ToArray());
        Assert.Equal(quietKey, estimateKey);
        Assert.Equal(schedule.Steps, reports.Count);
        Assert.Equal(1.0, reports[^1].Point);
        Assert.Equal(schedule.Points.Span[1..].ToArray(), reports.Select(r => r.Point).ToArray());
    }

    /// <summary>Progress collected synchronously (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Collect(List<AnnealingProgress> into) : IProgress<AnnealingProgress>
    {
        public void Report(AnnealingProgress value) => into.Add(value);
    }

    [Fact]
    public void Bad_options_report_every_problem()
    {
        var errors = SmcOptions.Create(1, null, 1.5, -0.1, (ResamplingScheme)9, 0, 0, 0)
            .Match(_ => throw new InvalidOperationException("accepted bad options"), e => e.ToList());
        Assert.Equal(
            [SmcErrors.InvalidParticlesCode, SmcErrors.InvalidResampleThresholdCode, SmcErrors.InvalidSchemeCode, SmcErrors.InvalidTargetConditionalEssCode,
             SmcErrors.InvalidMovesPerStepCode, SmcErrors.InvalidRepetitionsCode, SmcErrors.InvalidMaxStepsCode],
            errors.Select(e => e.Code).ToArray());
        Assert.True(SmcOptions.Create(10, Valid(AnnealingSchedule.Linear(3)), targetConditionalEss: 7.0).IsSuccess, "the CESS target is ignored with a fixed schedule");
        Assert.True(SmcOptions.Create(2, resampleThreshold: 1.0).IsSuccess);
    }
}
