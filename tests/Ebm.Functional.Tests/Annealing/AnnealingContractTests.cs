using Ebm.Functional.Annealing;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using MathNet.Numerics.Distributions;
using Xunit;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;
using Ebm.Functional.Estimators;

namespace Ebm.Functional.Tests.Annealing;

/// <summary>AIS argument checks, exact discrete draws, and the interpolated discrete energy.</summary>
public sealed class AnnealingContractTests
{
    private static readonly BoltzmannMachine Model = BoltzmannRandom.Create(61, 4, StateConvention.Spin);

    [Fact]
    public void Ais_rejects_a_base_sampler_that_returns_the_wrong_number_of_particles()
    {
        var path = Valid(Paths.Tempered(Model, 1.0, b => HeatBathGibbs.BuildKernel(Model, b)));
        var broken = path with { SampleBase = (key, count) => path.SampleBase(key, count + 1) };
        Assert.Equal(AnnealingEstimatorErrors.BaseSampleCountCode, Failures(Ais.Run(RngKey.FromSeed(1), broken, Valid(AnnealingSchedule.Linear(3)), 5)).Single().Code);
        Assert.Equal(AnnealingEstimatorErrors.InvalidLogZ0Code, Failures(Ais.Run(RngKey.FromSeed(1), path with { LogZ0 = double.NaN }, Valid(AnnealingSchedule.Linear(3)), 5)).Single().Code);
        Assert.Equal(AnnealingEstimatorErrors.InvalidParticlesCode, Failures(Ais.Run(RngKey.FromSeed(1), path, Valid(AnnealingSchedule.Linear(3)), 0)).Single().Code);
    }

    /// <summary>
    /// 20,000 draws of a 4-unit machine: Pearson's statistic over the 16 states is chi-square on 15 degrees of
    /// freedom (every expected count exceeds 5 here), and exceeds its 1 - 1e-6 quantile with probability 1e-6.
    /// </summary>
    [Fact]
    public void Exact_discrete_draws_have_the_enumerated_frequencies()
    {
        const int count = 20000;
        const double beta = 0.7;
        var probabilities = Valid(Enumeration.Probabilities(Model, beta));
        var draws = Valid(ExactDraws.Discrete(RngKey.FromSeed(2), count, Model, beta));
        var counts = new int[16];
        for (var r = 0; r < count; r++)
        {
            var x = 0;
            for (var i = 0; i < 4; i++) x |= draws[r, i] > 0 ? 1 << i : 0;
            counts[x]++;
        }

        Assert.All(probabilities.Span.ToArray(), p => Assert.True(p * count > 5, $"expected count {p * count}"));
        var pearson = Enumerable.Range(0, 16).Sum(x => Math.Pow(counts[x] - count * probabilities[x], 2) / (count * probabilities[x]));
        Assert.True(pearson <= ChiSquared.InvCDF(15, 1 - 1e-6), $"Pearson statistic {pearson}");
    }

    [Fact]
    public void Exact_discrete_draws_of_a_model_too_large_to_enumerate_are_an_error_value()
    {
        var large = BoltzmannRandom.Create(62, Enumeration.MaxTableUnits + 1, StateConvention.Binary);
        Assert.True(ExactDraws.Discrete(RngKey.FromSeed(3), 5, large, 1.0).IsFail);
    }

    [Fact]
    public void Interpolated_discrete_energy_interpolates_energies_flips_and_fields()
    {
        var other = BoltzmannRandom.Create(63, 4, StateConvention.Spin);
        var bridge = new InterpolatedDiscreteEnergy(Model, other, 1.5, 0.3);
        double[] x = [1, -1, -1, 1];
        Assert.Equal(1.5 * (0.7 * Model.Energy(x) + 0.3 * other.Energy(x)), bridge.Energy(x), 12);
        for (var site = 0; site < 4; site++)
        {
            var flipped = (double[])x.Clone();
            flipped[site] = -flipped[site];
            Assert.Equal(bridge.Energy(flipped) - bridge.Energy(x), bridge.FlipEnergyChange(x, site), 12);
            var (high, low) = ((double[])x.Clone(), (double[])x.Clone());
            (high[site], low[site]) = (1.0, -1.0);
            Assert.Equal(-(bridge.Energy(high) - bridge.Energy(low)) / 2.0, bridge.LocalField(x, site), 12);
        }
    }

    [Fact]
    public void Paths_between_models_of_different_shapes_are_rejected()
    {
        var binary = BoltzmannRandom.Create(64, 4, StateConvention.Binary);
        var wider = BoltzmannRandom.Create(65, 5, StateConvention.Spin);
        Func<RngKey, int, Mat> draws = (key, m) => ExactDraws.Uniform(key, m, 4, StateConvention.Spin);
        Func<IDiscreteModel, KernelStep<DiscreteChains, Ebm.Functional.Mcmc.Gibbs.HeatBathInfo>> kernel = m => HeatBathGibbs.BuildKernel(m, 1.0);
        Assert.Equal(AnnealingErrors.InvalidPathCode, Failures(Paths.Between(Model, binary, 1.0, draws, kernel)).Single().Code);
        Assert.Equal(AnnealingErrors.InvalidPathCode, Failures(Paths.Between(Model, wider, 1.0, draws, kernel)).Single().Code);
    }
}
