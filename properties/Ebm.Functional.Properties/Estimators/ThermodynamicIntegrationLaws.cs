using Ebm.Functional.Estimation;
using Ebm.Functional.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ebm.Functional.Estimators;

namespace Ebm.Functional.Properties.Estimators;

/// <summary>
/// Thermodynamic integration with exact &lt;E&gt;_b (enumeration) at each point of a uniform ladder on [0, beta]
/// converges to the exact log Z at its order: for the integrand f(b) = -&lt;E&gt;_b,
/// f' = Var E, f'' = -kappa_3, f'''' = -kappa_5 (cumulants of E under p_b).
/// </summary>
/// <remarks>
/// <para>Bounds, with R = max E - min E (every central moment |mu_k| &lt;= R^k, so |kappa_3| &lt;= R^3 and
/// |kappa_5| = |mu_5 - 10 mu_3 mu_2| &lt;= 11 R^5) and h = beta / K:</para>
/// <para>trapezoid: the corrected rule T - (h^2 / 12)(f'(beta) - f'(0)) has error beta h^4 f''''(xi) / 720, so
/// |T - log Z + log Z(0) - (h^2 / 12)(Var_beta E - Var_0 E)| &lt;= 11 beta h^4 R^5 / 720 (the h^2 term is checked with its exact constant);</para>
/// <para>Simpson: |S - exact| &lt;= beta h^4 max |f''''| / 180 &lt;= 11 beta h^4 R^5 / 180.</para>
/// <para>Round-off: each mean carries ~1e-13 R relative error; 1e-11 (1 + |log Z|) covers it.</para>
/// </remarks>
public class ThermodynamicIntegrationLaws
{
    private static readonly int[] Intervals = [8, 16, 32];

    private static Gen<EstimationCase> Cases() =>
        from c in EstimationArbitrary.Cases()
        where c.Machine.Model.Dimension <= 5 && c.Beta > 0
        select c;

    [Property(MaxTest = 100)]
    public Property The_trapezoid_error_is_its_h_squared_term_up_to_order_h_to_the_fourth() =>
        Prop.ForAll(Arb.From(Cases()), c =>
        {
            var (energies, range, exact, logZ0) = Setup(c);
            var results = Intervals.Select(k =>
            {
                var h = c.Beta / k;
                var t = Integrate(energies, c.Beta, k, logZ0, IntegrationRule.Trapezoid);
                var leading = h * h / 12 * (Moments(energies, c.Beta).Variance - Moments(energies, 0).Variance);
                var bound = 11 * c.Beta * Math.Pow(h, 4) * Math.Pow(range, 5) / 720 + 1e-11 * (1 + Math.Abs(exact));
                return (Error: t - exact - leading, Bound: bound, K: k);
            }).ToArray();
            return results.All(r => Math.Abs(r.Error) <= r.Bound)
                .Label(string.Join("; ", results.Select(r => $"K={r.K}: remainder {r.Error:E3} bound {r.Bound:E3}")));
        });

    [Property(MaxTest = 100)]
    public Property The_Simpson_error_is_of_order_h_to_the_fourth() =>
        Prop.ForAll(Arb.From(Cases()), c =>
        {
            var (energies, range, exact, logZ0) = Setup(c);
            var results = Intervals.Select(k =>
            {
                var h = c.Beta / k;
                var s = Integrate(energies, c.Beta, k, logZ0, IntegrationRule.Simpson);
                var bound = 11 * c.Beta * Math.Pow(h, 4) * Math.Pow(range, 5) / 180 + 1e-11 * (1 + Math.Abs(exact));
                return (Error: s - exact, Bound: bound, K: k);
            }).ToArray();
            return results.All(r => Math.Abs(r.Error) <= r.Bound)
                .Label(string.Join("; ", results.Select(r => $"K={r.K}: error {r.Error:E3} bound {r.Bound:E3}")));
        });

    private static (double[] Energies, double Range, double Exact, double LogZ0) Setup(EstimationCase c)
    {
        var energies = c.Machine.Model.Energies(c.States).ToArray();
        return (energies, energies.Max() - energies.Min(), c.ExactLogZ, c.Machine.Model.Dimension * Math.Log(2));
    }

    private static double Integrate(double[] energies, double beta, int intervals, double logZ0, IntegrationRule rule)
    {
        var points = Vec.Create(intervals + 1, p =>
        {
            for (var k = 0; k <= intervals; k++) p[k] = beta * k / intervals;
        });
        var means = points.Map(b => -Moments(energies, b).Mean);
        return ThermodynamicIntegration.Integrate(points, means, Vec.Zeros(intervals + 1), logZ0, beta, rule)
            .Match(e => e.LogZ, e => throw new InvalidOperationException(e.Head.Message));
    }

    // <E> and Var E under p_b, from the enumerated energies (probabilities scaled by the largest before exponentiating).
    private static (double Mean, double Variance) Moments(double[] energies, double b)
    {
        var logs = energies.Select(e => -b * e).ToArray();
        var max = logs.Max();
        var weights = logs.Select(l => Math.Exp(l - max)).ToArray();
        var total = weights.Sum();
        var mean = weights.Select((w, i) => w * energies[i]).Sum() / total;
        var variance = weights.Select((w, i) => w * (energies[i] - mean) * (energies[i] - mean)).Sum() / total;
        return (mean, variance);
    }
}
