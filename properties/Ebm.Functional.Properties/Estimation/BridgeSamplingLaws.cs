using Ebm.Functional.Estimation;
using Ebm.Functional.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Estimation;

/// <summary>
/// The bridge fixed point is exact when its two expectations are: with every state of a tiny model weighted by
/// its exact probability under p1 = exp(-beta E) / Z and under the factorised proposal p2 = q, the iteration
/// reaches log(Z1 / Z2) = log Z from any start and for any s1 (Meng and Wong 1996: the identity
/// r = E_2[q1 alpha] / E_1[q2 alpha] holds for every bridge alpha, and the optimal one is such an alpha).
/// </summary>
/// <remarks>Sums of at most 64 terms; 1e-10 (1 + |log Z|) covers the round-off of a few iterations.</remarks>
public class BridgeSamplingLaws
{
    private static Gen<(EstimationCase Case, double S1, double Start)> Cases() =>
        from c in EstimationArbitrary.Cases()
        from s1 in Gen.Choose(50, 950)
        from start in Gen.Choose(-10000, 10000)
        select (c, s1 / 1000.0, start / 1000.0);

    [Property(MaxTest = 200)]
    public Property With_exact_expectations_the_fixed_point_is_the_exact_log_ratio() =>
        Prop.ForAll(Arb.From(Cases()), t =>
        {
            var (c, s1, start) = t;
            var states = c.States;
            var logQ = c.Factorised.LogDensity(states);
            var l = ImportanceSampling.LogWeights(c.Machine.Model.Energies(states), c.Beta, logQ);
            var exact = c.ExactLogZ;
            var target = Vec.Create(l.Length, d =>
            {
                for (var i = 0; i < d.Length; i++) d[i] = l[i] + logQ[i] - exact;
            });
            var outcome = BridgeIteration.Iterate(l.Span, target.Span, l.Span, logQ.Span, s1, 1 - s1, start, 1e-12, 50);
            var tolerance = 1e-10 * (1 + Math.Abs(exact));
            return (outcome.Converged && Math.Abs(outcome.LogRatio - exact) <= tolerance)
                .Label($"bridge {outcome.LogRatio:R} after {outcome.Iterations}, log Z = {exact:R}");
        });

    /// <summary>
    /// With a budget of one iteration the fixed point is not reached, and the bisection that completes it lands on the
    /// same exact log ratio: <see cref="BridgeIteration.Solve"/> finds the root the iteration converges to.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property Bisection_after_an_exhausted_budget_finds_the_same_exact_log_ratio() =>
        Prop.ForAll(Arb.From(Cases()), t =>
        {
            var (c, s1, start) = t;
            var states = c.States;
            var logQ = c.Factorised.LogDensity(states);
            var l = ImportanceSampling.LogWeights(c.Machine.Model.Energies(states), c.Beta, logQ);
            var exact = c.ExactLogZ;
            var target = Vec.Create(l.Length, d =>
            {
                for (var i = 0; i < d.Length; i++) d[i] = l[i] + logQ[i] - exact;
            });
            var outcome = BridgeIteration.Solve(l.Span, target.Span, l.Span, logQ.Span, s1, 1 - s1, start, 1e-12, 1);
            var tolerance = 1e-9 * (1 + Math.Abs(exact));
            return (outcome.Converged && Math.Abs(outcome.LogRatio - exact) <= tolerance)
                .Label($"bridge {outcome.LogRatio:R} after {outcome.Iterations}, log Z = {exact:R}");
        });
}
