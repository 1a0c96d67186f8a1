using Ebm.Functional.Exact;
using Ebm.Functional.Properties.Models;
using Ebm.Functional.Thermo;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Thermo;

/// <summary>
/// Thermodynamic identities of exact sweep points on tiny Boltzmann machines (1 to 6 units): S = beta (U - F),
/// log Z(0) = n log 2, and C = beta^2 Var E equal to C from the slope -beta^2 dU/d beta.
/// </summary>
/// <remarks>
/// The slope is a central difference with step h = 1e-3: with R = 2 x <see cref="BoltzmannCase.EnergyScale"/> bounding the
/// range of E, U''' = -kappa_4 is at most R^4 in size, so the truncation is at most h^2 R^4 / 6; each enumerated U carries
/// at most 1e-12 (1 + |U|) of rounding, which costs 1e-12 (1 + |U|) / h.
/// </remarks>
public class ThermoIdentityLaws
{
    private const double Step = 1e-3;

    private static Gen<(BoltzmannCase Case, double Beta)> Cases() =>
        from c in BoltzmannArbitrary.Cases(6, 0.5)
        from beta in Gen.Choose(100, 2500)
        select (c, beta / 1000.0);

    private static ThermoPoint[] Exact(BoltzmannCase c, params double[] betas) =>
        ThermoSweep.Exact(c.Model, betas, ExactMethod.Enumeration).Match(p => p.ToArray(), e => throw new InvalidOperationException(e.Message));

    [Property(MaxTest = 200)]
    public Property Entropy_is_beta_times_U_minus_F() =>
        Prop.ForAll(Arb.From(Cases()), t =>
        {
            var p = Exact(t.Case, t.Beta)[0];
            var expected = p.Beta * (p.MeanEnergy.Value - p.FreeEnergy.Value);
            var tolerance = 1e-12 * (1 + Math.Abs(p.Beta * p.MeanEnergy.Value) + Math.Abs(p.LogZ.Value));
            return (Math.Abs(p.Entropy.Value - expected) <= tolerance).Label($"S = {p.Entropy.Value:R}, beta (U - F) = {expected:R}");
        });

    [Property(MaxTest = 100)]
    public Property Log_Z_at_beta_zero_is_n_log_2() =>
        Prop.ForAll(Arb.From(BoltzmannArbitrary.Cases(6, 0.5)), c =>
        {
            var p = Exact(c, 0.0)[0];
            var expected = c.Model.Dimension * Math.Log(2);
            return (Math.Abs(p.LogZ.Value - expected) <= 1e-12 * expected && p.LogZ.Error == 0).Label($"log Z(0) = {p.LogZ.Value:R}, n log 2 = {expected:R}");
        });

    [Property(MaxTest = 200)]
    public Property Heat_capacity_from_the_variance_equals_heat_capacity_from_the_slope() =>
        Prop.ForAll(Arb.From(Cases()), t =>
        {
            var points = Exact(t.Case, t.Beta - Step, t.Beta, t.Beta + Step);
            var beta = t.Beta;
            var slope = -beta * beta * (points[2].MeanEnergy.Value - points[0].MeanEnergy.Value) / (2 * Step);
            var range = 2 * t.Case.EnergyScale;
            var rounding = 1e-12 * (1 + Math.Abs(points[0].MeanEnergy.Value) + Math.Abs(points[2].MeanEnergy.Value)) / Step;
            var tolerance = beta * beta * (Step * Step * Math.Pow(range, 4) / 6 + rounding);
            return (Math.Abs(points[1].HeatCapacity.Value - slope) <= tolerance)
                .Label($"C = {points[1].HeatCapacity.Value:R}, -beta^2 dU/dbeta = {slope:R}, tolerance {tolerance:E2}");
        });
}
