using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using Xunit;
using static Ebm.Functional.Tests.Estimators.EstimationFixtures;
using Ebm.Functional.Estimators;
using Ebm.Functional.Mcmc.Hmc;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>Bridge sampling against exact log Z: Gaussian closed forms, enumeration, 2-D quadrature.</summary>
public sealed class BridgeSamplingTests
{
    [Theory]
    [InlineData(2, 0.3)]
    [InlineData(10, 0.5)]
    [InlineData(50, 0.8)]
    public void Exact_target_draws_and_a_Gaussian_proposal_land_within_the_error_of_the_closed_form(int d, double precisionScale)
    {
        // Exact draws of the target (so N1eff = N1) and a wider proposal; |z| <= 5 (false failure < 1e-6).
        const double beta = 0.8;
        var target = CorrelatedGaussian(d);
        var exact = GaussianExact.Compute(target, beta).LogZ;
        var (drawKey, bridgeKey) = RngKey.FromSeed(11).Split();
        var draws = ExactDraws.Gaussian(drawKey, 2000, target, beta);
        var proposal = Proposal.Gaussian(Rescaled(target, beta * precisionScale, 0.1));
        var estimate = Valid(BridgeSampling.Estimate(bridgeKey, target, beta, proposal, draws, 2000));
        Assert.Equal("bridge", estimate.Method);
        Assert.Equal(ErrorSource.BridgeRelativeMeanSquaredError, estimate.ErrorSource);
        Assert.True(estimate.IsClean, string.Join("; ", estimate.Warnings));
        Assert.InRange(estimate.LogZ, exact - ZBound * estimate.StandardError, exact + ZBound * estimate.StandardError);
    }

    [Fact]
    public void The_log_ratio_of_two_Gaussians_matches_the_closed_form()
    {
        // p1 and p2 both unnormalised; log(Z1 / Z2) from their closed forms.
        var first = CorrelatedGaussian(5);
        var second = Rescaled(first, 0.6, 0.2);
        var exact = GaussianExact.Compute(first, 1.0).LogZ - GaussianExact.Compute(second, 1.0).LogZ;
        var (k1, k2) = RngKey.FromSeed(12).Split();
        var x1 = ExactDraws.Gaussian(k1, 3000, first);
        var x2 = ExactDraws.Gaussian(k2, 3000, second);
        Vec Minus(Vec e) => e.Map(v => -v);
        var estimate = Valid(BridgeSampling.Estimate(
            Minus(first.Energies(x1)), Minus(second.Energies(x1)), Minus(first.Energies(x2)), Minus(second.Energies(x2))));
        Assert.InRange(estimate.LogZ, exact - ZBound * estimate.StandardError, exact + ZBound * estimate.StandardError);
    }

    [Fact]
    public void Gibbs_draws_of_a_Boltzmann_machine_bridged_with_the_uniform_proposal_land_within_the_error_of_enumeration()
    {
        // MCMC target draws: the driver takes their ESS from the chains, so the error accounts for autocorrelation.
        var model = BoltzmannRandom.Create(31, 10, StateConvention.Binary, 0.5, 0.5);
        var exact = EnumeratedLogZ(model, 1.0);
        var estimate = Valid(BridgeSampling.Run(RngKey.FromSeed(13), model, 1.0, Proposal.Uniform(10, StateConvention.Binary),
            HeatBathGibbs.BuildKernel(model, 1.0), chains: 20, burnIn: 50, draws: 100, proposalCount: 2000));
        Assert.True(estimate.IsClean, string.Join("; ", estimate.Warnings));
        Assert.InRange(estimate.LogZ, exact - ZBound * estimate.StandardError, exact + ZBound * estimate.StandardError);
    }

    [Fact]
    public void Hmc_draws_of_a_correlated_Gaussian_bridged_with_a_wider_Gaussian_land_within_the_error_of_the_closed_form()
    {
        // MCMC target draws on a continuous model; the ESS comes from the chains. |z| <= 5 (false failure < 1e-6).
        var target = CorrelatedGaussian(10);
        var exact = GaussianExact.Compute(target, 1.0).LogZ;
        var kernel = Hmc.Factory(target, new HmcParams(0.15, 10, Vec.Filled(10, 1.0)), 1)(1.0);
        var estimate = Valid(BridgeSampling.Run(RngKey.FromSeed(17), target, 1.0, Proposal.Gaussian(Rescaled(target, 0.5, 0.2)),
            kernel, chains: 10, burnIn: 100, draws: 100, proposalCount: 1000));
        Assert.True(estimate.IsClean, string.Join("; ", estimate.Warnings));
        Assert.InRange(estimate.LogZ, exact - ZBound * estimate.StandardError, exact + ZBound * estimate.StandardError);
    }

    [Fact]
    public void A_two_dimensional_mixture_lands_within_the_error_of_quadrature()
    {
        // Exact mixture draws: pick a component by its weight, then a normal draw around its mean.
        var weights = new[] { 0.3, 0.7 };
        var means = new[] { (-1.5, 0.0), (1.5, 0.5) };
        var sigmas = new[] { 0.6, 0.8 };
        var mixture = Valid(GaussianMixture2D.Create(Vec.Of(weights), Mat.FromRows([[-1.5, 0.0], [1.5, 0.5]]), Vec.Of(sigmas)));
        var exact = ToyExact.Compute(mixture, 1.0).Match(r => r.LogZ, e => throw new InvalidOperationException(e.Message));
        var (drawKey, bridgeKey) = RngKey.FromSeed(14).Split();
        var draws = Mat.Create(3000, 2, x =>
        {
            for (var r = 0; r < 3000; r++)
            {
                var c = drawKey.UniformAt(3L * r) < weights[0] ? 0 : 1;
                x[2 * r] = means[c].Item1 + sigmas[c] * drawKey.NormalAt(3L * r + 1);
                x[2 * r + 1] = means[c].Item2 + sigmas[c] * drawKey.NormalAt(3L * r + 2);
            }
        });
        var proposal = Valid(Proposal.Gaussian(Vec.Of(0.5, 0.3), Mat.FromRows([[2.5, 0.0], [0.0, 1.0]])));
        var estimate = Valid(BridgeSampling.Estimate(bridgeKey, mixture, 1.0, proposal, draws, 3000));
        Assert.InRange(estimate.LogZ, exact - ZBound * estimate.StandardError, exact + ZBound * estimate.StandardError);
    }

    [Fact]
    public void Standard_errors_pass_the_chi_square_calibration()
    {
        // 500 exact draws of a 10-d Gaussian and 500 of a wider proposal per run.
        const int d = 10;
        var target = CorrelatedGaussian(d);
        var exact = GaussianExact.Compute(target, 1.0).LogZ;
        var proposal = Proposal.Gaussian(Rescaled(target, 0.5, 0.2));
        ErrorCalibration.AssertCalibrated(exact, key =>
        {
            var (drawKey, bridgeKey) = key.Split();
            return Valid(BridgeSampling.Estimate(bridgeKey, target, 1.0, proposal, ExactDraws.Gaussian(drawKey, 500, target), 500));
        }, 200);
    }

    [Fact]
    public void A_capped_iteration_budget_is_completed_by_bisection_to_the_same_fixed_point()
    {
        // One fixed-point step cannot reach a relative change of 1e-14; the root of the bridge equation is then
        // bracketed and bisected, which lands on the root the full iteration converges to. Tolerance: the bisection
        // stops within 1e-14 of the root; the full iteration stops once a step changes r by less than 1e-10 (its
        // default), which leaves it within 1e-10 c / (1 - c) of the root for a contraction c per step: 1e-9 holds for any
        // c up to 0.9 (here the two agree to 4e-13).
        var target = CorrelatedGaussian(10);
        var (drawKey, bridgeKey) = RngKey.FromSeed(15).Split();
        var draws = ExactDraws.Gaussian(drawKey, 500, target);
        var proposal = Proposal.Gaussian(Rescaled(target, 0.5, 0.2));
        var capped = Valid(BridgeSampling.Estimate(bridgeKey, target, 1.0, proposal, draws, 500, new BridgeSettings(1e-14, 1)));
        var full = Valid(BridgeSampling.Estimate(bridgeKey, target, 1.0, proposal, draws, 500));
        Assert.Equal(full.LogZ, capped.LogZ, 1e-9);
        Assert.DoesNotContain(capped.Warnings, w => w.Code == EstimateWarnings.BridgeNotConverged);
        Assert.DoesNotContain(full.Warnings, w => w.Code == EstimateWarnings.BridgeNotConverged);
    }

    [Fact]
    public void A_bridge_equation_without_a_root_is_reported_as_not_converged_and_unreliable()
    {
        // Every proposal draw lies where q1 = 0 (log q1 = -infinity): the numerator of the bridge vanishes for every r,
        // so there is no fixed point to find and the number printed cannot be trusted.
        var logQ1OnDraws1 = Vec.Of(0.1, -0.2, 0.3, 0.0);
        var logQ2OnDraws1 = Vec.Of(-1.0, -1.1, -0.9, -1.0);
        var logQ1OnDraws2 = Vec.Filled(4, double.NegativeInfinity);
        var logQ2OnDraws2 = Vec.Of(-1.0, -1.2, -0.8, -1.0);
        var estimate = Valid(BridgeSampling.Estimate(logQ1OnDraws1, logQ2OnDraws1, logQ1OnDraws2, logQ2OnDraws2, settings: new BridgeSettings(1e-10, 20)));
        var warning = Assert.Single(estimate.Warnings, w => w.Code == EstimateWarnings.BridgeNotConverged);
        Assert.Contains("unreliable", warning.Message);
        Assert.False(estimate.IsReliable);
    }

    [Fact]
    public void A_smaller_effective_sample_size_gives_a_larger_standard_error()
    {
        var target = CorrelatedGaussian(10);
        var (drawKey, bridgeKey) = RngKey.FromSeed(16).Split();
        var draws = ExactDraws.Gaussian(drawKey, 1000, target);
        var proposal = Proposal.Gaussian(Rescaled(target, 0.5, 0.2));
        var independent = Valid(BridgeSampling.Estimate(bridgeKey, target, 1.0, proposal, draws, 1000));
        var correlated = Valid(BridgeSampling.Estimate(bridgeKey, target, 1.0, proposal, draws, 1000, new BridgeSettings(EffectiveSamples1: 100)));
        Assert.True(correlated.StandardError > independent.StandardError, $"{correlated.StandardError} vs {independent.StandardError}");
    }
}
