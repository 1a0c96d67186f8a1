using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Training;
using Ebm.Functional.Tests.Models;
using static Ebm.Functional.Tests.Training.BoltzmannTrainingTesting;

namespace Ebm.Functional.Tests.Training;

/// <summary>Exact maximum likelihood for Boltzmann machines against definitions and central differences.</summary>
public class BoltzmannExactTests
{
    [Theory]
    [InlineData(StateConvention.Binary)]
    [InlineData(StateConvention.Spin)]
    public void AverageLogLikelihood_is_the_definition_summed_over_all_states(StateConvention states)
    {
        var model = BoltzmannRandom.Create(11, 5, states, couplingScale: 0.7);
        var data = Mat.FromRows([BoltzmannRandom.State(3, 5, states), BoltzmannRandom.State(17, 5, states)]);
        var logWeights = Enumerable.Range(0, 32).Select(x => -BoltzmannRandom.DefinitionEnergy(model, BoltzmannRandom.State(x, 5, states))).ToArray();
        var logZ = LogSpace.LogSumExp(logWeights);
        var expected = (logWeights[3] + logWeights[17]) / 2 - logZ;
        Assert.Equal(expected, Valid(BoltzmannTraining.AverageLogLikelihood(model, data)), 1e-12);
    }

    [Theory]
    [InlineData(StateConvention.Binary)]
    [InlineData(StateConvention.Spin)]
    public void The_exact_gradient_is_the_central_difference_of_the_negative_average_log_likelihood(StateConvention states)
    {
        var model = BoltzmannRandom.Create(12, 5, states, couplingScale: 0.6, biasScale: 0.4);
        var data = Draws(13, BoltzmannRandom.Create(14, 5, states), 20);
        var result = OneStep(BoltzmannTraining.ExactLikelihood(), 1, model, data);
        var expected = CentralDifferences(model, m => -Valid(BoltzmannTraining.AverageLogLikelihood(m, data)));
        for (var k = 0; k < expected.Length; k++) Assert.Equal(expected[k], result.Gradient[k], DifferenceTolerance);
        Assert.Equal(Valid(BoltzmannTraining.AverageLogLikelihood(model, data)), result.Metrics.Single().Value, 1e-12);
        Assert.Equal(BoltzmannTraining.LogLikelihoodMetric, result.Metrics.Single().Name);
    }

    [Fact]
    public void Exact_likelihood_refuses_a_machine_too_large_to_enumerate_at_every_step()
    {
        var units = BoltzmannTraining.MaxExactUnits + 1;
        var model = BoltzmannRandom.Create(1, units, StateConvention.Binary);
        var refused = BoltzmannTraining.ExactLikelihood().StartChains(Ebm.Functional.Prng.RngKey.FromSeed(1), model);
        Assert.Equal(TrainingErrors.InvalidSettingCode, refused.Match(_ => 0, e => e.Code));
    }
}
