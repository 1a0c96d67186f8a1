using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Training;
using Ebm.Functional.Tests.Models;
using static Ebm.Functional.Tests.Training.BoltzmannTrainingTesting;

namespace Ebm.Functional.Tests.Training;

/// <summary>The Boltzmann machine's parameter layout and the input checks every objective shares.</summary>
public class BoltzmannTrainingTests
{
    private static readonly BoltzmannMachine Three = BoltzmannRandom.Create(
        Mat.FromRows([[0.0, 0.5, -1.0], [0.5, 0.0, 2.0], [-1.0, 2.0, 0.0]]), Vec.Of(0.1, 0.2, 0.3), StateConvention.Spin);

    [Fact]
    public void Parameters_hold_the_upper_triangle_row_major_then_the_biases()
    {
        var parameters = BoltzmannTraining.Parameters;
        Assert.Equal(Vec.Of(0.5, -1.0, 2.0, 0.1, 0.2, 0.3), parameters.ToVector(Three));
        Assert.Equal(Vec.Of(1, 1, 1, 0, 0, 0), parameters.DecayMask(Three));
        Assert.Equal("boltzmann-machine", parameters.Family);
    }

    [Fact]
    public void FromVector_rebuilds_a_symmetric_machine_and_keeps_the_state_convention()
    {
        var rebuilt = Valid(BoltzmannTraining.Parameters.FromVector(Three, Vec.Of(1, 2, 3, 4, 5, 6)));
        Assert.Equal(Mat.FromRows([[0.0, 1, 2], [1, 0.0, 3], [2, 3, 0.0]]), rebuilt.Couplings);
        Assert.Equal(Vec.Of(4, 5, 6), rebuilt.Biases);
        Assert.Equal(StateConvention.Spin, rebuilt.States);
    }

    [Fact]
    public void FromVector_refuses_a_wrong_length_and_a_non_finite_coupling()
    {
        var parameters = BoltzmannTraining.Parameters;
        var wrongLength = parameters.FromVector(Three, Vec.Of(1, 2, 3));
        Assert.Equal(TrainingErrors.ParameterLengthCode, wrongLength.Match(_ => 0, e => e.Code));
        Assert.True(parameters.FromVector(Three, Vec.Of(double.NaN, 2, 3, 4, 5, 6)).IsFail);
    }

    [Fact]
    public void Flatten_puts_a_gradient_record_in_the_parameter_layout()
    {
        var states = Mat.FromRows([[1.0, -1, 1], [1.0, 1, -1]]);
        var gradient = Three.MeanEnergyGradient(states);
        // dE/dW_01 = -<x0 x1> = -(−1 + 1)/2 = 0, dE/dW_02 = -(1 − 1)/2 = 0, dE/dW_12 = -(−1 − 1)/2 = 1, dE/db = -<x>.
        Assert.Equal(Vec.Of(0, 0, 1, -1, 0, 0), BoltzmannTraining.Flatten(gradient));
        Assert.Equal(gradient, Valid(BoltzmannTraining.Unflatten(Three, BoltzmannTraining.Flatten(gradient))));
    }

    public static TheoryData<string> ObjectiveNames => ["exact", "cd", "pcd", "tempered", "pl", "ratio"];

    [Theory]
    [MemberData(nameof(ObjectiveNames))]
    public void Every_objective_refuses_bad_minibatches_with_the_named_error(string name)
    {
        var objective = BoltzmannObjectives.ByName(name);
        var binary = BoltzmannRandom.Create(3, 3, StateConvention.Binary);
        Assert.Equal(TrainingErrors.WrongWidthCode, ErrorCode(objective, binary, Mat.FromRows([[1.0, 0.0]])));
        Assert.Equal(TrainingErrors.StateOutsideSupportCode, ErrorCode(objective, binary, Mat.FromRows([[1.0, 0.5, 0.0]])));
        Assert.Equal(TrainingErrors.StateOutsideSupportCode, ErrorCode(objective, Three, Mat.FromRows([[1.0, 0.0, -1.0]])));
        Assert.Equal(TrainingErrors.EmptyBatchCode, ErrorCode(objective, binary, Mat.Zeros(0, 3)));
    }

    private static int ErrorCode(Objective<BoltzmannMachine> objective, BoltzmannMachine model, Mat batch)
    {
        var key = Ebm.Functional.Prng.RngKey.FromSeed(1);
        var chains = Valid(objective.StartChains(key, model));
        return objective.Step(key, model, chains, batch).Match(_ => 0, e => e.Code);
    }
}
