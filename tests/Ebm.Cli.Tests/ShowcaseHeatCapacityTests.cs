using Ebm.Cli.Showcase;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;

namespace Ebm.Cli.Tests;

/// <summary>The showcase's sampled heat capacity of the 8 x 8 torus, against Kaufman's exact finite-lattice value.</summary>
public sealed class ShowcaseHeatCapacityTests
{
    /// <summary>
    /// |z| at most 4 standard errors: for a normal estimate the false-failure probability is 6.3e-5 per temperature,
    /// under 4e-4 for the six of the table (the jackknife error itself is uncertain by about 16 %, G = 20 groups).
    /// </summary>
    private const double Sigmas = 4.0;

    private static ShowcaseHeatCapacity.Sweep Sweep(ulong seed) =>
        ShowcaseHeatCapacity.Run(seed).Match(x => x, e => throw new InvalidOperationException(e.Message));

    [Fact]
    public void The_sampled_heat_capacity_lies_within_four_standard_errors_of_the_exact_one_at_every_temperature()
    {
        var sweep = Sweep(ShowcaseJob.DefaultSeed);
        var model = IsingModel.Create(ShowcaseHeatCapacity.Side, ShowcaseHeatCapacity.Side, 1.0, 0.0, Boundary.Periodic)
            .Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

        Assert.Equal(ShowcaseHeatCapacity.Temperatures.Order(), sweep.Sampled.Map(p => p.Temperature).Order(), new ToleranceComparer(1e-12));
        Assert.Equal(model.Dimension, sweep.Units);
        foreach (var (sampled, exact) in sweep.Sampled.Zip(sweep.ExactAtSampled))
        {
            // The exact column is the transfer matrix here, independent of the Kaufman values the showcase prints.
            var reference = LogPartition.Exact(model, sampled.Beta, ExactMethod.TransferMatrix).Match(r => r.HeatCapacity, e => throw new InvalidOperationException(e.Message));
            Assert.Equal(sampled.Beta, exact.Beta);
            Assert.Equal(reference, exact.HeatCapacity.Value, 1e-8 * reference);
            var c = sampled.HeatCapacity;
            Assert.True(c.Error > 0 && double.IsFinite(c.Error), $"T = {sampled.Temperature}: error {c.Error}");
            Assert.InRange((c.Value - reference) / c.Error, -Sigmas, Sigmas);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_bits_and_another_seed_other_numbers()
    {
        var a = Sweep(ShowcaseJob.DefaultSeed);
        var b = Sweep(ShowcaseJob.DefaultSeed);
        var c = Sweep(7);
        Assert.Equal(a.Sampled.Map(p => p.HeatCapacity), b.Sampled.Map(p => p.HeatCapacity));
        Assert.Equal(a.Curve.Map(p => p.HeatCapacity), b.Curve.Map(p => p.HeatCapacity));
        Assert.NotEqual(a.Sampled.Map(p => p.HeatCapacity.Value), c.Sampled.Map(p => p.HeatCapacity.Value));
    }

    [Fact]
    public void The_plot_curves_cover_the_table_temperatures()
    {
        var sweep = Sweep(ShowcaseJob.DefaultSeed);
        Assert.Equal(ShowcaseHeatCapacity.CurvePoints, sweep.Curve.Count);
        Assert.Equal(ShowcaseHeatCapacity.CurvePoints, sweep.ExactCurve.Count);
        Assert.Equal(ShowcaseHeatCapacity.Temperatures.Min(), sweep.Curve.Map(p => p.Temperature).Min(), 1e-12);
        Assert.Equal(ShowcaseHeatCapacity.Temperatures.Max(), sweep.Curve.Map(p => p.Temperature).Max(), 1e-12);
        Assert.All(ShowcaseHeatCapacity.Temperatures, t => Assert.InRange(1 / t, 0, ShowcaseHeatCapacity.Grid[^1]));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
