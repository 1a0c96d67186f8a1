using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Training;
using Ebm.Functional.Tests.Models;
using static Ebm.Functional.Tests.Training.BoltzmannTrainingTesting;

namespace Ebm.Functional.Tests.Training;

/// <summary>Ratio matching of Boltzmann machines: the loss from its definition and its gradient.</summary>
public class BoltzmannRatioMatchingTests
{
    [Theory]
    [InlineData(StateConvention.Binary)]
    [InlineData(StateConvention.Spin)]
    public void The_loss_is_the_squared_g_of_the_probability_ratios_from_their_definition(StateConvention states)
    {
        var model = BoltzmannRandom.Create(31, 4, states, couplingScale: 1.2);
        var data = Mat.FromRows([BoltzmannRandom.State(6, 4, states), BoltzmannRandom.State(9, 4, states)]);
        var expected = 0.0;
        for (var r = 0; r < data.Rows; r++)
        {
            var x = data.Row(r).ToArray();
            for (var i = 0; i < 4; i++)
            {
                var flipped = (double[])x.Clone();
                flipped[i] = x[i] == 1.0 ? (states == StateConvention.Spin ? -1.0 : 0.0) : 1.0;
                var ratio = Math.Exp(BoltzmannRandom.DefinitionEnergy(model, flipped) - BoltzmannRandom.DefinitionEnergy(model, x));
                expected += Math.Pow(1.0 / (1.0 + ratio), 2);
            }
        }

        Assert.Equal(expected / data.Rows, Valid(BoltzmannTraining.RatioMatchingLoss(model, data)), 1e-12);
    }

    [Fact]
    public void A_machine_with_zero_parameters_scores_a_quarter_per_unit()
    {
        var model = BoltzmannRandom.Create(Mat.Zeros(5, 5), Vec.Zeros(5), StateConvention.Binary);
        Assert.Equal(5 / 4.0, Valid(BoltzmannTraining.RatioMatchingLoss(model, Mat.FromRows([[1.0, 0, 1, 1, 0]]))), 1e-15);
    }

    [Theory]
    [InlineData(StateConvention.Binary)]
    [InlineData(StateConvention.Spin)]
    public void The_ratio_matching_gradient_is_the_central_difference_of_the_loss(StateConvention states)
    {
        var model = BoltzmannRandom.Create(32, 5, states, couplingScale: 0.8);
        var data = Draws(33, BoltzmannRandom.Create(34, 5, states), 15);
        var result = OneStep(BoltzmannTraining.RatioMatching(), 1, model, data);
        var expected = CentralDifferences(model, m => Valid(BoltzmannTraining.RatioMatchingLoss(m, data)));
        for (var k = 0; k < expected.Length; k++) Assert.Equal(expected[k], result.Gradient[k], DifferenceTolerance);
        Assert.Equal(Valid(BoltzmannTraining.RatioMatchingLoss(model, data)), result.Metrics.Single().Value, 1e-12);
    }
}
