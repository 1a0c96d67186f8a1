using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using Ebm.Functional.Tests.Models;
using static Ebm.Functional.Tests.Training.BoltzmannTrainingTesting;

namespace Ebm.Functional.Tests.Training;

/// <summary>Pseudolikelihood of Boltzmann machines: the metric from its definition, the gradient, the site subsets.</summary>
public class BoltzmannPseudolikelihoodTests
{
    [Theory]
    [InlineData(StateConvention.Binary)]
    [InlineData(StateConvention.Spin)]
    public void PseudoLogLikelihood_is_the_sum_of_the_conditionals_from_their_definition(StateConvention states)
    {
        var model = BoltzmannRandom.Create(21, 4, states, couplingScale: 1.5);
        var data = Mat.FromRows([BoltzmannRandom.State(5, 4, states), BoltzmannRandom.State(10, 4, states), BoltzmannRandom.State(15, 4, states)]);
        var expected = 0.0;
        for (var r = 0; r < data.Rows; r++)
        {
            var x = data.Row(r).ToArray();
            for (var i = 0; i < 4; i++)
            {
                var flipped = (double[])x.Clone();
                flipped[i] = x[i] == 1.0 ? (states == StateConvention.Spin ? -1.0 : 0.0) : 1.0;
                double own = -BoltzmannRandom.DefinitionEnergy(model, x), other = -BoltzmannRandom.DefinitionEnergy(model, flipped);
                expected += own - Math.Log(Math.Exp(own) + Math.Exp(other));
            }
        }

        Assert.Equal(expected / data.Rows, Valid(BoltzmannTraining.PseudoLogLikelihood(model, data)), 1e-12);
    }

    [Theory]
    [InlineData(StateConvention.Binary)]
    [InlineData(StateConvention.Spin)]
    public void The_pseudolikelihood_gradient_is_the_central_difference_of_the_negative_score(StateConvention states)
    {
        var model = BoltzmannRandom.Create(22, 5, states, couplingScale: 0.8);
        var data = Draws(23, BoltzmannRandom.Create(24, 5, states), 15);
        var result = OneStep(BoltzmannTraining.Pseudolikelihood(), 1, model, data);
        var expected = CentralDifferences(model, m => -Valid(BoltzmannTraining.PseudoLogLikelihood(m, data)));
        for (var k = 0; k < expected.Length; k++) Assert.Equal(expected[k], result.Gradient[k], DifferenceTolerance);
        Assert.Equal(Valid(BoltzmannTraining.PseudoLogLikelihood(model, data)), result.Metrics.Single().Value, 1e-12);
    }

    [Fact]
    public void Site_subsets_give_an_unbiased_estimate_of_the_full_gradient()
    {
        // 4000 independent subset gradients (2 of 6 sites per example); each entry's mean must lie within 5 standard
        // errors of the full gradient: P(|z| > 5) = 5.7e-7 per entry, 21 entries, delta ~ 1.2e-5 for the test.
        const int draws = 4000, z = 5;
        var model = BoltzmannRandom.Create(25, 6, StateConvention.Binary, couplingScale: 0.8);
        var data = Draws(26, BoltzmannRandom.Create(27, 6, StateConvention.Binary), 8);
        var full = OneStep(BoltzmannTraining.Pseudolikelihood(), 1, model, data).Gradient;
        var subset = BoltzmannTraining.Pseudolikelihood(sitesPerExample: 2);
        var sums = new double[full.Length];
        var squares = new double[full.Length];
        for (var t = 0; t < draws; t++)
        {
            var g = Valid(subset.Step(RngKey.FromSeed(28).FoldIn(t), model, [], data)).Gradient;
            for (var k = 0; k < g.Length; k++)
            {
                sums[k] += g[k];
                squares[k] += g[k] * g[k];
            }
        }

        for (var k = 0; k < full.Length; k++)
        {
            var mean = sums[k] / draws;
            var standardError = Math.Sqrt((squares[k] / draws - mean * mean) / (draws - 1));
            Assert.InRange(full[k], mean - z * standardError - 1e-12, mean + z * standardError + 1e-12);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void Sites_per_example_outside_one_to_n_are_refused(int sites)
    {
        var model = BoltzmannRandom.Create(1, 6, StateConvention.Binary);
        var refused = BoltzmannTraining.Pseudolikelihood(sites).Step(RngKey.FromSeed(1), model, [], Mat.Zeros(1, 6));
        Assert.Equal(TrainingErrors.InvalidSettingCode, refused.Match(_ => 0, e => e.Code));
    }
}
