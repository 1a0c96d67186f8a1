using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using LanguageExt.Common;
using Xunit.Abstractions;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Training;

/// <summary>The README's examples of Boltzmann machine and inverse Ising training, verbatim, with what they print checked.</summary>
public class BoltzmannReadmeTests(ITestOutputHelper output)
{
    // README, "Boltzmann machines": train a 6-unit machine on 500 exact draws of another by pseudolikelihood.
    private static Fin<(double Before, double After)> LearnMachine() =>
        from teacher in BoltzmannMachine.Create(
                Mat.Create(6, 6, w => { for (var i = 0; i < 5; i++) w[i * 6 + i + 1] = w[(i + 1) * 6 + i] = 1.0; }),
                Vec.Filled(6, -0.5), StateConvention.Binary)
            .Match(Succ: FinSucc, Fail: errors => FinFail<BoltzmannMachine>(Error.Many(errors)))
        from data in ExactDraws.Discrete(RngKey.FromSeed(1), 500, teacher, beta: 1.0)
        from start in BoltzmannMachine.Create(Mat.Zeros(6, 6), Vec.Zeros(6), StateConvention.Binary)
            .Match(Succ: FinSucc, Fail: errors => FinFail<BoltzmannMachine>(Error.Many(errors)))
        from adam in Optimizers.Adam(0.05).Match(Succ: FinSucc, Fail: errors => FinFail<GradientTransformation>(Error.Many(errors)))
        let trainer = new Trainer<BoltzmannMachine>(BoltzmannTraining.Parameters, BoltzmannTraining.Pseudolikelihood(), adam)
        from state in trainer.Init(RngKey.FromSeed(2), start)
        from trained in trainer.Epochs(state, data, batchSize: 50, epochs: 40)
        from before in BoltzmannTraining.AverageLogLikelihood(start, data)
        from after in BoltzmannTraining.AverageLogLikelihood(trained.Model, data)
        select (before, after);

    // README, "The inverse Ising problem": recover the couplings of a 3 x 3 lattice from 3000 exact draws at beta = 0.4.
    private static Fin<CouplingRecovery> RecoverLattice() =>
        from lattice in IsingModel.Create(3, 3, 1.0, 0.5, Boundary.Open)
            .Match(Succ: FinSucc, Fail: errors => FinFail<IsingModel>(Error.Many(errors)))
        from samples in ExactDraws.Discrete(RngKey.FromSeed(3), 3000, lattice, beta: 0.4)
        from start in InverseIsing.Start(lattice.Dimension)
        from sgd in Optimizers.Sgd(0.5, momentum: 0.9).Match(Succ: FinSucc, Fail: errors => FinFail<GradientTransformation>(Error.Many(errors)))
        let trainer = new Trainer<BoltzmannMachine>(BoltzmannTraining.Parameters, BoltzmannTraining.Pseudolikelihood(), sgd)
        from state in trainer.Init(RngKey.FromSeed(4), start)
        from trained in trainer.Epochs(state, samples, batchSize: 3000, epochs: 300)
        select InverseIsing.Compare(trained.Model, lattice, beta: 0.4);

    [Fact]
    public void The_machine_example_raises_the_exact_log_likelihood()
    {
        LearnMachine().Match(
            Succ: r => output.WriteLine($"average log-likelihood {r.Before:F4} -> {r.After:F4}"),
            Fail: e => output.WriteLine(e.Message));
        var (before, after) = BoltzmannTrainingTesting.Valid(LearnMachine());
        Assert.Equal(-6 * Math.Log(2), before, 1e-12);
        // As in BoltzmannLearningTests, pseudolikelihood must reach 0.95 of the gain of full-batch exact maximum likelihood.
        var best = BestLogLikelihood();
        output.WriteLine($"maximum {best:F4}");
        Assert.True((after - before) / (best - before) >= 0.95, $"{before} -> {after}, maximum {best}");
    }

    private static double BestLogLikelihood()
    {
        var teacher = BoltzmannTrainingTesting.Valid(BoltzmannMachine.Create(
            Mat.Create(6, 6, w => { for (var i = 0; i < 5; i++) w[i * 6 + i + 1] = w[(i + 1) * 6 + i] = 1.0; }), Vec.Filled(6, -0.5), StateConvention.Binary));
        var data = BoltzmannTrainingTesting.Valid(ExactDraws.Discrete(RngKey.FromSeed(1), 500, teacher, beta: 1.0));
        var start = BoltzmannTrainingTesting.Valid(BoltzmannMachine.Create(Mat.Zeros(6, 6), Vec.Zeros(6), StateConvention.Binary));
        var trainer = new Trainer<BoltzmannMachine>(BoltzmannTraining.Parameters, BoltzmannTraining.ExactLikelihood(), BoltzmannTrainingTesting.Valid(Optimizers.Sgd(1.0, momentum: 0.9)));
        var best = BoltzmannTrainingTesting.Valid(from state in trainer.Init(RngKey.FromSeed(5), start) from end in trainer.Epochs(state, data, 500, 400) select end.Model);
        var gradient = BoltzmannTrainingTesting.Valid(BoltzmannTraining.ExactLikelihood().Step(RngKey.FromSeed(6), best, [], data)).Gradient;
        Assert.True(gradient.ToArray().Max(Math.Abs) < 1e-4, "exact maximum likelihood has not converged");
        return BoltzmannTrainingTesting.Valid(BoltzmannTraining.AverageLogLikelihood(best, data));
    }

    [Fact]
    public void The_inverse_Ising_example_recovers_the_lattice()
    {
        RecoverLattice().Match(
            Succ: r => output.WriteLine($"beta J ~ {r.MeanBondCoupling:F3} (true 0.4), worst bond error {r.MaxBondError:F3}, worst off-lattice {r.MaxOffLattice:F3}, worst field error {r.MaxFieldError:F3}"),
            Fail: e => output.WriteLine(e.Message));
        var recovery = BoltzmannTrainingTesting.Valid(RecoverLattice());
        // Every parameter within 4.5 of its own pseudolikelihood standard error (as in InverseIsingTests), so every
        // maximum within 4.5 times the largest.
        var lattice = BoltzmannTrainingTesting.Valid(IsingModel.Create(3, 3, 1.0, 0.5, Boundary.Open)
            .Match(Succ: FinSucc, Fail: errors => FinFail<IsingModel>(Error.Many(errors))));
        var bound = 4.5 * EstimatorStandardErrors.Pseudolikelihood(BoltzmannTrainingTesting.Valid(InverseIsing.Machine(lattice, 0.4)), 3000).Max();
        output.WriteLine($"4.5 standard errors: {bound:F3}");
        Assert.InRange(recovery.MeanBondCoupling, 0.4 - bound, 0.4 + bound);
        Assert.True(recovery.MaxOffLattice < bound && recovery.MaxBondError < bound && recovery.MaxFieldError < bound, recovery.ToString());
    }
}
