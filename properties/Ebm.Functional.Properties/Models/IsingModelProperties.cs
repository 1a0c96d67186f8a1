using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Models;

/// <summary>Laws of the Ising energy on random lattices (1..5 x 1..5, both boundaries), couplings, fields and states.</summary>
public sealed class IsingModelProperties
{
    /// <summary>Energies are sums of at most 3N terms of size |J| + |h| &lt;= 4, so rounding stays below 1e-12 of their scale.</summary>
    private const double Rounding = 1e-12;

    internal static IsingModel Lattice(int rowsSeed, int columnsSeed, bool periodic, int couplingSeed, int fieldSeed) =>
        IsingModel.Create(1 + Math.Abs(rowsSeed % 5), 1 + Math.Abs(columnsSeed % 5), (couplingSeed % 2001) / 1000.0, (fieldSeed % 2001) / 1000.0,
            periodic ? Boundary.Periodic : Boundary.Open).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));

    private static double[] State(IsingModel model, ulong bits) =>
        Enumerable.Range(0, model.Dimension).Select(i => ((bits >> (i % 64)) & 1) == 1 ^ i >= 64 ? 1.0 : -1.0).ToArray();

    private static double Scale(IsingModel model) => model.Dimension * (2 * Math.Abs(model.Coupling) + Math.Abs(model.Field) + 1);

    [Property(MaxTest = 300)]
    public void Flip_energy_change_is_the_energy_difference(int rows, int columns, bool periodic, int coupling, int field, ulong bits, int siteSeed)
    {
        var model = Lattice(rows, columns, periodic, coupling, field);
        var state = State(model, bits);
        var site = Math.Abs(siteSeed % model.Dimension);
        var flipped = (double[])state.Clone();
        flipped[site] = -flipped[site];
        var difference = model.Energy(flipped) - model.Energy(state);
        Assert.True(Math.Abs(model.FlipEnergyChange(state, site) - difference) <= Rounding * Scale(model));
    }

    [Property(MaxTest = 300)]
    public void Local_field_gives_the_conditional_probability(int rows, int columns, bool periodic, int coupling, int field, ulong bits, int siteSeed)
    {
        const double beta = 0.7;
        var model = Lattice(rows, columns, periodic, coupling, field);
        var state = State(model, bits);
        var site = Math.Abs(siteSeed % model.Dimension);
        var up = (double[])state.Clone();
        var down = (double[])state.Clone();
        up[site] = 1.0;
        down[site] = -1.0;
        var fromEnergies = 1.0 / (1.0 + Math.Exp(-beta * (model.Energy(down) - model.Energy(up))));
        var fromField = 1.0 / (1.0 + Math.Exp(-2.0 * beta * model.LocalField(state, site)));
        Assert.True(Math.Abs(fromEnergies - fromField) <= 1e-12);
    }

    [Property(MaxTest = 300)]
    public void Energy_is_invariant_under_reversing_every_spin_at_zero_field(int rows, int columns, bool periodic, int coupling, ulong bits)
    {
        var model = Lattice(rows, columns, periodic, coupling, 0);
        var state = State(model, bits);
        var reversed = state.Select(s => -s).ToArray();
        Assert.True(Math.Abs(model.Energy(reversed) - model.Energy(state)) <= Rounding * Scale(model));
        Assert.Equal(-model.Magnetisation(state), model.Magnetisation(reversed));
    }

    [Property(MaxTest = 300)]
    public void Periodic_energy_is_invariant_under_translation(int rows, int columns, int coupling, int field, ulong bits, int rowShift, int columnShift)
    {
        var model = Lattice(rows, columns, true, coupling, field);
        var state = State(model, bits);
        int dr = Math.Abs(rowShift % model.Rows), dc = Math.Abs(columnShift % model.Columns);
        var shifted = new double[state.Length];
        for (var r = 0; r < model.Rows; r++)
        for (var c = 0; c < model.Columns; c++)
            shifted[(r + dr) % model.Rows * model.Columns + (c + dc) % model.Columns] = state[r * model.Columns + c];
        Assert.True(Math.Abs(model.Energy(shifted) - model.Energy(state)) <= Rounding * Scale(model));
    }

    [Property(MaxTest = 300)]
    public void Parameter_gradient_is_the_finite_difference(int rows, int columns, bool periodic, int coupling, int field, ulong bits)
    {
        // E is linear in (J, h), so a central difference of any step is exact up to rounding.
        const double step = 0.25;
        var model = Lattice(rows, columns, periodic, coupling, field);
        var state = State(model, bits);
        var gradient = model.ParameterGradient(state);
        IsingModel With(double j, double h) => IsingModel.Create(model.Rows, model.Columns, j, h, model.Boundary).Match(m => m, e => throw new InvalidOperationException());
        var dJ = (With(model.Coupling + step, model.Field).Energy(state) - With(model.Coupling - step, model.Field).Energy(state)) / (2 * step);
        var dH = (With(model.Coupling, model.Field + step).Energy(state) - With(model.Coupling, model.Field - step).Energy(state)) / (2 * step);
        Assert.True(Math.Abs(gradient.Coupling - dJ) <= Rounding * Scale(model) / step);
        Assert.True(Math.Abs(gradient.Field - dH) <= Rounding * Scale(model) / step);
    }

    [Property(MaxTest = 100)]
    public void Batch_energies_and_mean_gradient_agree_with_single_states(int rows, int columns, bool periodic, int coupling, int field, ulong[] bits)
    {
        var model = Lattice(rows, columns, periodic, coupling, field);
        var states = (bits.Length == 0 ? [0UL] : bits).Select(b => State(model, b)).ToArray();
        var batch = Mat.FromRows(states);
        var energies = model.Energies(batch);
        for (var i = 0; i < states.Length; i++) Assert.Equal(model.Energy(states[i]), energies[i]);
        var mean = model.MeanParameterGradient(batch);
        var gradients = states.Select(s => model.ParameterGradient(s)).ToArray();
        Assert.True(Math.Abs(mean.Coupling - gradients.Average(g => g.Coupling)) <= Rounding * Scale(model));
        Assert.True(Math.Abs(mean.Field - gradients.Average(g => g.Field)) <= Rounding * Scale(model));
    }
}
