using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Models;

[Properties(Arbitrary = [typeof(RbmArbitraries)], MaxTest = 100)]
public class GaussianBernoulliRbmLaws
{
    private const double Step = 1e-5;

    // Central differences: truncation Step^2 / 6 |f'''| (|f'''| below ~1e3 for sigma >= 0.3 and |v| <= 3) plus
    // rounding 1e-16 |f| / Step; 1e-6 covers both with a wide margin.
    private const double Tolerance = 1e-6;

    [Property]
    public bool Energy_gradient_in_v_equals_finite_differences(GaussianBernoulliRbmCase c)
    {
        var gradient = new double[c.Model.Visible];
        c.Model.EnergyVisibleGradient(c.Visible, c.Hidden, gradient);
        return Enumerable.Range(0, c.Model.Visible).All(i =>
            Math.Abs(VisibleDifference(c.Visible, i, v => c.Model.Energy(v, c.Hidden)) - gradient[i]) <= Tolerance);
    }

    [Property]
    public bool Free_energy_gradient_in_v_equals_finite_differences(GaussianBernoulliRbmCase c)
    {
        var gradient = new double[c.Model.Visible];
        c.Model.FreeEnergyVisibleGradient(c.Visible, gradient);
        return Enumerable.Range(0, c.Model.Visible).All(i =>
            Math.Abs(VisibleDifference(c.Visible, i, v => c.Model.FreeEnergy(v)) - gradient[i]) <= Tolerance);
    }

    [Property]
    public bool Parameter_gradients_equal_finite_differences(GaussianBernoulliRbmCase c)
    {
        var energyGradient = Flatten(c.Model.EnergyGradient(c.Visible, c.Hidden));
        var freeGradient = Flatten(c.Model.FreeEnergyGradient(Mat.FromRows([c.Visible])));
        var parameters = Flatten(c.Model);
        for (var k = 0; k < parameters.Length; k++)
        {
            if (Math.Abs(ParameterDifference(parameters, k, c.Model, m => m.Energy(c.Visible, c.Hidden)) - energyGradient[k]) > Tolerance) return false;
            if (Math.Abs(ParameterDifference(parameters, k, c.Model, m => m.FreeEnergy(c.Visible)) - freeGradient[k]) > Tolerance) return false;
        }

        return true;
    }

    [Property]
    public bool Free_energy_is_minus_log_sum_over_hidden_states(GaussianBernoulliRbmCase c)
    {
        var terms = Enumerable.Range(0, 1 << c.Model.Hidden).Select(k => -c.Model.Energy(c.Visible, BernoulliRbmLaws.State(k, c.Model.Hidden))).ToArray();
        var expected = -BernoulliRbmLaws.LogSumExp(terms);
        return Math.Abs(expected - c.Model.FreeEnergy(c.Visible)) <= 1e-12 * Math.Max(1, Math.Abs(expected));
    }

    private static double VisibleDifference(double[] visible, int i, Func<double[], double> f)
    {
        var up = (double[])visible.Clone();
        var down = (double[])visible.Clone();
        up[i] += Step;
        down[i] -= Step;
        return (f(up) - f(down)) / (2 * Step);
    }

    private static double ParameterDifference(double[] parameters, int k, GaussianBernoulliRbm shape, Func<GaussianBernoulliRbm, double> f)
    {
        var up = (double[])parameters.Clone();
        var down = (double[])parameters.Clone();
        up[k] += Step;
        down[k] -= Step;
        return (f(Build(up, shape)) - f(Build(down, shape))) / (2 * Step);
    }

    private static double[] Flatten(GaussianBernoulliRbm m) => [.. m.Weights.Span, .. m.VisibleBias.Span, .. m.HiddenBias.Span, .. m.Sigma.Span];

    private static double[] Flatten(GaussianBernoulliRbmGradient g) => [.. g.Weights.Span, .. g.VisibleBias.Span, .. g.HiddenBias.Span, .. g.Sigma.Span];

    private static GaussianBernoulliRbm Build(double[] p, GaussianBernoulliRbm shape)
    {
        int nv = shape.Visible, nh = shape.Hidden;
        return GaussianBernoulliRbm.Create(
                Mat.From(nv, nh, p.AsSpan(0, nv * nh)),
                Vec.From(p.AsSpan(nv * nh, nv)),
                Vec.From(p.AsSpan(nv * nh + nv, nh)),
                Vec.From(p.AsSpan(nv * nh + nv + nh, nv)))
            .Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
    }
}
