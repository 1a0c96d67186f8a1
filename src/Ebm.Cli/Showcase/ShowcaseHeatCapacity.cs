using System.Globalization;
using Ebm.Cli.Output;
using Ebm.Cli.Thermo;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Plots;
using Ebm.Functional.Prng;
using Ebm.Functional.Thermo;
using LanguageExt;
using Spectre.Console;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Showcase;

/// <summary>
/// The showcase's sampled thermodynamics: the heat capacity of an 8 x 8 Ising torus (J = 1, h = 0) from parallel
/// tempering over beta = 0.24, 0.28, ..., 0.68 (2 chains per rung, 500 + 4000 sweeps, rungs down to beta = 0 added by
/// <see cref="ThermoSweep.Rungs"/>) combined by multiple-histogram reweighting (<see cref="Reweighting"/>, jackknife
/// error bars), beside the exact finite-lattice value (Kaufman 1949) and Onsager's infinite lattice. <c>ebm thermo
/// ising-8x8.json --beta 0.24:0.68:0.04 --method reweighting --replicas 2</c> samples the same way.
/// </summary>
internal static class ShowcaseHeatCapacity
{
    public const int Side = 8, Chains = 2, Sweeps = 4000, BurnIn = 500, CurvePoints = 81;

    /// <summary>The sampled rungs (besides those down to beta = 0).</summary>
    public static readonly double[] Grid = [.. Enumerable.Range(0, 12).Select(k => Math.Round(0.24 + 0.04 * k, 10))];

    /// <summary>The temperatures of the table, around Onsager's T_c = 2.269; all inside the sampled range.</summary>
    public static readonly double[] Temperatures = [1.5, 2.0, 2.25, 2.5, 3.0, 3.5];

    /// <summary>What the run gave: the table's points, the smooth curve for the plot, and the exact curves.</summary>
    public sealed record Sweep(Seq<ThermoPoint> Sampled, Seq<ThermoPoint> Curve, Seq<ThermoPoint> ExactAtSampled, Seq<ThermoPoint> ExactCurve, int Units);

    /// <summary>The temperatures of the plot's curves: <see cref="CurvePoints"/> evenly from the coldest to the hottest of the table.</summary>
    public static double[] CurveTemperatures() => ExactReference.Evenly(Temperatures[0], Temperatures[^1], CurvePoints);

    /// <summary>The sampled and exact heat capacities, every random number from <paramref name="seed"/>.</summary>
    public static Fin<Sweep> Run(ulong seed)
    {
        // Ascending, as reweighting returns its points, so that sampled and exact points pair up in order.
        var betas = Temperatures.Select(t => 1 / t).Order().ToArray();
        var curveBetas = CurveTemperatures().Select(t => 1 / t).Order().ToArray();
        return
            from model in Outcomes.ToFin(IsingModel.Create(Side, Side, 1.0, 0.0, Boundary.Periodic))
            from samples in ThermoSweep.Sample(RngKey.FromSeed(seed).FoldIn(ThermoStream), model, Grid, new TemperingSettings(Chains, Sweeps, BurnIn))
            from sampled in Reweighting.Sweep(samples, betas)
            from curve in Reweighting.Sweep(samples, curveBetas)
            from exact in ThermoSweep.Exact(model, betas, ExactMethod.Kaufman)
            from exactCurve in ThermoSweep.Exact(model, curveBetas, ExactMethod.Kaufman)
            select new Sweep(sampled, curve, exact, exactCurve, model.Dimension);
    }

    /// <summary>The table: per temperature the sampled C / N with its error, the exact finite value, z and Onsager's value.</summary>
    public static Table Table(Fin<Sweep> run, ulong seed, List<string> notes)
    {
        var table = new Table()
            .Title(Markup.Escape(
                $"Heat capacity per spin of an {Side} x {Side} Ising torus, sampled: parallel tempering ({Chains} chains x {Sweeps} sweeps per rung, β = {Grid[0]}..{Grid[^1]}) " +
                $"+ multiple-histogram reweighting, jackknife errors, seed {seed}; z = (sampled − exact) / error"))
            .AddColumns("T", "β", "sampled C / N", "exact C / N (Kaufman)", "z", "Onsager C / N, N → ∞");
        foreach (var column in table.Columns) column.RightAligned();
        run.Match(
            Succ: sweep =>
            {
                foreach (var (sampled, exact) in sweep.Sampled.Zip(sweep.ExactAtSampled))
                {
                    var c = sampled.HeatCapacity;
                    table.AddRow(
                        Numbers.Table(sampled.Temperature),
                        Numbers.Table(sampled.Beta),
                        string.Create(CultureInfo.InvariantCulture, $"{c.Value / sweep.Units:F4} ± {c.Error / sweep.Units:F4}"),
                        (exact.HeatCapacity.Value / sweep.Units).ToString("F4", CultureInfo.InvariantCulture),
                        ((c.Value - exact.HeatCapacity.Value) / c.Error).ToString("F2", CultureInfo.InvariantCulture),
                        OnsagerReference.PerSpin(sampled.Beta).Match(r => r.HeatCapacity.ToString("F4", CultureInfo.InvariantCulture), () => "n/a"));
                }
            },
            Fail: e => notes.Add($"heat capacity: {e.Message}"));
        return table;
    }

    /// <summary>The plot: the table's points with error bars, the reweighted curve, the exact curve and Onsager's.</summary>
    public static byte[] Png(Sweep sweep, ulong seed)
    {
        var onsager = CurveTemperatures()
            .SelectMany(t => OnsagerReference.PerSpin(1 / t).Map(r => (t, r.HeatCapacity)).ToSeq())
            .ToArray();
        return HeatCapacityPlot.RenderPng(sweep.Sampled.ToArray(), Some(sweep.Curve), sweep.ExactCurve, onsager, "Onsager (1944), N → ∞",
            sweep.Units, $"Ising {Side} x {Side} torus: heat capacity, sampled (seed {seed}) and exact");
    }

    /// <summary>The key stream of the tempering run, apart from the showcase's other draws.</summary>
    private const long ThermoStream = 0x7E3;
}
