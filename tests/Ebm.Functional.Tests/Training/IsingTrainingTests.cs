using Ebm.Functional.Exact;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Optim;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using LanguageExt;
using static Ebm.Functional.Tests.Training.BoltzmannTrainingTesting;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Training;

/// <summary>Training the homogeneous Ising model's (J, h): layout, metrics, gradients and recovery from exact draws.</summary>
public class IsingTrainingTests
{
    // Recovery: N = 4000 exact draws of a 3 x 3 open lattice at beta = 0.4 (J = 1, h = 0.5); each estimate within 4.5
    // asymptotic standard errors (about 0.005 for beta J): P(|z| > 4.5) = 6.8e-6 per parameter, 2 parameters.
    private const int Samples = 4000;
    private const double Beta = 0.4, Z = 4.5;

    private static readonly IsingModel Lattice = Ising(3, 3, 1.0, 0.5, Boundary.Open);

    [Fact]
    public void Parameters_are_the_coupling_then_the_field_and_keep_the_lattice()
    {
        var parameters = IsingTraining.Parameters;
        Assert.Equal(Vec.Of(1.0, 0.5), parameters.ToVector(Lattice));
        Assert.Equal(Vec.Of(1.0, 0.0), parameters.DecayMask(Lattice));
        var moved = Valid(parameters.FromVector(Ising(2, 3, 0, 0, Boundary.Periodic), Vec.Of(0.3, -0.2)));
        Assert.Equal((2, 3, Boundary.Periodic, 0.3, -0.2), (moved.Rows, moved.Columns, moved.Boundary, moved.Coupling, moved.Field));
        Assert.Equal(TrainingErrors.ParameterLengthCode, parameters.FromVector(Lattice, Vec.Of(1.0)).Match(_ => 0, e => e.Code));
    }

    [Theory]
    [InlineData(3, 3, Boundary.Open)]
    [InlineData(2, 3, Boundary.Periodic)]
    public void The_metrics_equal_those_of_the_equivalent_spin_machine(int rows, int columns, Boundary boundary)
    {
        var lattice = Ising(rows, columns, 0.6, -0.2, boundary);
        var machine = Valid(InverseIsing.Machine(lattice, 1.0));
        var data = Valid(ExactDraws.Discrete(RngKey.FromSeed(71), 30, lattice, 0.8));
        Assert.Equal(Valid(BoltzmannTraining.AverageLogLikelihood(machine, data)), Valid(IsingTraining.AverageLogLikelihood(lattice, data)), 1e-10);
        Assert.Equal(Valid(BoltzmannTraining.PseudoLogLikelihood(machine, data)), Valid(IsingTraining.PseudoLogLikelihood(lattice, data)), 1e-10);
    }

    [Fact]
    public void The_exact_and_pseudolikelihood_gradients_are_the_central_differences_of_their_losses()
    {
        var lattice = Ising(3, 3, 0.3, 0.1, Boundary.Periodic);
        var data = Valid(ExactDraws.Discrete(RngKey.FromSeed(72), 25, lattice, 1.5));
        var exact = Step(IsingTraining.ExactLikelihood(), lattice, data).Gradient;
        var pseudo = Step(IsingTraining.Pseudolikelihood(), lattice, data).Gradient;
        var expectedExact = Differences(lattice, m => -Valid(IsingTraining.AverageLogLikelihood(m, data)));
        var expectedPseudo = Differences(lattice, m => -Valid(IsingTraining.PseudoLogLikelihood(m, data)));
        for (var k = 0; k < 2; k++)
        {
            Assert.Equal(expectedExact[k], exact[k], DifferenceTolerance);
            Assert.Equal(expectedPseudo[k], pseudo[k], DifferenceTolerance);
        }
    }

    [Fact]
    public void PCD_with_many_sweeps_gives_the_exact_gradient_within_its_standard_error()
    {
        // 4000 chains after 30 sweeps of a 3 x 3 lattice at (0.3, 0.1): exact draws for this purpose; each entry within
        // 5 standard errors of the exact gradient, the standard error from the exact Var(B) and Var(M).
        const int chains = 4000;
        var lattice = Ising(3, 3, 0.3, 0.1, Boundary.Open);
        var data = Valid(ExactDraws.Discrete(RngKey.FromSeed(73), 100, lattice, 2.0));
        var exact = Step(IsingTraining.ExactLikelihood(), lattice, data).Gradient;
        var sampled = Step(IsingTraining.PersistentContrastiveDivergence(chains, k: 30), lattice, data).Gradient;
        var probabilities = Valid(Enumeration.Probabilities(lattice, 1.0));
        var states = AllStates(lattice.Dimension, StateConvention.Spin);
        Func<int, double, double> variance = (k, _) => Variance(probabilities, states, s => k == 0 ? lattice.BondCorrelation(s) : lattice.Magnetisation(s));
        for (var k = 0; k < 2; k++)
            Assert.InRange(sampled[k], exact[k] - 5 * Math.Sqrt(variance(k, 0) / chains), exact[k] + 5 * Math.Sqrt(variance(k, 0) / chains));
    }

    [Theory]
    [InlineData("exact")]
    [InlineData("pl")]
    public void Training_recovers_beta_J_and_beta_h_within_the_estimator_standard_error(string objective)
    {
        var samples = Valid(ExactDraws.Discrete(RngKey.FromSeed(74), Samples, Lattice, Beta));
        var chosen = objective == "exact" ? IsingTraining.ExactLikelihood() : IsingTraining.Pseudolikelihood();
        var trainer = new Trainer<IsingModel>(IsingTraining.Parameters, chosen, Valid(Optimizers.Sgd(0.02, momentum: 0.5)));
        var trained = Valid(
            from state in trainer.Init(RngKey.FromSeed(75), Ising(3, 3, 0, 0, Boundary.Open))
            from end in trainer.Epochs(state, samples, Samples, 150)
            select end.Model);
        var gradient = Step(chosen, trained, samples).Gradient.ToArray().Max(Math.Abs);
        Assert.True(gradient < 1e-6, $"training has not converged: gradient {gradient}");
        var truth = Valid(InverseIsing.Machine(Lattice, Beta));
        var subspace = Subspace(Lattice);
        var standardErrors = objective == "exact"
            ? EstimatorStandardErrors.MaximumLikelihood(truth, Samples, subspace)
            : EstimatorStandardErrors.Pseudolikelihood(truth, Samples, subspace);
        Assert.InRange(trained.Coupling, Beta * 1.0 - Z * standardErrors[0], Beta * 1.0 + Z * standardErrors[0]);
        Assert.InRange(trained.Field, Beta * 0.5 - Z * standardErrors[1], Beta * 0.5 + Z * standardErrors[1]);
    }

    [Theory]
    [InlineData(3, 3, Boundary.Open, 0.4, 0.3)]
    [InlineData(3, 3, Boundary.Periodic, -0.4, 0.0)]
    [InlineData(3, 3, Boundary.Periodic, 0.4, 0.2)]
    [InlineData(2, 3, Boundary.Periodic, 0.0, 0.3)]
    [InlineData(1, 4, Boundary.Periodic, 0.0, 0.5)]
    [InlineData(3, 1, Boundary.Open, 0.0, -0.4)]
    public void The_moments_of_the_exact_methods_equal_those_of_enumeration(int rows, int columns, Boundary boundary, double coupling, double field)
    {
        // Lattices with J = 0 take the independent-spin closed form, the others the transfer matrix: both must give the
        // enumerated gradient and log-likelihood to rounding (the division by |J| = 0.4 costs a few ulps of |U|).
        var lattice = Ising(rows, columns, coupling, field, boundary);
        var data = Valid(ExactDraws.Discrete(RngKey.FromSeed(77), 20, lattice, 1.0));
        var enumerated = Step(IsingTraining.ExactLikelihood(), lattice, data);
        var exact = Step(IsingTraining.ExactLikelihood(maxEnumeratedSites: 0), lattice, data);
        for (var k = 0; k < 2; k++) Assert.Equal(enumerated.Gradient[k], exact.Gradient[k], 1e-9);
        Assert.Equal(enumerated.Metrics.Single().Value, exact.Metrics.Single().Value, 1e-9);
    }

    [Fact]
    public void The_exact_gradient_of_a_lattice_too_large_to_enumerate_is_the_central_difference_of_the_loss()
    {
        var large = Ising(5, 5, 0.4, 0.1, Boundary.Periodic);
        var wide = ExactDraws.Uniform(RngKey.FromSeed(78), 10, 25, StateConvention.Spin);
        var gradient = Step(IsingTraining.ExactLikelihood(), large, wide).Gradient;
        var expected = Differences(large, m => -Valid(IsingTraining.AverageLogLikelihood(m, wide)));
        for (var k = 0; k < 2; k++) Assert.Equal(expected[k], gradient[k], DifferenceTolerance);
    }

    [Fact]
    public void Exact_likelihood_refuses_a_lattice_no_exact_method_handles()
    {
        var huge = Ising(40, 40, 0.4, 0.1, Boundary.Open);
        var refused = IsingTraining.ExactLikelihood().StartChains(RngKey.FromSeed(1), huge);
        Assert.Equal(TrainingErrors.InvalidSettingCode, refused.Match(_ => 0, e => e.Code));
    }

    [Fact]
    public void Ising_objectives_refuse_values_that_are_not_spins()
    {
        var zeros = Mat.Zeros(2, 9);
        foreach (var objective in new[] { IsingTraining.ExactLikelihood(), IsingTraining.Pseudolikelihood(), IsingTraining.PersistentContrastiveDivergence(3) })
        {
            var chains = Valid(objective.StartChains(RngKey.FromSeed(1), Lattice));
            Assert.Equal(TrainingErrors.StateOutsideSupportCode, objective.Step(RngKey.FromSeed(1), Lattice, chains, zeros).Match(_ => 0, e => e.Code));
        }
    }

    private static IsingModel Ising(int rows, int columns, double coupling, double field, Boundary boundary) =>
        Valid(IsingModel.Create(rows, columns, coupling, field, boundary).Match(FinSucc, e => FinFail<IsingModel>(e.Head)));

    private static ObjectiveResult Step(Objective<IsingModel> objective, IsingModel model, Mat data)
    {
        var key = RngKey.FromSeed(76);
        return Valid(objective.Step(key.FoldIn(1), model, Valid(objective.StartChains(key.FoldIn(2), model)), data));
    }

    private static double[] Differences(IsingModel model, Func<IsingModel, double> loss) =>
        Enumerable.Range(0, 2).Select(k =>
        {
            var up = IsingTraining.Parameters.ToVector(model).ToArray();
            var down = (double[])up.Clone();
            up[k] += DifferenceStep;
            down[k] -= DifferenceStep;
            return (loss(Valid(IsingTraining.Parameters.FromVector(model, Vec.Of(up)))) - loss(Valid(IsingTraining.Parameters.FromVector(model, Vec.Of(down))))) / (2 * DifferenceStep);
        }).ToArray();

    /// <summary>theta_machine = A (J, h): the pair (i, j) column 0 holds its bond count, the bias i column 1 holds 1.</summary>
    private static double[,] Subspace(IsingModel lattice)
    {
        var n = lattice.Dimension;
        var bonds = InverseIsing.BondCounts(lattice);
        var a = new double[n * (n - 1) / 2 + n, 2];
        var k = 0;
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++) a[k++, 0] = bonds[i, j];
        for (var i = 0; i < n; i++) a[k + i, 1] = 1.0;
        return a;
    }

    private static double Variance(Vec probabilities, Mat states, Func<double[], double> statistic)
    {
        double mean = 0, square = 0;
        for (var x = 0; x < states.Rows; x++)
        {
            var t = statistic(states.Row(x).ToArray());
            mean += probabilities[x] * t;
            square += probabilities[x] * t * t;
        }

        return square - mean * mean;
    }
}
