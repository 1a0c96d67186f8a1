using Ebm.Functional.Annealing;
using Ebm.Functional.Numerics;
using Xunit;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;

namespace Ebm.Functional.Tests.Annealing;

/// <summary>Every cooling shape against its formula, written here independently, with its worked numbers and its errors.</summary>
public sealed class CoolingScheduleTests
{
    [Fact]
    public void Geometric_from_10_to_a_tenth_over_three_sweeps_is_10_1_and_a_tenth()
    {
        var schedule = Valid(CoolingSchedule.Geometric(10, 0.1, 3));
        Assert.Equal("geometric", schedule.Name);
        Assert.Equal(3, schedule.Sweeps);
        Assert.Equal(10.0, schedule.Temperature(0));
        Assert.Equal(1.0, schedule.Temperature(1), 1e-14);
        Assert.Equal(0.1, schedule.Temperature(2), 1e-15);
    }

    [Fact]
    public void Geometric_temperatures_fall_by_a_constant_ratio()
    {
        // T0 = 4, T1 = 0.25, K = 5: ratio (1/16)^(1/4) = 1/2, so T = 4, 2, 1, 0.5, 0.25.
        var schedule = Valid(CoolingSchedule.Geometric(4, 0.25, 5));
        double[] expected = [4, 2, 1, 0.5, 0.25];
        for (var k = 0; k < 5; k++) Assert.Equal(1.0 / expected[k], schedule.Betas[k], 1e-14);
    }

    [Fact]
    public void Linear_temperatures_take_equal_steps()
    {
        var schedule = Valid(CoolingSchedule.Linear(2, 0.5, 4));
        double[] expected = [2, 1.5, 1, 0.5];
        for (var k = 0; k < 4; k++) Assert.Equal(expected[k], schedule.Temperature(k), 1e-14);
    }

    [Fact]
    public void Exponential_relaxes_toward_the_final_temperature_at_its_rate()
    {
        // r = ln 4, T0 = 5, T1 = 1, K = 3: e^-r = 1/4; at u = 1/2, (e^(-r/2) - 1/4) / (3/4) = (1/2 - 1/4) / (3/4) = 1/3,
        // so T = 1 + 4/3.
        var schedule = Valid(CoolingSchedule.Exponential(5, 1, 3, Math.Log(4)));
        Assert.Equal(5.0, schedule.Temperature(0));
        Assert.Equal(1.0 + 4.0 / 3.0, schedule.Temperature(1), 1e-14);
        Assert.Equal(1.0, schedule.Temperature(2));
    }

    [Fact]
    public void Logarithmic_from_2_to_1_over_three_sweeps_has_offset_2()
    {
        // ln(2 + d) / ln d = 2 gives d = 2 and c = 2 ln 2: T_1 = 2 ln 2 / ln 3.
        var schedule = Valid(CoolingSchedule.Logarithmic(2, 1, 3));
        Assert.Equal(2.0, schedule.Temperature(0));
        Assert.Equal(2 * Math.Log(2) / Math.Log(3), schedule.Temperature(1), 1e-12);
        Assert.Equal(1.0, schedule.Temperature(2));
    }

    [Fact]
    public void Logarithmic_over_many_sweeps_is_c_over_the_log_of_k_plus_d()
    {
        // T_k ln(k + d) is the same constant c for every k: the Geman-Geman shape with both ends pinned.
        var schedule = Valid(CoolingSchedule.Logarithmic(10, 0.5, 1000));
        var products = Enumerable.Range(0, 1000).Select(k => schedule.Temperature(k)).ToArray();
        Assert.Equal(0.5, products[^1]);
        var d = Offset(products[0], products[1]);
        var c = 10 * Math.Log(d);
        for (var k = 1; k < 999; k++) Assert.Equal(c / Math.Log(k + d), products[k], 1e-9 * products[k]);
    }

    [Theory]
    [InlineData("geometric")]
    [InlineData("linear")]
    [InlineData("exponential")]
    [InlineData("logarithmic")]
    public void Every_shape_starts_at_t0_ends_at_t1_and_never_warms(string shape)
    {
        var schedule = Valid(CoolingSchedule.Named(shape, 3.0, 0.02, 257));
        Assert.Equal(shape, schedule.Name);
        Assert.Equal(1.0 / 3.0, schedule.Betas[0]);
        Assert.Equal(1.0 / 0.02, schedule.Betas[256]);
        for (var k = 1; k < 257; k++) Assert.True(schedule.Betas[k] >= schedule.Betas[k - 1], $"{shape}: beta falls at sweep {k}");
    }

    [Fact]
    public void A_path_of_annealed_importance_sampling_becomes_betas_from_zero()
    {
        var path = Valid(AnnealingSchedule.Linear(4));
        var schedule = Valid(CoolingSchedule.FromPath(path, 2.0));
        Assert.Equal("path:linear", schedule.Name);
        Assert.Equal([0.0, 0.5, 1.0, 1.5, 2.0], schedule.Betas.ToArray());
        Assert.True(double.IsPositiveInfinity(schedule.Temperature(0)));
    }

    [Fact]
    public void Reheating_repeats_the_schedule()
    {
        var once = Valid(CoolingSchedule.Linear(2, 1, 2));
        var thrice = Valid(once.Reheated(3));
        Assert.Equal("linear x3", thrice.Name);
        Assert.Equal([0.5, 1.0, 0.5, 1.0, 0.5, 1.0], thrice.Betas.ToArray());
        Assert.Same(once, Valid(once.Reheated(1)));
    }

    [Theory]
    [InlineData(0.0, 1.0, 10, "T0 is positive")]
    [InlineData(1.0, 2.0, 10, "must not exceed T0")]
    [InlineData(1.0, double.NaN, 10, "T1 is positive")]
    [InlineData(2.0, 1.0, 1, "at least 2 sweeps")]
    public void Bad_ends_and_sweeps_are_refused_by_name(double t0, double t1, int sweeps, string why)
    {
        foreach (var shape in CoolingSchedule.Shapes)
        {
            var errors = Failures(CoolingSchedule.Named(shape, t0, t1, sweeps));
            Assert.Contains(errors, e => e.Code == SimulatedAnnealingErrors.InvalidCoolingCode && e.Message.Contains(why, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Unknown_shapes_bad_rates_cycles_and_betas_are_refused()
    {
        Assert.Contains("expected one of geometric, linear, exponential, logarithmic", Failures(CoolingSchedule.Named("cubic", 2, 1, 5)).Head.Message);
        Assert.Contains("rate", Failures(CoolingSchedule.Exponential(2, 1, 5, 0)).Head.Message);
        Assert.Contains("cycles", Failures(Valid(CoolingSchedule.Linear(2, 1, 5)).Reheated(0)).Head.Message);
        Assert.Contains("sweep 1", Failures(CoolingSchedule.Create(Vec.Of(1, -1))).Head.Message);
        Assert.Contains("final beta", Failures(CoolingSchedule.FromPath(Valid(AnnealingSchedule.Linear(2)), 0)).Head.Message);
    }

    // From T_0 = c / ln d and T_1 = c / ln(1 + d): T_0 ln d = T_1 ln(1 + d), solved by bisection here.
    private static double Offset(double t0, double t1)
    {
        double low = 1 + 1e-12, high = 1e12;
        for (var i = 0; i < 300; i++)
        {
            var middle = Math.Sqrt(low * high);
            if (t0 * Math.Log(middle) < t1 * Math.Log(1 + middle)) low = middle;
            else high = middle;
        }

        return Math.Sqrt(low * high);
    }
}
