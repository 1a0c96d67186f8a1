using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Models;

public class BoltzmannMachineProperties
{
    // Each energy is a sum of at most n(n+1)/2 <= 36 terms bounded by S = sum |W_ij| + sum |b_i|, so
    // its rounding error is below 36 eps S < 1e-14 S; laws comparing energies allow 1e-12 (1 + S).
    private const double EnergyRelative = 1e-12;

    // E is affine in each parameter, so a central difference has no truncation error: what is left is
    // the rounding of two energies divided by 2h, below 1e-14 S / h = 1e-11 S for h = 1e-3.
    private const double Step = 1e-3;
    private const double DifferenceRelative = 1e-10;

    [Property(MaxTest = 300, Arbitrary = [typeof(BoltzmannArbitrary)])]
    public bool Flip_energy_change_is_the_energy_difference(BoltzmannCase c)
    {
        var flipped = (double[])c.State.Clone();
        flipped[c.Site] = c.State[c.Site] == 1.0 ? c.Low : 1.0;
        var difference = c.Model.Energy(flipped) - c.Model.Energy(c.State);
        return Math.Abs(c.Model.FlipEnergyChange(c.State, c.Site) - difference) <= EnergyRelative * (1.0 + c.EnergyScale);
    }

    [Property(MaxTest = 300, Arbitrary = [typeof(BoltzmannArbitrary)])]
    public bool Local_field_is_minus_the_energy_slope(BoltzmannCase c)
    {
        // E(x_i = high) - E(x_i = low) = -f_i (high - low), with f_i read from either state.
        var high = (double[])c.State.Clone();
        high[c.Site] = 1.0;
        var low = (double[])c.State.Clone();
        low[c.Site] = c.Low;
        var slope = (c.Model.Energy(high) - c.Model.Energy(low)) / (1.0 - c.Low);
        var tolerance = EnergyRelative * (1.0 + c.EnergyScale);
        return Math.Abs(slope + c.Model.LocalField(c.State, c.Site)) <= tolerance &&
               c.Model.LocalField(high, c.Site) == c.Model.LocalField(low, c.Site);
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(BoltzmannArbitrary)])]
    public bool Gradient_is_the_finite_difference_of_the_energy(BoltzmannCase c)
    {
        var n = c.Model.Dimension;
        var gradient = c.Model.EnergyGradient(c.State);
        var tolerance = DifferenceRelative * (1.0 + c.EnergyScale);
        var i = c.Site;
        var bias = (EnergyWith(c, c.Model.Couplings, Shift(c.Model.Biases, i, Step)) -
                    EnergyWith(c, c.Model.Couplings, Shift(c.Model.Biases, i, -Step))) / (2 * Step);
        if (Math.Abs(bias - gradient.Biases[i]) > tolerance) return false;
        for (var j = 0; j < n; j++)
        {
            if (j == i)
            {
                if (gradient.Couplings[i, i] != 0.0) return false;
                continue;
            }

            // W_ij and W_ji move together: the machine stays symmetric.
            var coupling = (EnergyWith(c, ShiftPair(c.Model.Couplings, i, j, Step), c.Model.Biases) -
                            EnergyWith(c, ShiftPair(c.Model.Couplings, i, j, -Step), c.Model.Biases)) / (2 * Step);
            if (Math.Abs(coupling - gradient.Couplings[i, j]) > tolerance) return false;
            if (gradient.Couplings[i, j] != gradient.Couplings[j, i]) return false;
        }

        return true;
    }

    [Property(MaxTest = 200)]
    public Property Spin_energy_without_biases_is_even_under_a_global_flip() =>
        Prop.ForAll(Arb.From(BoltzmannArbitrary.Cases(8, 2.0, withBiases: false).Where(c => c.Model.States == StateConvention.Spin)), c =>
            c.Model.Energy(c.State.Select(s => -s).ToArray()) == c.Model.Energy(c.State));

    private static double EnergyWith(BoltzmannCase c, Mat couplings, Vec biases) => c.With(couplings, biases).Energy(c.State);

    private static Vec Shift(Vec v, int i, double h) => Vec.Create(v.Length, d =>
    {
        v.Span.CopyTo(d);
        d[i] += h;
    });

    private static Mat ShiftPair(Mat w, int i, int j, double h) => Mat.Create(w.Rows, w.Columns, d =>
    {
        w.Span.CopyTo(d);
        d[i * w.Columns + j] += h;
        d[j * w.Columns + i] += h;
    });
}
