using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Models;

/// <summary>Laws of the Potts and clock energies on random lattices (1..5 x 1..5, both boundaries, q = 2..7), couplings, fields and states.</summary>
public sealed class CategoricalModelProperties
{
    /// <summary>Energies are sums of at most 3N terms of size |J| + |h| &lt;= 4, so rounding stays below 1e-12 of their scale.</summary>
    private const double Rounding = 1e-12;

    private static ICategoricalModel Lattice(bool clock, int rowsSeed, int columnsSeed, int levelsSeed, bool periodic, int couplingSeed, int fieldSeed)
    {
        var (rows, columns, levels) = (1 + Math.Abs(rowsSeed % 5), 1 + Math.Abs(columnsSeed % 5), 2 + Math.Abs(levelsSeed % 6));
        var (coupling, field, boundary) = ((couplingSeed % 2001) / 1000.0, (fieldSeed % 2001) / 1000.0, periodic ? Boundary.Periodic : Boundary.Open);
        return clock
            ? ClockModel.Create(rows, columns, levels, coupling, field, boundary).Match(m => (ICategoricalModel)m, e => throw new InvalidOperationException(e.Head.Message))
            : PottsModel.Create(rows, columns, levels, coupling, field, boundary).Match(m => (ICategoricalModel)m, e => throw new InvalidOperationException(e.Head.Message));
    }

    private static double[] State(ICategoricalModel model, ulong seed) =>
        Enumerable.Range(0, model.Dimension).Select(i => Math.Floor(RngKey.FromSeed(seed).UniformAt(i) * model.Levels)).ToArray();

    private static double Scale(ICategoricalModel model) => model.Dimension * 5.0;

    [Property(MaxTest = 400)]
    public void Change_energy_is_the_energy_difference(bool clock, int rows, int columns, int levels, bool periodic, int coupling, int field, ulong seed, int siteSeed, int valueSeed)
    {
        var model = Lattice(clock, rows, columns, levels, periodic, coupling, field);
        var state = State(model, seed);
        var site = Math.Abs(siteSeed % model.Dimension);
        var value = Math.Abs(valueSeed % model.Levels);
        var changed = (double[])state.Clone();
        changed[site] = value;
        var difference = model.Energy(changed) - model.Energy(state);
        Assert.True(Math.Abs(model.ChangeEnergy(state, site, value) - difference) <= Rounding * Scale(model));
    }

    [Property(MaxTest = 300)]
    public void Zero_field_energy_is_invariant_under_relabelling_every_unit(bool clock, int rows, int columns, int levels, bool periodic, int coupling, ulong seed, int shiftSeed)
    {
        // Potts: any permutation of the values (here a cyclic shift); clock: a rotation of every angle by the same step.
        var model = Lattice(clock, rows, columns, levels, periodic, coupling, 0);
        var state = State(model, seed);
        var shift = Math.Abs(shiftSeed % model.Levels);
        var shifted = state.Select(s => (s + shift) % model.Levels).ToArray();
        Assert.True(Math.Abs(model.Energy(shifted) - model.Energy(state)) <= Rounding * Scale(model));
    }
}
