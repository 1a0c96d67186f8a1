using Ebm.Functional.Estimation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ebm.Functional.Estimators;

namespace Ebm.Functional.Properties.Estimators;

/// <summary>
/// The quadrature weights integrate low-degree polynomials exactly on any strictly increasing grid: the trapezoid
/// rule degree 1, the non-uniform Simpson rule degree 2 (the quadratic through each triple of points), with an odd or
/// even number of intervals.
/// </summary>
/// <remarks>Points in [0, 3] with spacing at least 1e-3 and coefficients in [-1, 1]: 1e-11 covers the round-off of the weights (ratios of spacings up to 3e3).</remarks>
public class IntegrationWeightLaws
{
    private static Gen<(double[] Points, double[] Coefficients)> Cases() =>
        from count in Gen.Choose(3, 12)
        from steps in Gen.ArrayOf(Gen.Choose(1, 250), count - 1)
        from offset in Gen.Choose(-1000, 1000)
        from coefficients in Gen.ArrayOf(Gen.Choose(-1000, 1000), 3)
        select (Points(offset / 1000.0, steps), coefficients.Select(a => a / 1000.0).ToArray());

    [Property(MaxTest = 300)]
    public Property Simpson_is_exact_on_quadratics() =>
        Prop.ForAll(Arb.From(Cases()), t => Exact(t.Points, t.Coefficients, IntegrationRule.Simpson, 2));

    [Property(MaxTest = 300)]
    public Property Trapezoid_is_exact_on_lines() =>
        Prop.ForAll(Arb.From(Cases()), t => Exact(t.Points, t.Coefficients, IntegrationRule.Trapezoid, 1));

    private static Property Exact(double[] points, double[] a, IntegrationRule rule, int degree)
    {
        double F(double x) => degree == 2 ? a[0] + a[1] * x + a[2] * x * x : a[0] + a[1] * x;
        double Antiderivative(double x) => degree == 2 ? a[0] * x + a[1] * x * x / 2 + a[2] * x * x * x / 3 : a[0] * x + a[1] * x * x / 2;
        var weights = IntegrationWeights.Of(points, rule);
        var quadrature = weights.Select((w, k) => w * F(points[k])).Sum();
        var exact = Antiderivative(points[^1]) - Antiderivative(points[0]);
        return (Math.Abs(quadrature - exact) <= 1e-11).Label($"{rule}: {quadrature:R} vs {exact:R}");
    }

    private static double[] Points(double start, int[] steps)
    {
        var points = new double[steps.Length + 1];
        points[0] = start;
        for (var k = 0; k < steps.Length; k++) points[k + 1] = points[k] + steps[k] / 1000.0;
        return points;
    }
}
