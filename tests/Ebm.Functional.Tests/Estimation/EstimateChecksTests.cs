using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Numerics;
using LanguageExt;
using Xunit;
using static LanguageExt.Prelude;
using Ebm.Functional.Estimators;

namespace Ebm.Functional.Tests.Estimation;

/// <summary>
/// Every <see cref="LogZEstimate"/>, whoever builds it, reports a log Z, standard error, ESS or interval that cannot be
/// right: never a silent "± 0", "± Infinity" or ESS of NaN.
/// </summary>
public sealed class EstimateChecksTests
{
    private static LogZEstimate Estimate(double logZ = 1.0, double standardError = 0.1, double ess = 50, ErrorSource source = ErrorSource.DeltaMethod) =>
        new("test", 1.0, logZ, standardError, source, ess, 0.05, 100, 1000, Seq<EstimateWarning>());

    [Fact]
    public void A_sound_estimate_has_no_warning_and_is_reliable()
    {
        var estimate = Estimate();
        Assert.True(estimate.IsClean);
        Assert.True(estimate.IsReliable);
        Assert.Empty(EstimateChecks.Of(estimate));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.PositiveInfinity)]
    public void A_log_Z_that_is_not_a_number_is_reported(double logZ)
    {
        var warning = Assert.Single(Estimate(logZ).Warnings, w => w.Code == EstimateWarnings.NonFiniteEstimate);
        Assert.Contains("do not trust", warning.Message);
        Assert.False(Estimate(logZ).IsReliable);
    }

    [Fact]
    public void An_interval_that_overflows_is_reported()
    {
        var estimate = Estimate(1e308, 1e308);
        Assert.Contains(estimate.Warnings, w => w.Code == EstimateWarnings.NonFiniteEstimate && w.Message.Contains("interval"));
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(double.PositiveInfinity, "infinite")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(-1.0, "-1")]
    public void A_standard_error_that_is_zero_infinite_or_not_a_number_is_reported(double standardError, string said)
    {
        var estimate = Estimate(standardError: standardError);
        var warning = Assert.Single(estimate.Warnings, w => w.Code == EstimateWarnings.InvalidStandardError);
        Assert.Contains(said, warning.Message);
        Assert.Contains("do not trust", warning.Message);
        Assert.False(estimate.IsReliable);
    }

    [Fact]
    public void An_exact_value_may_have_a_zero_error()
    {
        Assert.True(Estimate(standardError: 0.0, source: ErrorSource.Exact).IsClean);
    }

    [Fact]
    public void An_infinite_error_already_explained_by_few_samples_is_not_reported_twice()
    {
        var estimate = Estimate(standardError: double.PositiveInfinity) with
        {
            Warnings = Seq1(EstimateWarnings.Of(EstimateWarnings.FewSamples, "one weight")),
        };
        Assert.Equal([EstimateWarnings.FewSamples], estimate.Warnings.Map(w => w.Code).ToArray());
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(double.PositiveInfinity)]
    public void An_ess_that_is_not_a_positive_number_is_reported(double ess)
    {
        Assert.Contains(Estimate(ess: ess).Warnings, w => w.Code == EstimateWarnings.InvalidEss);
    }

    [Fact]
    public void Changing_an_estimate_with_with_cannot_escape_the_checks_nor_repeat_them()
    {
        var sound = Estimate();
        var broken = sound with { StandardError = 0.0 };
        Assert.Contains(broken.Warnings, w => w.Code == EstimateWarnings.InvalidStandardError);
        var rewrapped = broken with { Warnings = broken.Warnings };
        Assert.Single(rewrapped.Warnings, w => w.Code == EstimateWarnings.InvalidStandardError);
        Assert.True((broken with { StandardError = 0.2 }).IsClean);
    }

    [Fact]
    public void Repetitions_do_not_inherit_their_runs_missing_errors_but_keep_their_own_warnings()
    {
        // Resampled SMC runs have no standard error of their own; the repetitions' spread supplies one.
        var degenerate = EstimateWarnings.Of(EstimateWarnings.WeightDegeneracy, "a few weights");
        var runs = new[]
        {
            Estimate(1.0, double.PositiveInfinity) with { Warnings = Seq1(degenerate) },
            Estimate(1.2, double.PositiveInfinity),
        };
        var combined = Estimates.FromRepetitions("smc", runs);
        Assert.Equal([EstimateWarnings.WeightDegeneracy], combined.Warnings.Map(w => w.Code).ToArray());
        Assert.Contains(runs[1].Warnings, w => w.Code == EstimateWarnings.InvalidStandardError);
    }

    [Fact]
    public void The_sandwich_keeps_what_the_checks_say_about_its_parts()
    {
        var sandwich = Sandwich.Combine(Estimate(1.0, 0.0), Estimate(1.1, 0.1));
        Assert.Contains(sandwich.Warnings, w => w.Code == EstimateWarnings.InvalidStandardError);
    }

    [Fact]
    public void Only_caveats_that_leave_the_number_usable_are_not_marked_unreliable()
    {
        Assert.False(EstimateWarnings.IsUnreliable(EstimateWarnings.ApproximateTargetSamples));
        Assert.False(EstimateWarnings.IsUnreliable(EstimateWarnings.InconsistentRepetitions));
        foreach (var code in new[]
                 {
                     EstimateWarnings.WeightDegeneracy, EstimateWarnings.SamplerFailure, EstimateWarnings.PoorMixing, EstimateWarnings.BridgeNotConverged,
                     EstimateWarnings.DiscretisationError, EstimateWarnings.InvalidStandardError, EstimateWarnings.InvalidEss, EstimateWarnings.NonFiniteEstimate,
                 })
            Assert.True(EstimateWarnings.IsUnreliable(code), code);
    }

    [Fact]
    public void A_warning_that_means_do_not_trust_says_so_and_a_caveat_does_not()
    {
        foreach (var code in new[] { EstimateWarnings.StepLimit, EstimateWarnings.FewSamples, EstimateWarnings.NonFiniteWeights, EstimateWarnings.BoundGap })
        {
            Assert.EndsWith("do not trust this estimate", EstimateWarnings.Of(code, "something went wrong.").Message);
            Assert.EndsWith("do not trust this estimate", (EstimateWarnings.Of(code, "a") with { Message = "b" }).Message);
        }

        Assert.Equal("x; do not trust it", EstimateWarnings.Of(EstimateWarnings.WeightDegeneracy, "x; do not trust it").Message);
        Assert.Equal("from MCMC draws", EstimateWarnings.Of(EstimateWarnings.ApproximateTargetSamples, "from MCMC draws").Message);
    }

    [Fact]
    public void Weights_that_are_all_zero_give_a_non_finite_estimate_that_says_so()
    {
        var estimate = Estimates.FromLogWeights("is", 1.0, 0.0, Vec.Filled(10, double.NegativeInfinity), 10);
        var codes = estimate.Warnings.Map(w => w.Code).ToArray();
        Assert.Contains(EstimateWarnings.NonFiniteEstimate, codes);
        Assert.Contains(EstimateWarnings.InvalidStandardError, codes);
    }
}
