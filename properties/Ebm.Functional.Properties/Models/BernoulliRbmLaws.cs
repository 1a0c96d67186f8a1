using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Models;

[Properties(Arbitrary = [typeof(RbmArbitraries)], MaxTest = 100)]
public class BernoulliRbmLaws
{
    private const double Step = 1e-5;

    [Property]
    public bool Energy_gradient_equals_finite_differences(BernoulliRbmCase c)
    {
        // E is linear in (W, b, c), so a central difference is exact up to rounding: a few ulps of |E| <= 48
        // divided by 2 Step, about 1e-9 at worst.
        var gradient = Flatten(c.Model.EnergyGradient(c.Visible, c.Hidden));
        var parameters = Flatten(c.Model);
        for (var k = 0; k < parameters.Length; k++)
        {
            var numeric = CentralDifference(parameters, k, m => m.Energy(c.Visible, c.Hidden), c.Model);
            if (Math.Abs(numeric - gradient[k]) > 5e-9) return false;
        }

        return true;
    }

    [Property]
    public bool Free_energy_gradient_equals_finite_differences(BernoulliRbmCase c)
    {
        // Truncation Step^2 / 6 |F'''| with |F'''| <= sum_j |d^3 softplus| <= 4 units / 10, rounding 1e-16 |F| / Step: below 1e-8.
        var gradient = Flatten(c.Model.FreeEnergyGradient(Mat.FromRows([c.Visible])));
        var parameters = Flatten(c.Model);
        for (var k = 0; k < parameters.Length; k++)
        {
            var numeric = CentralDifference(parameters, k, m => m.FreeEnergy(c.Visible), c.Model);
            if (Math.Abs(numeric - gradient[k]) > 1e-8) return false;
        }

        return true;
    }

    [Property]
    public bool Free_energy_is_minus_log_sum_over_hidden_states(BernoulliRbmCase c)
    {
        var terms = Enumerable.Range(0, 1 << c.Model.Hidden).Select(k => -c.Model.Energy(c.Visible, State(k, c.Model.Hidden))).ToArray();
        var expected = -LogSumExp(terms);
        return Math.Abs(expected - c.Model.FreeEnergy(c.Visible)) <= 1e-12 * Math.Max(1, Math.Abs(expected));
    }

    [Property]
    public bool Hidden_free_energy_is_minus_log_sum_over_visible_states(BernoulliRbmCase c)
    {
        var terms = Enumerable.Range(0, 1 << c.Model.Visible).Select(k => -c.Model.Energy(State(k, c.Model.Visible), c.Hidden)).ToArray();
        var expected = -LogSumExp(terms);
        return Math.Abs(expected - c.Model.HiddenFreeEnergy(c.Hidden)) <= 1e-12 * Math.Max(1, Math.Abs(expected));
    }

    [Property]
    public bool Flip_energy_change_is_the_energy_difference(BernoulliRbmCase c)
    {
        double[] state = [.. c.Visible, .. c.Hidden];
        for (var site = 0; site < state.Length; site++)
        {
            var flipped = (double[])state.Clone();
            flipped[site] = 1 - flipped[site];
            if (Math.Abs(c.Model.Energy(flipped) - c.Model.Energy(state) - c.Model.FlipEnergyChange(state, site)) > 1e-12) return false;
        }

        return true;
    }

    internal static double[] State(long index, int units) => Enumerable.Range(0, units).Select(k => (double)((index >> k) & 1)).ToArray();

    internal static double LogSumExp(double[] values)
    {
        var max = values.Max();
        return max + Math.Log(values.Sum(x => Math.Exp(x - max)));
    }

    private static double CentralDifference(double[] parameters, int k, Func<BernoulliRbm, double> f, BernoulliRbm shape)
    {
        var up = (double[])parameters.Clone();
        var down = (double[])parameters.Clone();
        up[k] += Step;
        down[k] -= Step;
        return (f(Build(up, shape)) - f(Build(down, shape))) / (2 * Step);
    }

    private static double[] Flatten(BernoulliRbm m) => [.. m.Weights.Span, .. m.VisibleBias.Span, .. m.HiddenBias.Span];

    private static double[] Flatten(RbmGradient g) => [.. g.Weights.Span, .. g.VisibleBias.Span, .. g.HiddenBias.Span];

    private static BernoulliRbm Build(double[] parameters, BernoulliRbm shape)
    {
        int nv = shape.Visible, nh = shape.Hidden;
        return BernoulliRbm.Create(
                Mat.From(nv, nh, parameters.AsSpan(0, nv * nh)),
                Vec.From(parameters.AsSpan(nv * nh, nv)),
                Vec.From(parameters.AsSpan(nv * nh + nv, nh)))
            .Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
    }
}
