using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using static Ebm.Functional.Tests.Optim.OptimTesting;

namespace Ebm.Functional.Tests.Optim;

/// <summary>The schedules' values at chosen steps, from their closed forms, and the step count kept in the state.</summary>
public class ScheduleTests
{
    [Fact]
    public void Constant_is_the_same_at_every_step()
    {
        var s = Valid(Schedules.Constant(0.3));
        Assert.All(new long[] { 0, 1, 1000 }, step => Assert.Equal(0.3, s(step)));
    }

    [Fact]
    public void Linear_decay_interpolates_then_stays_at_the_final_value()
    {
        var s = Valid(Schedules.LinearDecay(1.0, 0.0, 4));
        Assert.Equal([1.0, 0.75, 0.5, 0.25, 0.0, 0.0], new long[] { 0, 1, 2, 3, 4, 100 }.Select(t => s(t)));
    }

    [Fact]
    public void Cosine_decay_falls_from_the_initial_value_to_alpha_times_it()
    {
        var s = Valid(Schedules.CosineDecay(2.0, 10, alpha: 0.1));
        Assert.Equal(2.0, s(0), 15);
        // Halfway cos(pi/2) = 0: 2 ((1 - 0.1) / 2 + 0.1) = 1.1.
        Assert.Equal(1.1, s(5), 15);
        Assert.Equal(0.2, s(10), 15);
        Assert.Equal(0.2, s(50), 15);
    }

    [Fact]
    public void Warmup_rises_linearly_then_hands_over_to_the_next_schedule()
    {
        var s = Valid(Schedules.Warmup(0.0, 4, Valid(Schedules.LinearDecay(1.0, 0.5, 2))));
        Assert.Equal([0.0, 0.25, 0.5, 0.75, 1.0, 0.75, 0.5, 0.5], new long[] { 0, 1, 2, 3, 4, 5, 6, 7 }.Select(t => s(t)));
    }

    [Fact]
    public void Scale_by_schedule_counts_its_steps_in_the_state()
    {
        var scale = Transforms.ScaleBySchedule(Valid(Schedules.LinearDecay(1.0, 0.0, 2)));
        var g = Vec.Of(2.0);
        var updates = Updates(scale, Vec.Zeros(1), [g, g, g]);
        Assert.Equal([2.0, 1.0, 0.0], updates.Select(u => u[0]));
    }
}
