using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Tests.Models;

/// <summary>The discrete adapter: fields and flips derived from the energy agree with hand values and with the Boltzmann machine's formulas.</summary>
public sealed class DiscreteEnergyModelTests
{
    [Fact]
    public void Derived_field_and_flip_of_a_spin_pair()
    {
        // E = -s0 s1 at (+1, +1): f_0 = (E(-1, +1) - E(+1, +1)) / 2 = (1 - (-1)) / 2 = 1; flipping s0 raises E from -1 to 1.
        var pair = ContractModels.Valid(DiscreteEnergyModel.Create(2, StateConvention.Spin, s => -s[0] * s[1]));
        Assert.Equal(1.0, pair.LocalField([1.0, 1.0], 0));
        Assert.Equal(2.0, pair.FlipEnergyChange([1.0, 1.0], 0));
        Assert.True(pair.DerivesLocalField && pair.DerivesFlipEnergyChange);
    }

    [Fact]
    public void Derived_field_and_flip_of_a_binary_pair()
    {
        // E = -x0 x1 - 0.5 x0 at (0, 1): f_0 = E(0, 1) - E(1, 1) = 0 - (-1.5) = 1.5; setting x0 = 1 lowers E by 1.5.
        var pair = ContractModels.Valid(DiscreteEnergyModel.Create(2, StateConvention.Binary, x => -x[0] * x[1] - 0.5 * x[0]));
        Assert.Equal(1.5, pair.LocalField([0.0, 1.0], 0));
        Assert.Equal(-1.5, pair.FlipEnergyChange([0.0, 1.0], 0));
    }

    [Theory]
    [InlineData(StateConvention.Binary)]
    [InlineData(StateConvention.Spin)]
    public void Derived_members_equal_the_boltzmann_machine_formulas_on_every_state(StateConvention states)
    {
        const int units = 6;
        var machine = BoltzmannRandom.Create(21, units, states);
        var adapter = ContractModels.Valid(DiscreteEnergyModel.Create(units, states, machine.Energy));
        var low = states == StateConvention.Binary ? 0.0 : -1.0;
        var all = new double[1 << units][];
        for (var index = 0; index < all.Length; index++)
        {
            var x = new double[units];
            for (var i = 0; i < units; i++) x[i] = ((index >> i) & 1) == 1 ? 1.0 : low;
            all[index] = x;
            for (var i = 0; i < units; i++)
            {
                // The energies are sums of at most 21 terms below 1 in size: rounding stays below 1e-13.
                Assert.Equal(machine.LocalField(x, i), adapter.LocalField(x, i), 1e-13);
                Assert.Equal(machine.FlipEnergyChange(x, i), adapter.FlipEnergyChange(x, i), 1e-13);
            }
        }

        var batch = Mat.FromRows(all);
        var expected = machine.Energies(batch);
        var energies = adapter.Energies(batch);
        for (var r = 0; r < all.Length; r++) Assert.Equal(expected[r], energies[r], 1e-13);
    }

    [Fact]
    public void A_given_field_is_used_and_gives_the_flip()
    {
        var calls = 0;
        var ring = ContractModels.Valid(DiscreteEnergyModel.Create(8, StateConvention.Spin, ContractModels.Triplet,
            localField: (s, i) =>
            {
                Interlocked.Increment(ref calls);
                return ContractModels.TripletField(s, i);
            }));
        double[] s = [1, -1, 1, 1, -1, -1, 1, 1];
        var field = ring.LocalField(s, 3);
        // Flipping s_3 = +1 to -1 changes E by -f (x' - x) = 2 f.
        Assert.Equal(2.0 * field, ring.FlipEnergyChange(s, 3));
        Assert.Equal(2, calls);
        Assert.False(ring.DerivesLocalField);
        Assert.True(ring.DerivesFlipEnergyChange);
    }

    [Fact]
    public void A_given_flip_gives_the_field()
    {
        var ring = ContractModels.Valid(DiscreteEnergyModel.Create(8, StateConvention.Spin, ContractModels.Triplet,
            flipEnergyChange: (s, i) => 2.0 * s[i] * ContractModels.TripletField(s, i)));
        double[] s = [1, -1, 1, 1, -1, -1, 1, 1];
        Assert.Equal(ContractModels.TripletField(s, 4), ring.LocalField(s, 4));
    }

    [Fact]
    public void Enumeration_of_the_adapter_equals_a_brute_force_sum()
    {
        const double beta = 0.8;
        var ring = ContractModels.Valid(DiscreteEnergyModel.Create(8, StateConvention.Spin, ContractModels.Triplet));
        var terms = new double[256];
        for (var index = 0; index < terms.Length; index++)
        {
            var s = new double[8];
            for (var i = 0; i < 8; i++) s[i] = ((index >> i) & 1) == 1 ? 1.0 : -1.0;
            terms[index] = -beta * ContractModels.Triplet(s);
        }

        var max = terms.Max();
        var logZ = max + Math.Log(terms.Sum(t => Math.Exp(t - max)));
        var exact = LogPartition.Exact(ring, beta).Match(r => r, e => throw new InvalidOperationException(e.Message));
        Assert.Equal("enumeration", exact.Method);
        Assert.Equal(logZ, exact.LogZ, 1e-12);
    }

    [Fact]
    public void Every_construction_problem_is_reported()
    {
        var errors = DiscreteEnergyModel.Create(0, StateConvention.Spin, _ => 0.0, kind: " ").Match(_ => [], e => e.Map(x => x.Message).ToArray());
        Assert.Equal(["dimension: = 0, expected at least one unit", "kind: is blank, expected a name for messages"], errors);
    }

    [Fact]
    public void A_state_of_the_wrong_length_is_a_programmer_error()
    {
        var pair = ContractModels.Valid(DiscreteEnergyModel.Create(2, StateConvention.Spin, s => -s[0] * s[1]));
        Assert.Throws<ArgumentException>(() => pair.Energy([1.0, 1.0, 1.0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => pair.LocalField([1.0, 1.0], 2));
    }
}
