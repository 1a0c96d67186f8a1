using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using Ebm.Functional.Tests.Models;
using LanguageExt;
using static LanguageExt.Prelude;
using static Ebm.Functional.Tests.Training.BoltzmannTrainingTesting;

namespace Ebm.Functional.Tests.Training;

/// <summary>
/// The sampled negative phases (CD-k, PCD, tempered SML) of a Boltzmann machine against the exact gradient: with
/// enough sweeps their chains are exact draws, so each gradient entry differs from the exact one by a mean of
/// independent statistics whose standard error follows from the model's exact moments.
/// </summary>
public class BoltzmannContrastiveTests
{
    // 3000 chains; an entry passes within 5 standard errors: P(|z| > 5) = 5.7e-7, 21 entries, delta ~ 1.2e-5 per test.
    // 30 sweeps of a 6-unit machine with couplings below 0.5 forget their start far below one standard error (~0.009).
    private const int Chains = 3000, Sweeps = 30, Units = 6;
    private const double Z = 5;

    public static TheoryData<StateConvention> Conventions => [StateConvention.Binary, StateConvention.Spin];

    [Theory]
    [MemberData(nameof(Conventions))]
    public void CD_k_with_many_sweeps_gives_the_exact_gradient_within_its_standard_error(StateConvention states)
    {
        var (model, data) = Setting(states);
        var gradient = OneStep(BoltzmannTraining.ContrastiveDivergence(Sweeps), 41, model, data).Gradient;
        AssertWithinStandardErrors(model, data, gradient, Chains);
    }

    [Theory]
    [MemberData(nameof(Conventions))]
    public void PCD_with_many_sweeps_gives_the_exact_gradient_within_its_standard_error(StateConvention states)
    {
        var (model, data) = Setting(states);
        var result = OneStep(BoltzmannTraining.PersistentContrastiveDivergence(Chains, Sweeps), 42, model, data);
        AssertWithinStandardErrors(model, data, result.Gradient, Chains);
        Assert.Equal(Chains, result.Chains.Single().Rows);
    }

    [Theory]
    [MemberData(nameof(Conventions))]
    public void Tempered_SML_after_many_steps_gives_the_exact_gradient_within_its_standard_error(StateConvention states)
    {
        var (model, data) = Setting(states);
        var objective = BoltzmannTraining.Tempered(Chains, replicas: 3, minBeta: 0.3);
        var key = RngKey.FromSeed(43);
        var chains = Valid(objective.StartChains(key, model));
        ObjectiveResult result = null!;
        for (var step = 0; step < Sweeps; step++)
        {
            result = Valid(objective.Step(key.FoldIn(step), model, chains, data));
            chains = result.Chains;
        }

        AssertWithinStandardErrors(model, data, result.Gradient, Chains);
        Assert.Equal(3, chains.Count);
        Assert.Equal(new[] { "swap-rate-0", "swap-rate-1", "swap-rate" }, result.Metrics.Map(m => m.Name).ToArray());
        Assert.All(result.Metrics, m => Assert.InRange(m.Value, 0.0, 1.0));
    }

    [Fact]
    public void Persistent_chains_of_the_wrong_shape_are_refused()
    {
        var (model, data) = Setting(StateConvention.Binary);
        var pcd = BoltzmannTraining.PersistentContrastiveDivergence(chains: 4);
        var wrongRows = pcd.Step(RngKey.FromSeed(1), model, Seq1(Mat.Zeros(3, Units)), data);
        var wrongCount = pcd.Step(RngKey.FromSeed(1), model, Seq(Mat.Zeros(4, Units), Mat.Zeros(4, Units)), data);
        var wrongValues = pcd.Step(RngKey.FromSeed(1), model, Seq1(Mat.Create(4, Units, d => d.Fill(-1.0))), data);
        Assert.All(new[] { wrongRows, wrongCount, wrongValues }, r => Assert.Equal(TrainingErrors.ChainsMismatchCode, r.Match(_ => 0, e => e.Code)));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void Chains_and_sweeps_below_one_are_refused(int chains, int k)
    {
        var (model, data) = Setting(StateConvention.Binary);
        var pcd = BoltzmannTraining.PersistentContrastiveDivergence(chains, k);
        var result = pcd.Step(RngKey.FromSeed(1), model, Seq1(Mat.Zeros(Math.Max(chains, 1), Units)), data);
        Assert.Equal(TrainingErrors.InvalidSettingCode, result.Match(_ => 0, e => e.Code));
        Assert.Equal(TrainingErrors.InvalidSettingCode, BoltzmannTraining.ContrastiveDivergence(0).Step(RngKey.FromSeed(1), model, [], data).Match(_ => 0, e => e.Code));
        Assert.Equal(TrainingErrors.InvalidSettingCode, BoltzmannTraining.Tempered(4, 1).StartChains(RngKey.FromSeed(1), model).Match(_ => 0, e => e.Code));
    }

    private static (BoltzmannMachine Model, Mat Data) Setting(StateConvention states) =>
        (BoltzmannRandom.Create(44, Units, states, couplingScale: 0.5, biasScale: 0.5),
         Draws(45, BoltzmannRandom.Create(46, Units, states), Chains));

    /// <summary>
    /// Each entry's sampled model term is the mean over <paramref name="chains"/> independent draws of a statistic t
    /// (x_i x_j or x_i) whose exact mean q comes from the exact gradient; t takes two values, so Var t = q (1 - q) for
    /// {0,1} units and 1 - q^2 for spins.
    /// </summary>
    private static void AssertWithinStandardErrors(BoltzmannMachine model, Mat data, Vec gradient, int chains)
    {
        var exact = OneStep(BoltzmannTraining.ExactLikelihood(), 1, model, data).Gradient;
        var dataTerm = BoltzmannTraining.Flatten(model.MeanEnergyGradient(data));
        for (var k = 0; k < exact.Length; k++)
        {
            var q = exact[k] - dataTerm[k];
            var variance = model.States == StateConvention.Spin ? 1 - q * q : q * (1 - q);
            var standardError = Math.Sqrt(variance / chains);
            Assert.InRange(gradient[k], exact[k] - Z * standardError, exact[k] + Z * standardError);
        }
    }
}
