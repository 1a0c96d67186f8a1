using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Xunit;
using Ebm.Functional.Estimators;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>The <c>step-limit</c>, <c>inconsistent-repetitions</c> and <c>non-finite-weights</c> warnings as the estimators raise them.</summary>
public sealed class EstimatorWarningTests
{
    private static SmcOptions Options(int maxSteps, int repetitions) =>
        SmcOptions.Create(30, repetitions: repetitions, maxSteps: maxSteps).Match(o => o, e => throw new InvalidOperationException(e.Head.Message));

    [Fact]
    public void Adaptive_tempering_that_reaches_its_step_limit_jumps_to_the_target_and_warns()
    {
        // The sharp machine needs more than 3 adaptive steps at a conditional ESS of 0.9 (checked on the free run).
        var (path, _) = SmcTestSupport.SharpMachine();
        var key = RngKey.FromSeed(71);
        var limited = Valid(Smc.RunOnce(key, path, Options(3, 1)));
        var free = Valid(Smc.RunOnce(key, path, Options(SmcOptions.DefaultMaxSteps, 1)));

        Assert.True(free.Schedule.Steps > 3, $"the free run took {free.Schedule.Steps} steps");
        Assert.DoesNotContain(free.Estimate.Warnings, w => w.Code == EstimateWarnings.StepLimit);
        Assert.Equal(3, limited.Schedule.Steps);
        Assert.Equal(1.0, limited.Schedule.Points[^1]);
        Assert.Contains(limited.Estimate.Warnings, w => w.Code == EstimateWarnings.StepLimit);
    }

    [Fact]
    public void Repetitions_that_each_reach_the_step_limit_report_it_once()
    {
        var (path, _) = SmcTestSupport.SharpMachine();
        var result = Valid(Smc.Run(RngKey.FromSeed(72), path, Options(2, 4)));
        Assert.Single(result.Estimate.Warnings, w => w.Code == EstimateWarnings.StepLimit);
        Assert.All(result.Estimate.Parts, part => Assert.Contains(part.Warnings, w => w.Code == EstimateWarnings.StepLimit));
    }

    [Fact]
    public void Repetitions_whose_own_errors_are_far_too_small_are_reported_as_inconsistent()
    {
        // A broken base sampler: 19 of the 20 particles of a run are copies of one draw. Never resampling, each run is
        // AIS with a delta-method error that sees almost no spread, while the runs' estimates follow their one draw
        // and scatter far more: sum (x_r - mean)^2 / SE_r^2 exceeds the 0.999 quantile of chi-square on 7 degrees of freedom.
        var (path, _) = SmcTestSupport.Machine();
        var copies = path with
        {
            SampleBase = (key, count) => Selections.Discrete(path.SampleBase(key, 2), [.. Enumerable.Repeat(0, count - 1), 1]),
        };
        var options = SmcOptions.Create(20, Valid(AnnealingSchedule.Linear(1)), resampleThreshold: 0.0, repetitions: 8)
            .Match(o => o, e => throw new InvalidOperationException(e.Head.Message));
        var result = Valid(Smc.Run(RngKey.FromSeed(74), copies, options));
        Assert.Contains(result.Estimate.Warnings, w => w.Code == EstimateWarnings.InconsistentRepetitions);

        var healthy = Valid(Smc.Run(RngKey.FromSeed(74), path, options));
        Assert.DoesNotContain(healthy.Estimate.Warnings, w => w.Code == EstimateWarnings.InconsistentRepetitions);
    }

    [Fact]
    public void A_nan_log_density_at_the_target_is_counted_as_a_zero_weight_and_reported()
    {
        // Particle 0's log density at t = 1 is NaN, so its log weight is NaN: the estimate is log Z_0 + log((1/M) sum of
        // the other nine weights), with M = 10 still counting it, and the warning names 1 of 10.
        var (path, _) = SmcTestSupport.Machine();
        var broken = path with
        {
            LogDensity = (t, s) =>
            {
                var values = path.LogDensity(t, s);
                return t < 1.0 ? values : Vec.Create(values.Length, d =>
                {
                    values.Span.CopyTo(d);
                    d[0] = double.NaN;
                });
            },
        };
        var estimate = Valid(Ais.Run(RngKey.FromSeed(73), broken, Valid(AnnealingSchedule.Linear(5)), 10));

        Assert.True(double.IsNaN(estimate.LogWeights[0]));
        var others = Enumerable.Range(1, 9).Select(i => Math.Exp(estimate.LogWeights[i])).Sum();
        Assert.Equal(path.LogZ0 + Math.Log(others / 10), estimate.LogZ, 1e-12);
        Assert.True(double.IsFinite(estimate.StandardError));
        var warning = Assert.Single(estimate.Warnings, w => w.Code == EstimateWarnings.NonFiniteWeights);
        Assert.Contains("1 of 10", warning.Message);
    }
}
