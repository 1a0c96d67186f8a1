using Ebm.Cli.Cost;
using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Thermo;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Thermo;

/// <summary>
/// The exact thermodynamics beside a sampled sweep, where an exact method applies and is cheap (Kaufman, the transfer
/// matrix, enumeration of a small model): at the sweep's betas for the rows, and on a fine grid for the plot's curve.
/// The rows carry the exact order moments where <see cref="ThermoSweep.Exact"/> gives them: spin models whose exact method
/// has &lt;|M|&gt; and &lt;M^4&gt;, and Potts and clock lattices of at most <see cref="ThermoSweep.MaxExactOrderStates"/> states
/// (the samplers' order parameter, enumerated).
/// </summary>
internal static class ExactReference
{
    /// <summary>Points of the plot's exact curve.</summary>
    public const int CurvePoints = 201;

    /// <summary>Most unit updates spent on the reference: a second or two, whatever the run's own budget.</summary>
    private const double MaxUnitUpdates = 2e9;

    /// <summary>The exact points at <paramref name="betas"/>, or None when no cheap exact method applies.</summary>
    public static Option<Seq<ThermoPoint>> At(IEnergyModel model, IReadOnlyList<double> betas)
    {
        if (LogPartition.AutoOrder(model).Count == 0 || ExactCost.Sweep(model, betas.Count, ExactMethod.Auto).UnitUpdates > MaxUnitUpdates) return None;
        return ThermoSweep.Exact(model, betas).Match(Succ: Some, Fail: _ => Option<Seq<ThermoPoint>>.None);
    }

    /// <summary>The exact curve on <see cref="CurvePoints"/> betas from the smallest to the largest of <paramref name="betas"/>.</summary>
    public static Option<Seq<ThermoPoint>> Curve(IEnergyModel model, IReadOnlyList<double> betas) =>
        At(model, FineGrid(betas));

    /// <summary><see cref="CurvePoints"/> evenly spaced betas over the range of <paramref name="betas"/> (see <see cref="Evenly"/>).</summary>
    public static double[] FineGrid(IReadOnlyList<double> betas)
    {
        double low = betas.Min(), high = betas.Max();
        return high == low ? [low] : Evenly(low, high, CurvePoints);
    }

    /// <summary>
    /// <paramref name="points"/> (at least 2) evenly spaced values from <paramref name="low"/> to exactly <paramref name="high"/>:
    /// low + (high - low) can round above high, which reweighting would refuse as outside the sampled range.
    /// </summary>
    public static double[] Evenly(double low, double high, int points) =>
        [.. Enumerable.Range(0, points).Select(i => i == points - 1 ? high : Math.Min(high, low + (high - low) * i / (points - 1)))];
}
