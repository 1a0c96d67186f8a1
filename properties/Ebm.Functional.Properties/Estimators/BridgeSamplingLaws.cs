using Ebm.Functional.Estimation;
using Ebm.Functional.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ebm.Functional.Estimators;

namespace Ebm.Functional.Properties.Estimators;

/// <summary>
/// The bridge fixed point is exact when its two expectations are: with every state of a tiny model weighted by
/// its exact probability under p1 = exp(-beta E) / Z and under the factorised proposal p2 = q, the iteration
/// reaches log(Z1 / Z2) = log Z from any start and for any s1 (Meng and Wong 1996: the identity
/// r = E_2[q1 alpha] / E_1[q2 alpha] holds for every bridge alpha, and the optimal one is such an alpha), and so
/// does the bisection that completes an iteration stopped by its budget.
/// </summary>
/// <remarks>
/// Tolerance: with exact expectations the two weighted sums of h (see <see cref="BridgeIteration"/>) are over one
/// measure, proportional to p1 / (s1 e^l + s2 r), so h(log r) = log r - log Z exactly: the iteration lands on the root
/// in one step and bisection, stopping at a bracket 1e-12 wide, within 5e-13 of it. What is left is the round-off
/// of h, log-sum-exps of at most 64 terms of size up to |log Z| + |log r| + |log q|: about 64 eps (1 + |log Z| + 10)
/// = 1.6e-13 (1 + |log Z|) with |log r| and |log q| below 10 here. So both routes land within 7e-13 (1 + |log Z|),
/// and 1e-10 (1 + |log Z|) holds them with a factor of a hundred to spare.
/// </remarks>
public class BridgeSamplingLaws
{
    private const double RelativeTolerance = 1e-10;

    /// <summary>One solve of the bridge equation from the draws' log ratios and log masses, s1, s2 and the start.</summary>
    private delegate BridgeIteration.Outcome Solver(
        ReadOnlySpan<double> l1, ReadOnlySpan<double> logMass1, ReadOnlySpan<double> l2, ReadOnlySpan<double> logMass2, double s1, double s2, double start);

    private static Gen<(EstimationCase Case, double S1, double Start)> Cases() =>
        from c in EstimationArbitrary.Cases()
        from s1 in Gen.Choose(50, 950)
        from start in Gen.Choose(-10000, 10000)
        select (c, s1 / 1000.0, start / 1000.0);

    [Property(MaxTest = 200)]
    public Property With_exact_expectations_the_fixed_point_is_the_exact_log_ratio() =>
        ReachesTheExactLogRatio((l1, m1, l2, m2, s1, s2, start) => BridgeIteration.Iterate(l1, m1, l2, m2, s1, s2, start, 1e-12, 50), bisects: false);

    /// <summary>
    /// With a budget of no iteration at all, the bisection that completes an unfinished iteration starts from the start
    /// alone and lands on the same exact log ratio: <see cref="BridgeIteration.Solve"/> finds the root the iteration
    /// converges to. (With a budget of one, the first step would already sit on the root, h having slope 1, and the
    /// bisection would have nothing to find.)
    /// </summary>
    [Property(MaxTest = 200)]
    public Property Bisection_after_an_exhausted_budget_finds_the_same_exact_log_ratio() =>
        ReachesTheExactLogRatio((l1, m1, l2, m2, s1, s2, start) => BridgeIteration.Solve(l1, m1, l2, m2, s1, s2, start, 1e-12, 0), bisects: true);

    /// <summary>
    /// Every state of the case as a draw of both sides, each with its exact log mass: log q under p2, and
    /// l + log q - log Z = log p1 under p1. With <paramref name="bisects"/>, the outcome must also come from bisection
    /// (some steps taken, where no iteration was allowed).
    /// </summary>
    private static Property ReachesTheExactLogRatio(Solver solve, bool bisects) =>
        Prop.ForAll(Arb.From(Cases()), t =>
        {
            var (c, s1, start) = t;
            var states = c.States;
            var logQ = c.Factorised.LogDensity(states);
            var l = ImportanceSampling.LogWeights(c.Machine.Model.Energies(states), c.Beta, logQ).ThrowIfFail();
            var exact = c.ExactLogZ;
            var target = Vec.Create(l.Length, d =>
            {
                for (var i = 0; i < d.Length; i++) d[i] = l[i] + logQ[i] - exact;
            });
            var outcome = solve(l.Span, target.Span, l.Span, logQ.Span, s1, 1 - s1, start);
            var tolerance = RelativeTolerance * (1 + Math.Abs(exact));
            return (outcome.Converged && Math.Abs(outcome.LogRatio - exact) <= tolerance && (!bisects || outcome.Iterations > 0))
                .Label($"bridge {outcome.LogRatio:R} after {outcome.Iterations}, log Z = {exact:R}");
        });
}
