using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using Ebm.Functional.Tests.Models;
using static Ebm.Functional.Tests.Training.BoltzmannTrainingTesting;

namespace Ebm.Functional.Tests.Training;

/// <summary>Same seed, same bits: training a Boltzmann machine twice from one key gives identical models and chains.</summary>
public class BoltzmannReproducibilityTests
{
    [Theory]
    [InlineData("cd")]
    [InlineData("pcd")]
    [InlineData("tempered")]
    [InlineData("pl")]
    public void Two_runs_from_one_seed_end_bit_for_bit_equal_and_another_seed_differs(string name)
    {
        var data = Draws(81, BoltzmannRandom.Create(82, 6, StateConvention.Spin), 60);
        var start = BoltzmannRandom.Create(Mat.Zeros(6, 6), Vec.Zeros(6), StateConvention.Spin);
        var objective = name == "pl" ? BoltzmannTraining.Pseudolikelihood(sitesPerExample: 3) : BoltzmannObjectives.ByName(name);
        var first = Run(objective, start, data, 83);
        var second = Run(objective, start, data, 83);
        var other = Run(objective, start, data, 84);
        Assert.Equal(BoltzmannTraining.Parameters.ToVector(first.Model), BoltzmannTraining.Parameters.ToVector(second.Model));
        Assert.Equal(first.Chains.ToArray(), second.Chains.ToArray());
        Assert.NotEqual(BoltzmannTraining.Parameters.ToVector(first.Model), BoltzmannTraining.Parameters.ToVector(other.Model));
    }

    private static TrainState<BoltzmannMachine> Run(Objective<BoltzmannMachine> objective, BoltzmannMachine start, Mat data, ulong seed)
    {
        var trainer = new Trainer<BoltzmannMachine>(BoltzmannTraining.Parameters, objective, Valid(Optimizers.Adam(0.05)));
        return Valid(from state in trainer.Init(RngKey.FromSeed(seed), start) from end in trainer.Epochs(state, data, 20, 3) select end);
    }
}
