using Ebm.Functional.Mcmc.Adaptation;

namespace Ebm.Functional.Tests.Mcmc.Adaptation;

/// <summary>Dual averaging follows Hoffman and Gelman's equations and drives a known acceptance curve to its target.</summary>
public sealed class DualAveragingTests
{
    [Fact]
    public void The_first_update_matches_the_worked_numbers()
    {
        // h0 = 0.1: mu = log 1 = 0; alpha = 0.3, delta = 0.8: H-bar_1 = 0.5 / 11, log h_1 = -H-bar_1 / 0.05 = -10 / 11.
        var state = DualAveraging.Update(DualAveragingSettings.Stan, DualAveraging.Init(0.1), 0.3);
        Assert.Equal(1, state.Iteration);
        Assert.Equal(0.5 / 11, state.AverageGap, 15);
        Assert.Equal(-10.0 / 11, state.LogStepSize, 14);
        Assert.Equal(state.LogStepSize, state.LogAverageStepSize, 15);
        Assert.Equal(Math.Log(1.0), state.Mu, 15);

        // Second update, alpha = 1: H-bar_2 = (11/12) H-bar_1 + (0.8 - 1) / 12, log h_2 = -sqrt(2) H-bar_2 / 0.05,
        // log h-bar_2 = 2^-0.75 log h_2 + (1 - 2^-0.75) log h-bar_1.
        var second = DualAveraging.Update(DualAveragingSettings.Stan, state, 1.0);
        var gap = 11.0 / 12 * (0.5 / 11) - 0.2 / 12;
        Assert.Equal(gap, second.AverageGap, 15);
        Assert.Equal(-Math.Sqrt(2) * gap / 0.05, second.LogStepSize, 13);
        var w = Math.Pow(2, -0.75);
        Assert.Equal(w * second.LogStepSize + (1 - w) * (-10.0 / 11), second.LogAverageStepSize, 13);
    }

    [Fact]
    public void Acceptance_above_one_counts_as_one_and_nan_as_zero()
    {
        var start = DualAveraging.Init(0.5);
        Assert.Equal(DualAveraging.Update(DualAveragingSettings.Stan, start, 1.0), DualAveraging.Update(DualAveragingSettings.Stan, start, 7.0));
        Assert.Equal(DualAveraging.Update(DualAveragingSettings.Stan, start, 0.0), DualAveraging.Update(DualAveragingSettings.Stan, start, double.NaN));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void A_target_that_never_or_always_accepts_keeps_a_positive_finite_step_size(double acceptance)
    {
        // Unclamped, 10,000 rejections give log h = log 1 - sqrt(1e4) * 0.8 / 0.05 = -1600: h = 0, which no kernel accepts.
        var state = DualAveraging.Init(0.1);
        for (var m = 0; m < 10_000; m++) state = DualAveraging.Update(DualAveragingSettings.Stan, state, acceptance);
        Assert.True(state.StepSize > 0 && double.IsFinite(state.StepSize), $"h = {state.StepSize:R}");
        Assert.True(state.AverageStepSize > 0 && double.IsFinite(state.AverageStepSize), $"h-bar = {state.AverageStepSize:R}");
        Assert.True(DualAveraging.Init(state.StepSize).StepSize > 0);
    }

    /// <summary>
    /// A deterministic acceptance curve alpha(h) = exp(-h^2) (falling, like a leapfrog's) has its target at
    /// h* = sqrt(-log delta): 0.47238 for delta = 0.8 and 0.65640 for delta = 0.65. The averaged step size is
    /// within 1 % of h* after 2,000 updates from h0 = 0.01 and from h0 = 10 (dual averaging's iterates settle like
    /// 1 / sqrt(m), so the average's error falls below 1 % well before that).
    /// </summary>
    [Theory]
    [InlineData(0.8, 0.01)]
    [InlineData(0.8, 10.0)]
    [InlineData(0.65, 0.01)]
    [InlineData(0.65, 10.0)]
    public void The_average_step_size_reaches_the_target_of_a_known_acceptance_curve(double target, double initial)
    {
        var settings = DualAveragingSettings.Stan with { TargetAcceptance = target };
        var state = DualAveraging.Init(initial);
        for (var m = 0; m < 2000; m++) state = DualAveraging.Update(settings, state, Math.Exp(-state.StepSize * state.StepSize));
        var exact = Math.Sqrt(-Math.Log(target));
        Assert.True(Math.Abs(state.AverageStepSize / exact - 1) < 0.01, $"h-bar {state.AverageStepSize:R}, exact {exact:R}");
    }
}
