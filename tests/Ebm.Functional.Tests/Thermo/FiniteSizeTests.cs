using Ebm.Functional.Exact;
using Ebm.Functional.Prng;
using Ebm.Functional.Thermo;
using static Ebm.Functional.Tests.Thermo.ThermoSweepTests;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Thermo;

/// <summary>Heat-capacity peaks and Binder crossings on exact, synthetic and sampled curves.</summary>
public sealed class FiniteSizeTests
{
    /// <summary>Onsager's beta_c = ln(1 + sqrt 2) / 2 of the square lattice with J = 1.</summary>
    private static readonly double CriticalBeta = Math.Log(1 + Math.Sqrt(2)) / 2;

    private static ThermoPoint Point(double beta, double heat, double heatError = 0, double binder = 0, double binderError = 0) =>
        new("test", beta, Measured.Exact(0), Measured.Exact(0), Measured.Exact(0), Measured.Exact(0), new Measured(heat, heatError), None,
            Some(new OrderMoments(Measured.Exact(0), Measured.Exact(0), new Measured(binder, binderError))));

    [Fact]
    public void The_peak_of_a_parabola_is_its_vertex_with_any_spacing()
    {
        static double C(double b) => 5 - 100 * (b - 0.43) * (b - 0.43);
        var points = new[] { 0.40, 0.415, 0.44, 0.45 }.Select(b => Point(b, C(b))).ToArray();
        var peak = Ok(FiniteSize.HeatCapacityPeak(points));
        Assert.Equal(0.43, peak.Beta.Value, 1e-12);
        Assert.Equal(5.0, peak.Height.Value, 1e-12);
        Assert.Equal(0.0, peak.Beta.Error);
    }

    [Fact]
    public void The_peak_error_is_the_linear_propagation_of_the_point_errors()
    {
        // Equal spacing h, values (y0, y1, y2): vertex x1 + h (y0 - y2) / (2 (y0 - 2 y1 + y2)). With y = (4, 5, 4) and
        // sigma 0.1 on the two outer points only: |d vertex / d y0| = |h / (2 (y0 - 2 y1 + y2))| = 0.02 / 4 = 0.005 at y0 = y2, so
        // sigma = 0.1 x 0.005 x sqrt 2.
        var points = new[] { Point(0.40, 4, 0.1), Point(0.42, 5, 0), Point(0.44, 4, 0.1) };
        var peak = Ok(FiniteSize.HeatCapacityPeak(points));
        Assert.Equal(0.42, peak.Beta.Value, 1e-12);
        Assert.Equal(0.1 * 0.005 * Math.Sqrt(2), peak.Beta.Error, 1e-8);
    }

    [Fact]
    public void A_peak_at_the_end_of_the_grid_is_refused()
    {
        var rising = new[] { Point(0.1, 1), Point(0.2, 2), Point(0.3, 3) };
        Assert.Equal(ThermoErrors.InvalidBetasCode, FiniteSize.HeatCapacityPeak(rising).Match(_ => 0, e => e.Code));
        Assert.Equal(ThermoErrors.TooFewPointsCode, FiniteSize.HeatCapacityPeak(rising[..2]).Match(_ => 0, e => e.Code));
    }

    [Fact]
    public void Exact_ising_peaks_for_L_8_16_32_move_toward_onsagers_beta_c()
    {
        var betas = Enumerable.Range(0, 81).Select(i => 0.36 + 0.001 * i).ToArray();
        var peaks = new[] { 8, 16, 32 }
            .Select(side => Ok(FiniteSize.HeatCapacityPeak(betas.Select(b => ThermoSweep.FromExact(Torus(side), Ok(Kaufman.Compute(Torus(side), b)))).ToArray())).Beta.Value)
            .ToArray();
        Assert.True(peaks[0] < peaks[1] && peaks[1] < peaks[2] && peaks[2] < CriticalBeta, string.Join(", ", peaks));
        // The shift beta_c - beta_peak(L) scales like 1/L: doubling L about halves it.
        Assert.InRange((CriticalBeta - peaks[1]) / (CriticalBeta - peaks[0]), 0.4, 0.6);
        Assert.InRange((CriticalBeta - peaks[2]) / (CriticalBeta - peaks[1]), 0.4, 0.6);
    }

    [Fact]
    public void A_reweighted_peak_on_an_8x8_torus_matches_the_exact_peak_within_its_error()
    {
        var model = Torus(8);
        var grid = Enumerable.Range(1, 22).Select(i => 0.025 * i).ToArray();
        var fine = Enumerable.Range(0, 41).Select(i => 0.36 + 0.002 * i).ToArray();
        var samples = Ok(ThermoSweep.Sample(RngKey.FromSeed(21), model, grid, new TemperingSettings(Chains: 4, Sweeps: 4000, BurnIn: 200)));
        var sampled = Ok(Reweighting.HeatCapacityPeak(samples, fine));
        var exact = Ok(FiniteSize.HeatCapacityPeak(fine.Select(b => ThermoSweep.FromExact(model, Ok(Kaufman.Compute(model, b)))).ToArray()));
        Within(exact.Beta.Value, sampled.Beta, "peak position");
        Within(exact.Height.Value, sampled.Height, "peak height");
    }

    [Fact]
    public void Binder_curves_cross_where_their_lines_meet()
    {
        // U4(small) = 0.5 + beta, U4(large) = 0.3 + 1.5 beta: equal at beta = 0.4.
        double[] betas = [0.3, 0.35, 0.45, 0.5];
        var small = betas.Select(b => Point(b, 0, 0, 0.5 + b, 0.01)).ToArray();
        var large = betas.Select(b => Point(b, 0, 0, 0.3 + 1.5 * b, 0.01)).ToArray();
        var crossing = Ok(FiniteSize.BinderCrossing(small, large));
        Assert.Equal(0.4, crossing.Value, 1e-12);
        // d = (-0.025, 0.025) at 0.35 and 0.45: |d beta / d d_j| = 0.1 x 0.025 / 0.05^2 = 1, and each d_j has sigma 0.01 sqrt 2.
        Assert.Equal(0.01 * Math.Sqrt(2) * Math.Sqrt(2), crossing.Error, 1e-12);
        Assert.Equal(ThermoErrors.InvalidBetasCode, FiniteSize.BinderCrossing(small, small.Select(p => p with { Order = p.Order.Map(o => o with { Binder = new Measured(o.Binder.Value + 1, 0) }) }).ToArray()).Match(_ => 0, e => e.Code));
    }
}
