using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using Xunit;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;
using Ebm.Functional.Estimators;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>
/// Models whose log Z is in the thousands: every estimate and error stays finite, and each bound holds on
/// its side by Markov's inequality.
/// </summary>
/// <remarks>
/// Markov: E[w] = Z_1 / Z_0 with w &gt;= 0, so P(log mean w &gt;= log(Z_1 / Z_0) + c) &lt;= e^-c. With
/// c = <see cref="MarkovSlack"/> = log 10^6, forward AIS exceeds log Z + c (and reverse AIS from exact draws
/// falls below log Z - c) with probability at most 1e-6, whatever the weights' distribution, so this check
/// needs no standard error and holds however short the schedule.
/// </remarks>
public sealed class AisOverflowTests
{
    private static readonly double MarkovSlack = Math.Log(1e6);

    [Fact]
    public void Cold_large_ising_torus_gives_finite_estimates_below_Kaufman()
    {
        var torus = Torus(32);
        const double beta = 3.0;
        var exact = Valid(Kaufman.Compute(torus, beta)).LogZ;
        Assert.True(exact > 6000, $"log Z = {exact}");
        var sandwich = Valid(Sandwich.Run(RngKey.FromSeed(41), CheckerboardPath(torus, beta), Valid(AnnealingSchedule.Linear(20)), 10));
        foreach (var estimate in sandwich.Parts.Add(sandwich)) AssertFinite(estimate);
        Assert.True(sandwich.Parts[0].LogZ <= exact + MarkovSlack, $"forward {sandwich.Parts[0].LogZ} vs Kaufman {exact}");
        Assert.Contains(sandwich.Warnings, w => w.Code == EstimateWarnings.ApproximateTargetSamples);
    }

    [Fact]
    public void Boltzmann_machine_with_large_weights_gives_finite_bounds_on_either_side_of_enumeration()
    {
        var model = BoltzmannRandom.Create(42, 12, StateConvention.Spin, couplingScale: 100.0, biasScale: 100.0);
        const double beta = 2.0;
        var exact = EnumeratedLogZ(model, beta);
        Assert.True(exact > 1000, $"log Z = {exact}");
        var path = Valid(Paths.Tempered(model, beta, b => HeatBathGibbs.BuildKernel(model, b)));
        var targets = ExactChains(RngKey.FromSeed(43), 50, model, beta);
        var sandwich = Valid(Sandwich.Run(RngKey.FromSeed(44), path, Valid(AnnealingSchedule.Linear(20)), 50, targets));
        foreach (var estimate in sandwich.Parts.Add(sandwich)) AssertFinite(estimate);
        Assert.True(sandwich.Parts[0].LogZ <= exact + MarkovSlack, $"forward {sandwich.Parts[0].LogZ} vs exact {exact}");
        Assert.True(sandwich.Parts[1].LogZ >= exact - MarkovSlack, $"reverse {sandwich.Parts[1].LogZ} vs exact {exact}");
    }

    private static void AssertFinite(LogZEstimate estimate)
    {
        Assert.True(double.IsFinite(estimate.LogZ), $"{estimate.Method}: log Z = {estimate.LogZ}");
        Assert.True(double.IsFinite(estimate.StandardError), $"{estimate.Method}: SE = {estimate.StandardError}");
        Assert.True(double.IsFinite(estimate.Ess), $"{estimate.Method}: ESS = {estimate.Ess}");
    }
}
