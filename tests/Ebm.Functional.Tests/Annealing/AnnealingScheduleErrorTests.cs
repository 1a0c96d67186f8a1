using Ebm.Functional.Annealing;
using LanguageExt;
using LanguageExt.Common;
using Xunit;

namespace Ebm.Functional.Tests.Annealing;

/// <summary>
/// The schedule factories return their problems as values (<see cref="AnnealingErrors.InvalidSchedule"/>), one per
/// problem, and never throw on user input.
/// </summary>
public sealed class AnnealingScheduleErrorTests
{
    private static Seq<Error> Failures(Func<Validation<Error, AnnealingSchedule>> make)
    {
        var result = make();
        Assert.True(result.IsFail, "an invalid schedule is an error value");
        var errors = result.Match(_ => Seq<Error>.Empty, e => e);
        Assert.All(errors, e => Assert.Equal(AnnealingErrors.InvalidScheduleCode, e.Code));
        return errors;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(int.MinValue)]
    public void Named_schedules_without_steps_are_error_values(int steps)
    {
        Assert.Contains("at least one step", Failures(() => AnnealingSchedule.Linear(steps)).Single().Message);
        Assert.Single(Failures(() => AnnealingSchedule.Geometric(steps)));
        Assert.Single(Failures(() => AnnealingSchedule.Sigmoid(steps)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void A_geometric_start_outside_the_open_unit_interval_is_an_error_value(double start) =>
        Assert.Contains("geometric start", Failures(() => AnnealingSchedule.Geometric(10, start)).Single().Message);

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void A_sigmoid_width_that_is_not_positive_and_finite_is_an_error_value(double width) =>
        Assert.Contains("sigmoid width", Failures(() => AnnealingSchedule.Sigmoid(10, width)).Single().Message);

    [Fact]
    public void Every_problem_is_reported_at_once() =>
        Assert.Equal(2, Failures(() => AnnealingSchedule.Geometric(0, 2.0)).Count);

    [Fact]
    public void Piecewise_reports_each_bad_piece_and_a_missing_end()
    {
        Assert.Single(Failures(() => AnnealingSchedule.Piecewise()));
        // A piece without steps, a piece that goes back (0.3 after 0.5), and a last end of 0.9.
        var errors = Failures(() => AnnealingSchedule.Piecewise((0.5, 0), (0.3, 2), (0.9, 3)));
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Message.Contains("0 steps"));
        Assert.Contains(errors, e => e.Message.Contains("0.3 follows 0.5"));
        Assert.Contains(errors, e => e.Message.Contains("end at 1"));
        // An end past 1 is both out of (0, 1] and not the required last end of 1.
        Assert.Equal(2, Failures(() => AnnealingSchedule.Piecewise((1.5, 2))).Count);
    }

    [Fact]
    public void Valid_arguments_still_give_schedules_from_zero_to_one()
    {
        foreach (var schedule in new[] { AnnealingSchedule.Linear(1), AnnealingSchedule.Geometric(1), AnnealingSchedule.Sigmoid(3), AnnealingSchedule.Piecewise((1.0, 1)) })
            Assert.True(schedule.Match(s => s[0] == 0.0 && s[s.Steps] == 1.0, _ => false));
    }
}
