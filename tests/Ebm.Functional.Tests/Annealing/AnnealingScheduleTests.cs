using Ebm.Functional.Annealing;
using Xunit;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;

namespace Ebm.Functional.Tests.Annealing;

/// <summary>
/// Every named schedule point by point against its formula, written here independently of the implementation:
/// point counts, segment boundaries and values.
/// </summary>
public sealed class AnnealingScheduleTests
{
    [Fact]
    public void Salakhutdinov_murray_has_14501_points_in_steps_of_1e_3_to_one_half_1e_4_to_nine_tenths_and_1e_5_to_one()
    {
        // 0.5 / 1e-3 = 500 steps, (0.9 - 0.5) / 1e-4 = 4,000, (1 - 0.9) / 1e-5 = 10,000: 14,500 steps, 14,501 points.
        var schedule = AnnealingSchedule.SalakhutdinovMurray;
        Assert.Equal("salakhutdinov-murray", schedule.Name);
        Assert.Equal(14_500, schedule.Steps);
        Assert.Equal(14_501, schedule.Points.Length);
        for (var k = 0; k <= 14_500; k++)
        {
            var expected = k <= 500 ? k * 1e-3 : k <= 4_500 ? 0.5 + (k - 500) * 1e-4 : 0.9 + (k - 4_500) * 1e-5;
            Assert.True(Math.Abs(schedule[k] - expected) <= 1e-15, $"t_{k} = {schedule[k]:R}, expected {expected:R}");
        }

        // The segment ends are exact, and the steps have the stated sizes on either side of them.
        Assert.Equal((0.0, 0.5, 0.9, 1.0), (schedule[0], schedule[500], schedule[4_500], schedule[14_500]));
        Assert.Equal(1e-3, schedule[500] - schedule[499], 1e-15);
        Assert.Equal(1e-4, schedule[501] - schedule[500], 1e-15);
        Assert.Equal(1e-4, schedule[4_500] - schedule[4_499], 1e-15);
        Assert.Equal(1e-5, schedule[4_501] - schedule[4_500], 1e-15);
        Assert.Equal(1e-5, schedule[14_500] - schedule[14_499], 1e-15);
    }

    [Fact]
    public void Geometric_points_are_zero_then_powers_of_the_start_with_a_constant_ratio_up_to_one()
    {
        // K = 5, start 1e-3: t_k = (1e-3)^((5 - k) / 4) for k = 1..4, i.e. 10^-3, 10^-2.25, 10^-1.5, 10^-0.75, then 1.
        var schedule = Valid(AnnealingSchedule.Geometric(5, 1e-3));
        Assert.Equal("geometric", schedule.Name);
        double[] expected = [0.0, 1e-3, 0.005623413251903491, 0.03162277660168379, 0.1778279410038923, 1.0];
        Assert.Equal(expected.Length, schedule.Points.Length);
        for (var k = 0; k < expected.Length; k++) Assert.Equal(expected[k], schedule[k], 1e-16 + 1e-15 * expected[k]);
        for (var k = 1; k < 5; k++) Assert.Equal(Math.Pow(10, 0.75), schedule[k + 1] / schedule[k], 1e-13);
    }

    [Theory]
    [InlineData(1, new[] { 0.0, 1.0 })]
    [InlineData(2, new[] { 0.0, 0.01, 1.0 })]
    [InlineData(3, new[] { 0.0, 0.01, 0.1, 1.0 })]
    public void Short_geometric_schedules_start_at_the_start(int steps, double[] expected)
    {
        var schedule = Valid(AnnealingSchedule.Geometric(steps, 0.01));
        Assert.Equal(expected.Length, schedule.Points.Length);
        for (var k = 0; k < expected.Length; k++) Assert.Equal(expected[k], schedule[k], 1e-16);
    }

    [Fact]
    public void Sigmoid_points_are_the_rescaled_logistic_of_an_even_grid()
    {
        // K = 4, width 4: s_k = 1 / (1 + e^-x) at x = -4, -2, 0, 2, 4, rescaled to (s_k - s_0) / (s_4 - s_0):
        // s = 0.01798621, 0.11920292, 0.5, 0.88079708, 0.98201379, so t_1 = 0.10121671 / 0.96402758 = 0.10499, t_2 = 1/2, t_3 = 0.89501.
        var schedule = Valid(AnnealingSchedule.Sigmoid(4, 4.0));
        Assert.Equal("sigmoid", schedule.Name);
        static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
        var (low, high) = (Logistic(-4), Logistic(4));
        Assert.Equal(5, schedule.Points.Length);
        for (var k = 0; k <= 4; k++) Assert.Equal((Logistic(4 * (2.0 * k / 4 - 1)) - low) / (high - low), schedule[k], 1e-15);
        Assert.Equal(0.10499, schedule[1], 5e-6);
        Assert.Equal(0.5, schedule[2], 1e-15);
        Assert.Equal((0.0, 1.0), (schedule[0], schedule[4]));
    }

    [Theory]
    [InlineData(10, 2.0)]
    [InlineData(101, 6.0)]
    public void Sigmoid_schedules_are_symmetric_about_one_half(int steps, double width)
    {
        var schedule = Valid(AnnealingSchedule.Sigmoid(steps, width));
        for (var k = 0; k <= steps; k++) Assert.Equal(1.0, schedule[k] + schedule[steps - k], 1e-14);
    }

    [Fact]
    public void Linear_and_piecewise_points_are_evenly_spaced_within_each_piece()
    {
        var linear = Valid(AnnealingSchedule.Linear(8));
        for (var k = 0; k <= 8; k++) Assert.Equal(k / 8.0, linear[k]);

        // From 0 to 0.25 in 1 step, to 0.75 in 2, to 1 in 5.
        var piecewise = Valid(AnnealingSchedule.Piecewise((0.25, 1), (0.75, 2), (1.0, 5)));
        double[] expected = [0.0, 0.25, 0.5, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0];
        Assert.Equal(expected.Length, piecewise.Points.Length);
        for (var k = 0; k < expected.Length; k++) Assert.Equal(expected[k], piecewise[k], 1e-15);
    }
}
