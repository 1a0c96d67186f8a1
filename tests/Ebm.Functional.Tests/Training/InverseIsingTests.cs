using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using static Ebm.Functional.Tests.Training.BoltzmannTrainingTesting;

namespace Ebm.Functional.Tests.Training;

/// <summary>
/// The inverse Ising problem: a 3 x 3 open lattice (J = 1, h = 0.5) at beta = 0.4, 3000 exact draws, and a spin machine
/// over all 36 pairs trained on them by exact maximum likelihood and by pseudolikelihood.
/// </summary>
public class InverseIsingTests
{
    // Every one of the 45 recovered parameters (12 bonds, 24 off-lattice pairs, 9 fields) must lie within 4.5 of its
    // estimator's asymptotic standard errors for N = 3000 (EstimatorStandardErrors: about 0.025 for a coupling):
    // P(|z| > 4.5) = 6.8e-6 per parameter, delta ~ 3e-4 for the test.
    private const int Samples = 3000;
    private const double Beta = 0.4, Z = 4.5;

    private static readonly IsingModel Lattice = Valid(IsingModel.Create(3, 3, 1.0, 0.5, Boundary.Open).Match(
        m => LanguageExt.Prelude.FinSucc(m), e => LanguageExt.Prelude.FinFail<IsingModel>(e.Head)));

    [Theory]
    [InlineData(3, 3, Boundary.Open)]
    [InlineData(3, 3, Boundary.Periodic)]
    [InlineData(2, 3, Boundary.Periodic)]
    [InlineData(1, 4, Boundary.Periodic)]
    public void The_machine_of_a_lattice_has_its_distribution(int rows, int columns, Boundary boundary)
    {
        var lattice = Valid(IsingModel.Create(rows, columns, 0.7, -0.3, boundary).Match(
            m => LanguageExt.Prelude.FinSucc(m), e => LanguageExt.Prelude.FinFail<IsingModel>(e.Head)));
        var machine = Valid(InverseIsing.Machine(lattice, Beta));
        var states = AllStates(lattice.Dimension, StateConvention.Spin);
        var latticeEnergies = lattice.Energies(states);
        var machineEnergies = machine.Energies(states);
        // Equal up to a constant (the self-bonds of a periodic side of length 1): compare differences to state 0.
        for (var x = 1; x < states.Rows; x++)
            Assert.Equal(Beta * (latticeEnergies[x] - latticeEnergies[0]), machineEnergies[x] - machineEnergies[0], 1e-12);
    }

    [Fact]
    public void Bond_counts_double_the_pair_of_a_periodic_side_of_two()
    {
        var lattice = Valid(IsingModel.Create(1, 2, 1.0, 0.0, Boundary.Periodic).Match(
            m => LanguageExt.Prelude.FinSucc(m), e => LanguageExt.Prelude.FinFail<IsingModel>(e.Head)));
        Assert.Equal(Mat.FromRows([[0.0, 2.0], [2.0, 0.0]]), InverseIsing.BondCounts(lattice));
    }

    [Fact]
    public void Exact_maximum_likelihood_recovers_every_coupling_and_field_within_its_standard_error()
    {
        var recovered = Recover(BoltzmannTraining.ExactLikelihood());
        var truth = Valid(InverseIsing.Machine(Lattice, Beta));
        AssertWithinStandardErrors(recovered, truth, EstimatorStandardErrors.MaximumLikelihood(truth, Samples));
    }

    [Fact]
    public void Pseudolikelihood_recovers_every_coupling_and_field_within_its_standard_error()
    {
        var recovered = Recover(BoltzmannTraining.Pseudolikelihood());
        var truth = Valid(InverseIsing.Machine(Lattice, Beta));
        var standardErrors = EstimatorStandardErrors.Pseudolikelihood(truth, Samples);
        AssertWithinStandardErrors(recovered, truth, standardErrors);
        var recovery = InverseIsing.Compare(recovered, Lattice, Beta);
        var worst = standardErrors.Max();
        Assert.InRange(recovery.MeanBondCoupling, Beta - Z * worst, Beta + Z * worst);
        Assert.True(recovery.MaxOffLattice < Z * worst, $"an off-lattice coupling reached {recovery.MaxOffLattice}");
    }

    [Fact]
    public void Compare_reports_the_errors_of_the_true_machine_as_zero()
    {
        var recovery = InverseIsing.Compare(Valid(InverseIsing.Machine(Lattice, Beta)), Lattice, Beta);
        Assert.Equal(Beta, recovery.MeanBondCoupling, 1e-15);
        Assert.Equal(new CouplingRecovery(recovery.MeanBondCoupling, 0, 0, 0), recovery);
    }

    [Fact]
    public void ToSpins_maps_zero_to_minus_one_keeps_spins_and_refuses_anything_else()
    {
        Assert.Equal(Mat.FromRows([[-1.0, 1.0], [1.0, -1.0]]), Valid(InverseIsing.ToSpins(Mat.FromRows([[0.0, 1.0], [1.0, 0.0]]))));
        var spins = Mat.FromRows([[-1.0, 1.0]]);
        Assert.Same(spins, Valid(InverseIsing.ToSpins(spins)));
        foreach (var bad in new[] { Mat.FromRows([[0.0, -1.0]]), Mat.FromRows([[0.5, 1.0]]), Mat.FromRows([[1.0, 2.0]]) })
            Assert.Equal(TrainingErrors.StateOutsideSupportCode, InverseIsing.ToSpins(bad).Match(_ => 0, e => e.Code));
    }

    [Fact]
    public void Start_refuses_no_sites_and_Machine_a_negative_beta()
    {
        Assert.Equal(TrainingErrors.InvalidSettingCode, InverseIsing.Start(0).Match(_ => 0, e => e.Code));
        Assert.Equal(TrainingErrors.InvalidSettingCode, InverseIsing.Machine(Lattice, -1).Match(_ => 0, e => e.Code));
    }

    /// <summary>
    /// Full-batch training until the loss gradient vanishes (every entry below 1e-4, so the optimiser's shortfall, about H^-1 g ~ 1e-3, is
    /// a twentieth of a standard error): the test then measures the estimator, not the optimiser.
    /// </summary>
    private static BoltzmannMachine Recover(Objective<BoltzmannMachine> objective)
    {
        var samples = Valid(ExactDraws.Discrete(RngKey.FromSeed(61), Samples, Lattice, Beta));
        var trainer = new Trainer<BoltzmannMachine>(BoltzmannTraining.Parameters, objective, Valid(Optimizers.Sgd(0.5, momentum: 0.9)));
        var trained = Valid(
            from start in InverseIsing.Start(Lattice.Dimension)
            from state in trainer.Init(RngKey.FromSeed(62), start)
            from end in trainer.Epochs(state, samples, Samples, 300)
            select end.Model);
        var gradient = Valid(objective.Step(RngKey.FromSeed(63), trained, [], samples)).Gradient;
        Assert.True(gradient.ToArray().Max(Math.Abs) < 1e-4, $"training has not converged: gradient {gradient.ToArray().Max(Math.Abs)}");
        return trained;
    }

    private static void AssertWithinStandardErrors(BoltzmannMachine recovered, BoltzmannMachine truth, double[] standardErrors)
    {
        var estimate = BoltzmannTraining.Parameters.ToVector(recovered);
        var expected = BoltzmannTraining.Parameters.ToVector(truth);
        for (var k = 0; k < estimate.Length; k++)
            Assert.InRange(estimate[k], expected[k] - Z * standardErrors[k], expected[k] + Z * standardErrors[k]);
    }
}
