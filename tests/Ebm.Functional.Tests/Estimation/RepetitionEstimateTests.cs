using Ebm.Functional.Estimation;
using Ebm.Functional.Numerics;
using LanguageExt;
using Xunit;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Estimation;

/// <summary>
/// <see cref="Estimates.FromRepetitions"/> and <see cref="Estimates.FromLogWeights"/> against hand-computed values:
/// the mean of the runs with standard error sd / sqrt(R) (divisor R - 1), the pooled diagnostics, and the
/// inconsistent-repetitions trigger at the 0.999 quantile of chi-square on R - 1 degrees of freedom.
/// </summary>
public sealed class RepetitionEstimateTests
{
    private static LogZEstimate Run(double logZ, double standardError, params string[] warningCodes) =>
        new("smc", 0.7, logZ, standardError, ErrorSource.DeltaMethod, 10.0 + logZ, 0.1 * (1 + logZ), 50, 1000,
            toSeq(warningCodes.Select(c => EstimateWarnings.Of(c, $"{c} in the run at {logZ}"))));

    [Fact]
    public void Three_runs_give_their_mean_and_sd_over_root_three_with_the_r_minus_one_divisor()
    {
        // log Z = 1, 2, 4: mean 7/3; squared deviations 16/9 + 1/9 + 25/9 = 14/3; sd^2 = (14/3) / 2 = 7/3;
        // SE = sqrt((7/3) / 3) = sqrt(7) / 3 = 0.88192 (sqrt(sd^2) alone would be 1.5275, a divisor R would give 0.72008).
        var runs = new[] { Run(1.0, 1.0), Run(2.0, 1.0), Run(4.0, 1.0) };
        var combined = Estimates.FromRepetitions("smc", runs);
        Assert.Equal(7.0 / 3, combined.LogZ, 1e-15);
        Assert.Equal(Math.Sqrt(7.0) / 3, combined.StandardError, 1e-15);
        Assert.Equal(ErrorSource.Repetitions, combined.ErrorSource);
        Assert.Equal(("smc", 0.7), (combined.Method, combined.Beta));
        // The pooled diagnostics: ESS and costs add up, the largest normalised weight is the largest of the runs'.
        Assert.Equal(11.0 + 12.0 + 14.0, combined.Ess, 1e-13);
        Assert.Equal(0.5, combined.MaxNormalisedWeight, 1e-15);
        Assert.Equal((150, 3000L), (combined.Samples, combined.EnergyEvaluations));
        Assert.Equal(toSeq(runs), combined.Parts);
        Assert.Empty(combined.Warnings);
    }

    [Fact]
    public void Two_identical_runs_have_a_zero_error()
    {
        var combined = Estimates.FromRepetitions("ais", [Run(3.0, 0.5), Run(3.0, 0.5)]);
        Assert.Equal((3.0, 0.0), (combined.LogZ, combined.StandardError));
    }

    [Fact]
    public void The_runs_warnings_are_kept_once_per_code_in_order()
    {
        var combined = Estimates.FromRepetitions("smc",
            [Run(1.0, 1.0, EstimateWarnings.StepLimit), Run(1.5, 1.0, EstimateWarnings.WeightDegeneracy, EstimateWarnings.StepLimit), Run(2.0, 1.0)]);
        Assert.Equal([EstimateWarnings.StepLimit, EstimateWarnings.WeightDegeneracy], combined.Warnings.Map(w => w.Code).ToArray());
        // step-limit means "do not trust this number", so its message says so.
        Assert.Equal("step-limit in the run at 1; do not trust this estimate", combined.Warnings.Head.Message);
    }

    [Theory]
    [InlineData(0.65, true)]
    [InlineData(0.67, false)]
    public void Runs_that_scatter_beyond_their_own_errors_raise_the_inconsistent_repetitions_warning(double standardError, bool raised)
    {
        // log Z = 0, 0, 3 with per-run error s: mean 1, sum (x - mean)^2 / s^2 = 6 / s^2, against the 0.999 quantile of
        // chi-square on 2 degrees of freedom, -2 ln(0.001) = 13.8155. So the warning appears for s below
        // sqrt(6 / 13.8155) = 0.65902: 6 / 0.65^2 = 14.20 raises it, 6 / 0.67^2 = 13.37 does not.
        var combined = Estimates.FromRepetitions("smc", [Run(0.0, standardError), Run(0.0, standardError), Run(3.0, standardError)]);
        Assert.Equal(raised, combined.Warnings.Exists(w => w.Code == EstimateWarnings.InconsistentRepetitions));
    }

    [Fact]
    public void Runs_without_a_finite_error_never_raise_the_inconsistent_repetitions_warning()
    {
        var combined = Estimates.FromRepetitions("smc", [Run(0.0, 0.0), Run(5.0, 0.0)]);
        Assert.DoesNotContain(combined.Warnings, w => w.Code == EstimateWarnings.InconsistentRepetitions);
        Assert.Equal(2.5, combined.StandardError, 1e-15);
    }

    [Fact]
    public void Fewer_than_two_runs_are_a_programmer_error()
    {
        Assert.Throws<ArgumentException>(() => Estimates.FromRepetitions("smc", [Run(1.0, 1.0)]));
    }

    [Fact]
    public void Log_weights_add_the_offset_to_the_log_mean_weight_and_keep_the_weight_summary()
    {
        // The four weights 1, 2, 3, 6 of the WeightSummary example, behind a base log Z_0 = 5.
        var logWeights = Vec.Of(0.0, Math.Log(2), Math.Log(3), Math.Log(6));
        var estimate = Estimates.FromLogWeights("ais", 1.0, 5.0, logWeights, 40, Seq1(EstimateWarnings.Of(EstimateWarnings.StepLimit, "first")));
        Assert.Equal(5 + Math.Log(3), estimate.LogZ, 1e-14);
        Assert.Equal(Math.Sqrt(14.0 / 3) / 6, estimate.StandardError, 1e-15);
        Assert.Equal((2.88, 0.5), (Math.Round(estimate.Ess, 12), estimate.MaxNormalisedWeight));
        Assert.Equal((4, 40L, ErrorSource.DeltaMethod), (estimate.Samples, estimate.EnergyEvaluations, estimate.ErrorSource));
        Assert.Equal(logWeights, estimate.LogWeights);
        Assert.Equal(EstimateWarnings.StepLimit, estimate.Warnings.Head.Code);
        Assert.DoesNotContain(estimate.Warnings, w => w.Code is EstimateWarnings.NonFiniteWeights or EstimateWarnings.WeightDegeneracy);
    }
}
