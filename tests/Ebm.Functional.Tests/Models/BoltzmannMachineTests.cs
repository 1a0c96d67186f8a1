using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Tests.Models;

public class BoltzmannMachineTests
{
    // W_01 = 1, W_02 = -2, W_12 = 0.5, b = (0.5, -1, 0.25).
    private static readonly Mat Couplings = Mat.FromRows([[0.0, 1.0, -2.0], [1.0, 0.0, 0.5], [-2.0, 0.5, 0.0]]);
    private static readonly Vec Biases = Vec.Of(0.5, -1.0, 0.25);

    private static BoltzmannMachine Machine(StateConvention states) => BoltzmannRandom.Create(Couplings, Biases, states);

    [Theory]
    // Binary: only products of active units count.
    [InlineData(StateConvention.Binary, new[] { 0.0, 0.0, 0.0 }, 0.0)]
    [InlineData(StateConvention.Binary, new[] { 1.0, 1.0, 0.0 }, -1.0 - 0.5 + 1.0)]
    [InlineData(StateConvention.Binary, new[] { 1.0, 1.0, 1.0 }, -(1.0 - 2.0 + 0.5) - (0.5 - 1.0 + 0.25))]
    // Spin: s = (+1, -1, +1) gives pairs -1, -2, -0.5 and fields 0.5, 1, 0.25.
    [InlineData(StateConvention.Spin, new[] { 1.0, -1.0, 1.0 }, 3.5 - 1.75)]
    [InlineData(StateConvention.Spin, new[] { -1.0, -1.0, -1.0 }, -(1.0 - 2.0 + 0.5) - (-0.5 + 1.0 - 0.25))]
    public void Energy_matches_hand_computed_values(StateConvention states, double[] x, double expected) =>
        Assert.Equal(expected, Machine(states).Energy(x), 14);

    [Theory]
    [InlineData(StateConvention.Binary)]
    [InlineData(StateConvention.Spin)]
    public void Batch_energies_equal_the_single_state_energies(StateConvention states)
    {
        var model = BoltzmannRandom.Create(11, 7, states);
        var batch = Mat.Create(1 << 7, 7, d =>
        {
            for (var x = 0; x < 1 << 7; x++) BoltzmannRandom.State(x, 7, states).CopyTo(d.Slice(x * 7, 7));
        });
        var energies = model.Energies(batch);
        for (var x = 0; x < batch.Rows; x++)
            Assert.Equal(BoltzmannRandom.DefinitionEnergy(model, batch.Row(x)), energies[x], 1e-12);
    }

    [Fact]
    public void Local_field_and_flip_change_match_hand_computed_values()
    {
        var binary = Machine(StateConvention.Binary);
        double[] x = [1.0, 0.0, 1.0];
        // f_1 = W_10 + W_12 + b_1 = 1 + 0.5 - 1 = 0.5; raising unit 1 lowers E by 0.5.
        Assert.Equal(0.5, binary.LocalField(x, 1), 14);
        Assert.Equal(-0.5, binary.FlipEnergyChange(x, 1), 14);
        // f_0 = W_02 + b_0 = -1.5; dropping unit 0 (1 -> 0) changes E by -f_0 (0 - 1) = -1.5.
        Assert.Equal(-1.5, binary.FlipEnergyChange(x, 0), 14);

        var spin = Machine(StateConvention.Spin);
        double[] s = [1.0, -1.0, 1.0];
        // f_2 = W_20 - W_21 + b_2 = -2 - 0.5 + 0.25 = -2.25; flipping s_2 = +1 changes E by 2 f_2.
        Assert.Equal(-2.25, spin.LocalField(s, 2), 14);
        Assert.Equal(-4.5, spin.FlipEnergyChange(s, 2), 14);
    }

    [Fact]
    public void Gradient_of_one_state_is_minus_the_products()
    {
        var g = Machine(StateConvention.Spin).EnergyGradient([1.0, -1.0, 1.0]);
        Assert.Equal(Mat.FromRows([[0.0, 1.0, -1.0], [1.0, 0.0, 1.0], [-1.0, 1.0, 0.0]]), g.Couplings);
        Assert.Equal(Vec.Of(-1.0, 1.0, -1.0), g.Biases);
    }

    [Fact]
    public void Mean_gradient_is_the_average_of_the_single_state_gradients()
    {
        var model = BoltzmannRandom.Create(5, 4, StateConvention.Binary);
        var batch = Mat.FromRows([[1.0, 0.0, 1.0, 1.0], [0.0, 1.0, 1.0, 0.0], [1.0, 1.0, 1.0, 1.0]]);
        var mean = model.MeanEnergyGradient(batch);
        for (var i = 0; i < 4; i++)
        {
            var bias = 0.0;
            for (var r = 0; r < 3; r++) bias += model.EnergyGradient(batch.Row(r)).Biases[i] / 3.0;
            Assert.Equal(bias, mean.Biases[i], 15);
            for (var j = 0; j < 4; j++)
            {
                var coupling = 0.0;
                for (var r = 0; r < 3; r++) coupling += model.EnergyGradient(batch.Row(r)).Couplings[i, j] / 3.0;
                Assert.Equal(coupling, mean.Couplings[i, j], 15);
            }
        }

        Assert.Equal(-2.0 / 3.0, mean.Couplings[0, 2], 15);
        Assert.Equal(0.0, mean.Couplings[2, 2]);
    }

    [Fact]
    public void A_state_of_the_wrong_length_is_a_programmer_error()
    {
        var model = Machine(StateConvention.Binary);
        Assert.Throws<ArgumentException>(() => model.Energy([1.0, 0.0]));
        Assert.Throws<ArgumentException>(() => model.Energies(Mat.Zeros(2, 4)));
    }
}
