using Ebm.Functional.Mcmc.Adaptation;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Tests.Mcmc.Adaptation;

/// <summary>Stan's warm-up windows and its regularised variance, against the numbers Stan's rules give.</summary>
public sealed class WindowScheduleTests
{
    [Fact]
    public void A_thousand_iterations_give_stans_five_doubling_windows()
    {
        var schedule = WindowSchedule.Stan(1000);
        Assert.Equal([new(75, 100), new(100, 150), new(150, 250), new(250, 450), new(450, 950)], schedule.Windows);
        Assert.Equal(75, schedule.InitialBuffer);
        Assert.Equal(50, schedule.TerminalBuffer);
    }

    [Theory]
    [InlineData(100, 15, 10, new[] { 15, 90 })]
    [InlineData(150, 75, 50, new[] { 75, 100 })]
    [InlineData(170, 75, 50, new[] { 75, 100, 100, 120 })]
    [InlineData(200, 75, 50, new[] { 75, 100, 100, 150 })]
    [InlineData(20, 3, 2, new[] { 3, 18 })]
    [InlineData(19, 19, 0, new int[0])]
    [InlineData(0, 0, 0, new int[0])]
    public void Short_warm_ups_follow_stans_rules(int warmup, int initial, int terminal, int[] bounds)
    {
        // 170: the first window keeps its 25 iterations and the second is cut at the terminal buffer (Stan never stretches
        // the first); below 150 the buffers are 15 % and 10 %; below 20 no window opens.
        var schedule = WindowSchedule.Stan(warmup);
        Assert.Equal(initial, schedule.InitialBuffer);
        Assert.Equal(terminal, schedule.TerminalBuffer);
        Assert.Equal(bounds.Chunk(2).Select(b => new AdaptationWindow(b[0], b[1])), schedule.Windows);
    }

    [Fact]
    public void The_variance_accumulator_matches_the_two_pass_formula_and_stans_regularisation()
    {
        double[][] rows = [[1.0, -2.0], [3.0, 0.5], [2.5, 4.0], [-1.0, 1.0], [0.0, 0.0], [7.0, -3.0], [1.5, 2.5]];
        var all = VarianceAccumulator.Empty(2).Add(Mat.FromRows(rows));
        var inTwo = VarianceAccumulator.Empty(2).Add(Mat.FromRows(rows[..3])).Add(Mat.FromRows(rows[3..]));
        Assert.Equal(7, all.Count);
        for (var j = 0; j < 2; j++)
        {
            var mean = rows.Average(r => r[j]);
            var variance = rows.Sum(r => (r[j] - mean) * (r[j] - mean)) / 6;
            Assert.Equal(mean, all.Mean[j], 13);
            Assert.Equal(variance, all.SampleVariance()[j], 12);
            Assert.Equal(variance, inTwo.SampleVariance()[j], 12);
            Assert.Equal(7.0 / 12 * variance + 1e-3 * 5.0 / 12, all.RegularisedVariance()[j], 12);
        }
    }

    [Fact]
    public void The_end_of_a_window_sets_the_mass_and_restarts_dual_averaging()
    {
        var schedule = WindowSchedule.Stan(20);
        var positions = Mat.FromRows([[1.0, 2.0], [3.0, -2.0]]);
        var state = WindowAdaptation.Init(0.1, Vec.Of(1.0, 1.0));
        for (var t = 0; t < 18; t++)
        {
            state = WindowAdaptation.Update(schedule, DualAveragingSettings.Stan, state, 0.9, positions);
            if (t < 17)
            {
                Assert.Equal(Vec.Of(1.0, 1.0), state.InverseMassDiagonal);
                Assert.Equal(t + 1, state.StepSize.Iteration);
            }
        }

        // Window 3..17 saw 15 iterations x 2 chains of the two rows: per coordinate the sample variance of 15 copies of
        // each of two values a, b is (a - b)^2 / 4 * 30 / 29; then Stan's shrinkage with n = 30.
        var expected = new[] { 1.0, 2.0 }.Select(half => half * half * 30 / 29 * 30 / 35 + 1e-3 * 5 / 35).ToArray();
        Assert.Equal(expected[0], state.InverseMassDiagonal[0], 12);
        Assert.Equal(expected[1], state.InverseMassDiagonal[1], 12);
        Assert.Equal(0, state.StepSize.Iteration);
        Assert.Equal(0, state.Variance.Count);
        Assert.Equal(Math.Log(10) + state.StepSize.LogStepSize, state.StepSize.Mu, 12);
    }
}
