using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Tests.Models;

public class BernoulliRbmTests
{
    private const double Tight = 1e-12;

    private static readonly BernoulliRbm Model = RbmTestModels.Bernoulli(4, 3, 1.5, 1.0, 7);

    [Fact]
    public void Energy_of_a_hand_computed_state()
    {
        // W = [[1, -2], [0.5, 3]], b = (0.1, -0.2), c = (0.3, 0.4), v = (1, 1), h = (1, 0):
        // E = -(1 + 0.5) - (0.1 - 0.2) - 0.3 = -1.7.
        var model = BernoulliRbm.Create(Mat.FromRows([[1.0, -2.0], [0.5, 3.0]]), Vec.Of(0.1, -0.2), Vec.Of(0.3, 0.4)).Match(m => m, _ => throw new InvalidOperationException());
        Assert.Equal(-1.7, model.Energy([1.0, 1.0, 1.0, 0.0]), Tight);
        Assert.Equal(-1.7, model.Energies(Mat.FromRows([[1.0, 1.0, 1.0, 0.0]]))[0], Tight);
        Assert.Equal(StateConvention.Binary, model.States);
        Assert.Equal(4, model.Dimension);
    }

    [Fact]
    public void Batch_energies_equal_one_at_a_time()
    {
        var states = AllJointStates(Model);
        var batch = Model.Energies(states);
        for (var r = 0; r < states.Rows; r++) Assert.Equal(Model.Energy(states.Row(r)), batch[r], Tight);
    }

    [Fact]
    public void Flip_energy_change_and_local_field_agree_with_energy_differences()
    {
        var states = AllJointStates(Model);
        for (var r = 0; r < states.Rows; r++)
        {
            var state = states.Row(r).ToArray();
            for (var site = 0; site < Model.Dimension; site++)
            {
                var flipped = (double[])state.Clone();
                flipped[site] = 1 - flipped[site];
                var difference = Model.Energy(flipped) - Model.Energy(state);
                Assert.Equal(difference, Model.FlipEnergyChange(state, site), Tight);
                var high = (double[])state.Clone();
                high[site] = 1;
                var low = (double[])state.Clone();
                low[site] = 0;
                Assert.Equal(-(Model.Energy(high) - Model.Energy(low)), Model.LocalField(state, site), Tight);
            }
        }
    }

    [Fact]
    public void Free_energies_equal_minus_log_of_the_summed_out_layer()
    {
        var visible = AllStates(Model.Visible);
        var free = Model.FreeEnergies(visible);
        for (var r = 0; r < visible.Rows; r++)
        {
            var v = visible.Row(r).ToArray();
            var terms = Enumerable.Range(0, 1 << Model.Hidden).Select(k => -Model.Energy(v, RbmTestModels.State(k, Model.Hidden))).ToList();
            Assert.Equal(-RbmTestModels.LogSumExp(terms), Model.FreeEnergy(v), Tight);
            Assert.Equal(Model.FreeEnergy(v), free[r], Tight);
        }

        var hidden = AllStates(Model.Hidden);
        var hiddenFree = Model.HiddenFreeEnergies(hidden);
        for (var r = 0; r < hidden.Rows; r++)
        {
            var h = hidden.Row(r).ToArray();
            var terms = Enumerable.Range(0, 1 << Model.Visible).Select(k => -Model.Energy(RbmTestModels.State(k, Model.Visible), h)).ToList();
            Assert.Equal(-RbmTestModels.LogSumExp(terms), Model.HiddenFreeEnergy(h), Tight);
            Assert.Equal(Model.HiddenFreeEnergy(h), hiddenFree[r], Tight);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.6)]
    [InlineData(2.0)]
    public void Conditionals_equal_brute_force_marginals_at_beta(double beta)
    {
        var visible = AllStates(Model.Visible);
        var hiddenProbabilities = Model.HiddenProbabilities(visible, beta);
        for (var r = 0; r < visible.Rows; r++)
        {
            var v = visible.Row(r).ToArray();
            for (var j = 0; j < Model.Hidden; j++)
                Assert.Equal(Conditional(k => -beta * Model.Energy(v, RbmTestModels.State(k, Model.Hidden)), Model.Hidden, j), hiddenProbabilities[r, j], Tight);
        }

        var hidden = AllStates(Model.Hidden);
        var visibleProbabilities = Model.VisibleProbabilities(hidden, beta);
        for (var r = 0; r < hidden.Rows; r++)
        {
            var h = hidden.Row(r).ToArray();
            for (var i = 0; i < Model.Visible; i++)
                Assert.Equal(Conditional(k => -beta * Model.Energy(RbmTestModels.State(k, Model.Visible), h), Model.Visible, i), visibleProbabilities[r, i], Tight);
        }
    }

    [Fact]
    public void Free_energy_gradient_is_the_conditional_mean_of_the_energy_gradient()
    {
        // dF(v)/dtheta = sum_h p(h | v) dE(v,h)/dtheta, averaged over the batch.
        var visible = Mat.FromRows([[1.0, 0.0, 1.0, 1.0], [0.0, 1.0, 1.0, 0.0], [1.0, 1.0, 1.0, 1.0]]);
        var expectedWeights = new double[Model.Visible * Model.Hidden];
        var expectedVisible = new double[Model.Visible];
        var expectedHidden = new double[Model.Hidden];
        for (var r = 0; r < visible.Rows; r++)
        {
            var v = visible.Row(r).ToArray();
            var logWeights = Enumerable.Range(0, 1 << Model.Hidden).Select(k => -Model.Energy(v, RbmTestModels.State(k, Model.Hidden))).ToList();
            var logNorm = RbmTestModels.LogSumExp(logWeights);
            for (var k = 0; k < 1 << Model.Hidden; k++)
            {
                var p = Math.Exp(logWeights[k] - logNorm) / visible.Rows;
                var g = Model.EnergyGradient(v, RbmTestModels.State(k, Model.Hidden));
                for (var a = 0; a < expectedWeights.Length; a++) expectedWeights[a] += p * g.Weights.Span[a];
                for (var i = 0; i < Model.Visible; i++) expectedVisible[i] += p * g.VisibleBias[i];
                for (var j = 0; j < Model.Hidden; j++) expectedHidden[j] += p * g.HiddenBias[j];
            }
        }

        var actual = Model.FreeEnergyGradient(visible);
        AssertAll(expectedWeights, actual.Weights.Span);
        AssertAll(expectedVisible, actual.VisibleBias.Span);
        AssertAll(expectedHidden, actual.HiddenBias.Span);
    }

    [Fact]
    public void Energy_gradient_is_minus_the_outer_product_and_averages_over_a_batch()
    {
        double[] v = [1, 0, 1, 1];
        double[] h = [0, 1, 1];
        var single = Model.EnergyGradient(v, h);
        for (var i = 0; i < 4; i++)
        for (var j = 0; j < 3; j++)
            Assert.Equal(-v[i] * h[j], single.Weights[i, j]);
        AssertAll([-1, 0, -1, -1], single.VisibleBias.Span);
        AssertAll([0, -1, -1], single.HiddenBias.Span);

        var other = Model.EnergyGradient([0, 1, 1, 0], [1, 1, 0]);
        var batch = Model.EnergyGradient(Mat.FromRows([v, [0, 1, 1, 0]]), Mat.FromRows([h, [1, 1, 0]]));
        for (var a = 0; a < 12; a++) Assert.Equal(0.5 * (single.Weights.Span[a] + other.Weights.Span[a]), batch.Weights.Span[a], Tight);
    }

    private static double Conditional(Func<long, double> logWeight, int units, int unit)
    {
        var all = Enumerable.Range(0, 1 << units).Select(k => logWeight(k)).ToList();
        var on = Enumerable.Range(0, 1 << units).Where(k => ((k >> unit) & 1) == 1).Select(k => logWeight(k)).ToList();
        return Math.Exp(RbmTestModels.LogSumExp(on) - RbmTestModels.LogSumExp(all));
    }

    private static Mat AllStates(int units) =>
        Mat.FromRows(Enumerable.Range(0, 1 << units).Select(k => RbmTestModels.State(k, units)).ToList());

    private static Mat AllJointStates(BernoulliRbm model) => AllStates(model.Dimension);

    private static void AssertAll(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var k = 0; k < expected.Length; k++) Assert.Equal(expected[k], actual[k], Tight);
    }
}
