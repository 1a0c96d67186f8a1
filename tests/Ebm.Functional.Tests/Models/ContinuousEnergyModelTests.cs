using Ebm.Functional.Mcmc.Hmc;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Mcmc;

namespace Ebm.Functional.Tests.Models;

/// <summary>The continuous adapter: the finite-difference gradient meets its documented accuracy against analytic gradients.</summary>
public sealed class ContinuousEnergyModelTests
{
    /// <summary>
    /// The documented accuracy is about 3e-13 of max(|E|, |E^(5)|) for energies varying on scales of order one; 1e-10 of
    /// max(1, |E|, |g|) leaves a margin of 300 and is still 1e4 below the central difference of order two (h^2 = 5e-7).
    /// </summary>
    private const double GradientAccuracy = 1e-10;

    [Theory]
    [InlineData("gaussian")]
    [InlineData("double well")]
    [InlineData("ring")]
    [InlineData("mixture")]
    public void The_derived_gradient_matches_the_analytic_one(string family)
    {
        var model = (IContinuousModel)ContractModels.All[family];
        var adapter = ContractModels.Valid(ContinuousEnergyModel.Create(model.Dimension, model.Energy));
        Assert.True(adapter.DerivesGradient);
        var points = ModelContract.RandomStates(RngKey.FromSeed(5), model, new ContractSettings(States: 32, PointScale: 1.5));
        var d = model.Dimension;
        var (exact, derived) = (new double[d], new double[d]);
        for (var r = 0; r < points.Rows; r++)
        {
            var x = points.Row(r);
            model.EnergyGradient(x, exact);
            adapter.EnergyGradient(x, derived);
            var scale = Math.Max(1.0, Math.Abs(model.Energy(x)));
            foreach (var g in exact) scale = Math.Max(scale, Math.Abs(g));
            for (var i = 0; i < d; i++) Assert.True(Math.Abs(derived[i] - exact[i]) <= GradientAccuracy * scale, $"point {r}, coordinate {i}: {derived[i]} vs {exact[i]}");
        }
    }

    /// <summary>
    /// HMC on the adapter without a gradient samples the Gaussian exactly: its Metropolis correction uses the energy, so
    /// the finite-difference force only changes the acceptance. The Gaussian and the bounds are those of
    /// <c>ContinuousGaussianMomentsTests</c> (64 chains from exact draws, here 800 steps, 4.5 standard errors: delta 3e-5 per check).
    /// </summary>
    [Fact]
    public void Hmc_with_the_derived_gradient_samples_the_exact_gaussian()
    {
        var mu = Vec.Of(1.0, -1.0);
        var gaussian = ContinuousTestSupport.Gaussian(mu, Mat.FromRows([[2.0, 0.5], [0.5, 1.0]]));
        var adapter = ContractModels.Valid(ContinuousEnergyModel.Create(2, gaussian.Energy));
        var root = RngKey.FromSeed(20260412);
        var sampler = Hmc.Create(adapter, 1.0, 0.3, 5);
        var averages = ContinuousTestSupport.ChainAverages(root.FoldIn(1), sampler.Init(ContinuousTestSupport.ExactDraws(root.FoldIn(0), gaussian, 1.0, 64)),
            sampler.Step, 0, 800, [x => x[0], x => x[1], x => (x[0] - mu[0]) * (x[0] - mu[0]), x => (x[1] - mu[1]) * (x[1] - mu[1])]);
        // P^-1 = [[1, -0.5], [-0.5, 2]] / 1.75.
        ContinuousTestSupport.AssertMatches(averages, 0, mu[0], "mean x0");
        ContinuousTestSupport.AssertMatches(averages, 1, mu[1], "mean x1");
        ContinuousTestSupport.AssertMatches(averages, 2, 1 / 1.75, "var x0");
        ContinuousTestSupport.AssertMatches(averages, 3, 2 / 1.75, "var x1");
    }

    [Fact]
    public void A_given_gradient_and_batch_are_used_as_they_are()
    {
        var model = ContractModels.Valid(ContinuousEnergyModel.Create(2, ContractModels.Banana, (_, g) => g.Fill(7.0), xs => Vec.Filled(xs.Rows, -1.0)));
        var gradient = new double[2];
        model.EnergyGradient([0.3, 0.4], gradient);
        Assert.Equal([7.0, 7.0], gradient);
        Assert.Equal(Vec.Of(-1.0, -1.0, -1.0), model.Energies(Mat.Zeros(3, 2)));
        Assert.False(model.DerivesGradient);
    }

    [Fact]
    public void The_default_batch_is_the_energy_of_each_row()
    {
        var model = ContractModels.Valid(ContinuousEnergyModel.Create(2, ContractModels.Banana));
        var points = Mat.FromRows([[0.0, 0.0], [1.0, 2.0], [-1.0, 0.5]]);
        // (1 + (2 - 1)^2 / 0.1) / 2 = 5.5; (1 + (0.5 - 1)^2 / 0.1) / 2 = 1.75.
        Assert.Equal(Vec.Of(0.0, 5.5, 1.75), model.Energies(points));
    }

    [Fact]
    public void Every_construction_problem_is_reported()
    {
        var errors = ContinuousEnergyModel.Create(-2, _ => 0.0, kind: "").Match(_ => [], e => e.Map(x => x.Message).ToArray());
        Assert.Equal(["dimension: = -2, expected at least one coordinate", "kind: is blank, expected a name for messages"], errors);
    }

    [Fact]
    public void A_point_of_the_wrong_length_is_a_programmer_error()
    {
        var model = ContractModels.Valid(ContinuousEnergyModel.Create(2, ContractModels.Banana));
        Assert.Throws<ArgumentException>(() => model.Energy([1.0]));
        Assert.Throws<ArgumentException>(() => model.EnergyGradient([1.0, 2.0], new double[3]));
    }
}
