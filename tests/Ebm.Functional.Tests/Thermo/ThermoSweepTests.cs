using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using Ebm.Functional.Thermo;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Thermo;

/// <summary>
/// Parallel tempering over a beta grid against the exact thermodynamics of small Ising tori (enumeration, Kaufman):
/// every estimate within <see cref="Z"/> of its own standard error.
/// </summary>
public sealed class ThermoSweepTests
{
    /// <summary>
    /// |estimate - exact| &lt;= Z sigma for every quantity. About 100 comparisons per run; at z = 4 a correct estimator with
    /// a correct error bar fails one with probability 6e-5, so the whole test with about 0.6 %, and the keys are fixed.
    /// </summary>
    private const double Z = 4.0;

    private static readonly double[] Grid = Enumerable.Range(1, 12).Select(i => 0.05 * i).ToArray();

    internal static IsingModel Torus(int side) =>
        IsingModel.Create(side, side, 1.0, 0.0, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    internal static T Ok<T>(Fin<T> value) => value.Match(Succ: v => v, Fail: e => throw new InvalidOperationException(e.Message));

    internal static void Within(double exact, Measured estimate, string what)
    {
        Assert.True(double.IsFinite(estimate.Value) && estimate.Error > 0, $"{what}: {estimate}");
        Assert.True(Math.Abs(estimate.Value - exact) <= Z * estimate.Error,
            $"{what}: {estimate.Value} ± {estimate.Error}, exact {exact}, z = {(estimate.Value - exact) / estimate.Error:F2}");
    }

    internal static void WithinExact(IReadOnlyList<ThermoPoint> points, IReadOnlyList<ThermoPoint> exact, bool slope)
    {
        for (var i = 0; i < points.Count; i++)
        {
            var (p, e) = (points[i], exact[i]);
            Assert.Equal(e.Beta, p.Beta);
            Within(e.LogZ.Value, p.LogZ, $"log Z at {p.Beta}");
            Within(e.MeanEnergy.Value, p.MeanEnergy, $"U at {p.Beta}");
            Within(e.FreeEnergy.Value, p.FreeEnergy, $"F at {p.Beta}");
            Within(e.Entropy.Value, p.Entropy, $"S at {p.Beta}");
            Within(e.HeatCapacity.Value, p.HeatCapacity, $"C at {p.Beta}");
            if (slope) p.HeatCapacityFromSlope.IfSome(c => Assert.True(Math.Abs(c.Value - e.HeatCapacity.Value) <= Z * c.Error + SlopeBias(exact, i),
                $"C from the slope at {p.Beta}: {c}, exact {e.HeatCapacity.Value}"));
            if (e.Order.IsNone) continue;
            var order = p.Order.Match(o => o, () => throw new InvalidOperationException("no order moments"));
            var exactOrder = e.Order.Match(o => o, () => throw new InvalidOperationException("no exact order moments"));
            Within(exactOrder.MeanAbsolute.Value, order.MeanAbsolute, $"|m| at {p.Beta}");
            Within(exactOrder.Susceptibility.Value, order.Susceptibility, $"chi at {p.Beta}");
            Within(exactOrder.Binder.Value, order.Binder, $"U4 at {p.Beta}");
        }
    }

    /// <summary>The central difference's own bias, bounded by the exact curve's: |C_slope(exact U) - C|.</summary>
    private static double SlopeBias(IReadOnlyList<ThermoPoint> exact, int i)
    {
        int low = Math.Max(i - 1, 0), high = Math.Min(i + 1, exact.Count - 1);
        var beta = exact[i].Beta;
        var slope = -beta * beta * (exact[high].MeanEnergy.Value - exact[low].MeanEnergy.Value) / (exact[high].Beta - exact[low].Beta);
        return Math.Abs(slope - exact[i].HeatCapacity.Value);
    }

    [Fact]
    public void Exact_points_carry_the_exact_values_with_zero_errors_and_the_order_moments()
    {
        var model = Torus(4);
        var points = Ok(ThermoSweep.Exact(model, [0.2, 0.44], ExactMethod.Enumeration));
        var direct = Ok(LogPartition.Exact(model, 0.44, ExactMethod.Enumeration));
        Assert.Equal(direct.LogZ, points[1].LogZ.Value);
        Assert.Equal(direct.HeatCapacity, points[1].HeatCapacity.Value);
        Assert.Equal(0.0, points[1].LogZ.Error);
        var m = direct.Magnetisation.Match(x => x, () => throw new InvalidOperationException());
        var order = points[1].Order.Match(x => x, () => throw new InvalidOperationException());
        Assert.Equal(m.MeanAbsolute.Match(x => x, () => double.NaN) / 16, order.MeanAbsolute.Value, 1e-15);
        Assert.Equal(0.44 * (m.MeanSquare - Math.Pow(order.MeanAbsolute.Value * 16, 2)) / 16, order.Susceptibility.Value, 1e-12);
    }

    [Fact]
    public void Tempering_on_a_4x4_torus_matches_enumeration_within_its_errors()
    {
        var model = Torus(4);
        var points = Ok(ThermoSweep.Tempering(RngKey.FromSeed(11), model, Grid, new TemperingSettings(Chains: 4, Sweeps: 4000, BurnIn: 200)));
        var exact = Ok(ThermoSweep.Exact(model, Grid, ExactMethod.Enumeration));
        WithinExact(points.ToArray(), exact.ToArray(), slope: true);
    }

    [Fact]
    public void Annealing_on_a_4x4_torus_matches_enumeration_within_its_errors()
    {
        var model = Torus(4);
        var points = Ok(ThermoSweep.Annealed(RngKey.FromSeed(12), model, Grid, new AnnealedSettings(Particles: 2000, Substeps: 4, SweepsPerStep: 1)));
        var exact = Ok(ThermoSweep.Exact(model, Grid, ExactMethod.Enumeration));
        Assert.All(points, p => Assert.Equal(ThermoSweep.AnnealedMethod, p.Method));
        WithinExact(points.ToArray(), exact.ToArray(), slope: false);
    }

    [Fact]
    public void The_readme_example_reweights_an_8x8_torus()
    {
        Fin<Seq<ThermoPoint>> sweep = IsingModel.Create(8, 8, 1.0, 0.0, Boundary.Periodic).Match(
            Succ: model =>
                from samples in ThermoSweep.Sample(RngKey.FromSeed(7), model, [0.1, 0.2, 0.3, 0.4, 0.5], new TemperingSettings())
                from curve in Reweighting.Sweep(samples, [0.35, 0.375, 0.4, 0.425, 0.45])
                select curve,
            Fail: errors => FinFail<Seq<ThermoPoint>>(errors.Head));
        var points = sweep.Match(Succ: p => p.ToArray(), Fail: e => throw new InvalidOperationException(e.Message));
        var exact = points.Select(p => ThermoSweep.FromExact(Torus(8), Ok(Kaufman.Compute(Torus(8), p.Beta)))).ToArray();
        WithinExact(points, exact, slope: false);
    }

    [Fact]
    public void A_grid_above_zero_gets_rungs_down_to_zero_spaced_like_the_grid()
    {
        Assert.Equal([0.0, 0.1, 0.2, 0.3, 0.4], ThermoSweep.Rungs([0.3, 0.4]).Select(b => Math.Round(b, 12)));
        var rungs = ThermoSweep.Rungs([0.3, 0.35, 0.4]);
        Assert.Equal(9, rungs.Length);
        for (var i = 0; i < rungs.Length; i++) Assert.Equal(0.05 * i, rungs[i], 1e-15);
        Assert.Equal(11, ThermoSweep.Rungs([0.5]).Length);
        Assert.Equal(ThermoSweep.MaxAnchorRungs + 2, ThermoSweep.Rungs([10.0, 10.001]).Length);
    }

    [Fact]
    public void Sampling_refuses_a_grid_at_zero_alone_and_a_continuous_model()
    {
        var zero = ThermoSweep.Tempering(RngKey.FromSeed(1), Torus(2), [0.0], new TemperingSettings());
        Assert.Equal(ThermoErrors.InvalidBetasCode, zero.Match(_ => 0, e => e.Code));
        var gaussian = GaussianModel.Create(Ebm.Functional.Numerics.Vec.From([0.0]), Ebm.Functional.Numerics.Mat.From(1, 1, [1.0])).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var refused = ThermoSweep.Tempering(RngKey.FromSeed(1), gaussian, [1.0], new TemperingSettings());
        Assert.Equal(ThermoErrors.UnsupportedModelCode, refused.Match(_ => 0, e => e.Code));
    }

    [Fact]
    public void The_same_key_gives_the_same_bits_for_one_and_two_threads()
    {
        var one = Ok(ThermoSweep.Tempering(RngKey.FromSeed(5), Torus(4), [0.2, 0.4], new TemperingSettings(2, 100, 10, MaxDegreeOfParallelism: 1)));
        var two = Ok(ThermoSweep.Tempering(RngKey.FromSeed(5), Torus(4), [0.2, 0.4], new TemperingSettings(2, 100, 10, MaxDegreeOfParallelism: 2)));
        Assert.Equal(one, two);
    }
}
