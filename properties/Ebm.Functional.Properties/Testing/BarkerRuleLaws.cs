using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Testing;

/// <summary>A user's own rule (Barker 1965: flip with 1 / (1 + e^{beta dE})) on three spins, J and h in [-2, 2], beta in [0, 2].</summary>
public class BarkerRuleLaws
{
    private static SiteFlipProbability Barker(IDiscreteModel model, double beta) =>
        (state, site) => 1.0 / (1.0 + Math.Exp(beta * model.FlipEnergyChange(state, site)));

    private static readonly Gen<(double[] P, double Beta)> Cases =
        from p in Gen.ArrayOf(Gen.Choose(-200, 200).Select(v => v / 100.0), 6)
        from beta in Gen.Choose(0, 200).Select(v => v / 100.0)
        select (p, beta);

    [Property(MaxTest = 50)]
    public Property A_random_site_update_satisfies_detailed_balance() => Prop.ForAll(Arb.From(Cases), c =>
        BoltzmannMachine.Create(Mat.FromRows([[0, c.P[0], c.P[1]], [c.P[0], 0, c.P[2]], [c.P[1], c.P[2], 0]]),
                Vec.Of(c.P[3], c.P[4], c.P[5]), StateConvention.Spin).Match(
            Succ: model => (from k in TransitionMatrices.RandomSiteUpdate(model, Barker(model, c.Beta))
                            from pi in Enumeration.Probabilities(model, c.Beta)
                            select MarkovChecks.Reversible(k, pi.Span))
                .Match(Succ: check => check.Holds.Label(check.Message), Fail: e => false.Label(e.Message)),
            Fail: errors => false.Label(string.Join("; ", errors))));
}
