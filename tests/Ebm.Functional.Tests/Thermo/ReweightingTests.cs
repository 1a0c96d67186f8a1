using Ebm.Functional.Exact;
using Ebm.Functional.Prng;
using Ebm.Functional.Thermo;
using static Ebm.Functional.Tests.Thermo.ThermoSweepTests;

namespace Ebm.Functional.Tests.Thermo;

/// <summary>
/// Multiple-histogram reweighting of tempering runs against exact curves, at the rungs and between them
/// (every estimate within z = 4 of its jackknife error, as in <see cref="ThermoSweepTests"/>).
/// </summary>
public sealed class ReweightingTests
{
    [Fact]
    public void On_a_4x4_torus_the_curves_match_enumeration_at_and_between_the_rungs()
    {
        var model = Torus(4);
        double[] grid = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6];
        var betas = Enumerable.Range(1, 23).Select(i => 0.025 * i).ToArray();
        var points = Ok(Reweighting.Run(RngKey.FromSeed(3), model, grid, betas, new TemperingSettings(Chains: 4, Sweeps: 4000, BurnIn: 200)));
        var exact = Ok(ThermoSweep.Exact(model, betas, ExactMethod.Enumeration));
        Assert.All(points, p => Assert.Equal(Reweighting.Method, p.Method));
        WithinExact(points.ToArray(), exact.ToArray(), slope: false);
    }

    [Fact]
    public void On_a_16x16_torus_the_curves_match_kaufman_between_the_rungs()
    {
        var model = Torus(16);
        var grid = Enumerable.Range(1, 20).Select(i => 0.025 * i).ToArray();
        var between = grid.Skip(8).Select(b => b - 0.0125).ToArray();
        var points = Ok(Reweighting.Run(RngKey.FromSeed(16), model, grid, between, new TemperingSettings(Chains: 4, Sweeps: 2000, BurnIn: 200)));
        var exact = between.Select(b => ThermoSweep.FromExact(model, Ok(Kaufman.Compute(model, b)))).ToArray();
        WithinExact(points.ToArray(), exact, slope: false);
    }

    [Fact]
    public void A_beta_beyond_the_sampled_range_is_refused()
    {
        var samples = Ok(ThermoSweep.Sample(RngKey.FromSeed(1), Torus(2), [0.5, 1.0], new TemperingSettings(1, 64, 0)));
        var outside = Reweighting.Sweep(samples, [1.5]);
        Assert.Equal(ThermoErrors.OutsideSampledRangeCode, outside.Match(_ => 0, e => e.Code));
    }

    [Fact]
    public void At_the_sampled_rungs_reweighting_agrees_with_the_rung_estimates_within_their_errors()
    {
        var samples = Ok(ThermoSweep.Sample(RngKey.FromSeed(8), Torus(4), [0.2, 0.3, 0.4], new TemperingSettings(4, 2000, 100)));
        var rungs = Ok(ThermoSweep.Estimate(samples, [0.2, 0.3, 0.4])).ToArray();
        var reweighted = Ok(Reweighting.Sweep(samples, [0.2, 0.3, 0.4])).ToArray();
        for (var i = 0; i < 3; i++)
        {
            var sigma = Math.Max(rungs[i].MeanEnergy.Error, reweighted[i].MeanEnergy.Error);
            Assert.True(Math.Abs(rungs[i].MeanEnergy.Value - reweighted[i].MeanEnergy.Value) <= 4 * sigma);
        }
    }
}
