using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Mcmc.Tempering;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using Xunit;
using static Ebm.Functional.Tests.Estimators.EstimationFixtures;
using Ebm.Functional.Estimators;
using Ebm.Functional.Mcmc.Hmc;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>Thermodynamic integration against Kaufman's torus and enumeration.</summary>
public sealed class ThermodynamicIntegrationTests
{
    [Theory]
    [InlineData(IntegrationRule.Simpson)]
    [InlineData(IntegrationRule.Trapezoid)]
    public void Checkerboard_chains_on_an_Ising_torus_land_within_the_error_of_Kaufman(IntegrationRule rule)
    {
        // 6 x 6 torus at beta 0.3 (below the critical 0.4407): 21 points; the trapezoid's discretisation error,
        // (h^2 / 12)(f'(1) - f'(0)) with f' = beta^2 Var(E) &lt; 0.09 * 100, is below 1e-3, far under the SE.
        var model = Valid(IsingModel.Create(6, 6, 1.0, 0.0, Boundary.Periodic));
        const double beta = 0.3;
        var exact = Kaufman.Compute(model, beta).Match(r => r.LogZ, e => throw new InvalidOperationException(e.Message));
        var path = Valid(Paths.Tempered(model, beta, b => Checkerboard.Create(model, b, CheckerboardUpdate.HeatBath, 1).Step));
        var estimate = Valid(ThermodynamicIntegration.Run(RngKey.FromSeed(41), path, Valid(AnnealingSchedule.Linear(20)), 8, 50, 200, rule));
        Assert.Equal("ti", estimate.Method);
        Assert.Equal(ErrorSource.MonteCarloStandardError, estimate.ErrorSource);
        Assert.True(estimate.IsClean, string.Join("; ", estimate.Warnings));
        Assert.InRange(estimate.LogZ, exact - ZBound * estimate.StandardError, exact + ZBound * estimate.StandardError);
        Assert.Equal(21, estimate.Trace.Count);
    }

    [Fact]
    public void A_parallel_tempering_run_of_a_Boltzmann_machine_lands_within_the_error_of_enumeration()
    {
        // The rungs' draws are correlated through swaps, which the per-point MCSE ignores; |z| <= 5 still holds with margin.
        var model = BoltzmannRandom.Create(51, 8, StateConvention.Binary, 0.5, 0.5);
        var betas = Enumerable.Range(0, 11).Select(k => k / 10.0).ToArray();
        var exact = EnumeratedLogZ(model, 1.0);
        var pt = ParallelTempering.Create(b => HeatBathGibbs.BuildKernel(model, b, ScanOrder.Systematic, 1), model, betas, 1);
        var (startKey, runKey) = RngKey.FromSeed(42).Split();
        var (burnKey, recordKey) = runKey.Split();
        var start = Loop.Run(burnKey, pt.Init(ExactDraws.Uniform(startKey, 8, 8, StateConvention.Binary)), 100, pt.Step);
        var (_, trace) = Loop.Scan(recordKey, start, 400, pt.Step, (s, _) => s);
        var estimate = Valid(ThermodynamicIntegration.FromTempering(betas, trace, (DiscreteChains s) => s.Energies, 8 * Math.Log(2), IntegrationRule.Simpson));
        Assert.Equal(1.0, estimate.Beta);
        Assert.InRange(estimate.LogZ, exact - ZBound * estimate.StandardError, exact + ZBound * estimate.StandardError);
    }

    [Fact]
    public void Exact_means_on_a_coarse_ladder_raise_the_discretisation_warning_and_Simpson_on_a_fine_one_is_exact()
    {
        // With exact <E>_b the standard error is 0 and any quadrature error shows: on 4 intervals the trapezoid
        // misses log Z by far more than 0; the warning says so. The Simpson value on 64 intervals is exact to 1e-6.
        var model = BoltzmannRandom.Create(52, 6, StateConvention.Spin, 0.8, 0.5);
        var exact = EnumeratedLogZ(model, 1.0);
        LogZEstimate Integrate(int intervals)
        {
            var points = Vec.Create(intervals + 1, p =>
            {
                for (var k = 0; k <= intervals; k++) p[k] = (double)k / intervals;
            });
            var means = points.Map(b => -Enumeration.Compute(model, b).Match(r => r.MeanEnergy, e => throw new InvalidOperationException(e.Message)));
            return Valid(ThermodynamicIntegration.Integrate(points, means, Vec.Zeros(intervals + 1), 6 * Math.Log(2), 1.0, IntegrationRule.Simpson));
        }

        var coarse = Integrate(4);
        Assert.Contains(coarse.Warnings, w => w.Code == EstimateWarnings.DiscretisationError);
        var fine = Integrate(64);
        Assert.Equal(exact, fine.LogZ, 1e-6);
    }

    [Fact]
    public void The_trace_runs_from_log_Z0_over_points_rescaled_to_the_unit_interval()
    {
        var estimate = Valid(ThermodynamicIntegration.Integrate(Vec.Of(0.0, 0.5, 2.0), Vec.Of(1.0, 1.0, 1.0), Vec.Zeros(3), 3.0, 2.0, IntegrationRule.Trapezoid));
        Assert.Equal(Vec.Of(0.0, 0.25, 1.0), estimate.Trace.Points);
        Assert.Equal(Vec.Of(3.0, 3.5, 5.0), estimate.Trace.LogZ);
        Assert.Equal(5.0, estimate.LogZ, 1e-15);
    }

    [Theory]
    [InlineData(IntegrationRule.Trapezoid, 0.25, 0.5, 0.25)]
    [InlineData(IntegrationRule.Simpson, 1.0 / 6, 4.0 / 6, 1.0 / 6)]
    public void Independent_point_errors_propagate_as_the_root_of_the_squared_weights_times_the_variances(
        IntegrationRule rule, double c0, double c1, double c2)
    {
        // Points 0, 0.5, 1: trapezoid weights (1/4, 1/2, 1/4), Simpson's (1/6, 4/6, 1/6). SE = sqrt(sum c_k^2 se_k^2):
        // trapezoid sqrt(0.000625 + 0.01 + 0.005625) = sqrt(0.01625), Simpson sqrt((0.01 + 0.64 + 0.09) / 36) = sqrt(0.74 / 36).
        var estimate = Valid(ThermodynamicIntegration.Integrate(Vec.Of(0.0, 0.5, 1.0), Vec.Of(1.0, 2.0, 4.0), Vec.Of(0.1, 0.2, 0.3), 0.5, 1.0, rule));
        Assert.Equal(rule == IntegrationRule.Trapezoid ? Math.Sqrt(0.01625) : Math.Sqrt(0.74 / 36), estimate.StandardError, 1e-15);
        Assert.Equal(Math.Sqrt(c0 * c0 * 0.01 + c1 * c1 * 0.04 + c2 * c2 * 0.09), estimate.StandardError, 1e-15);
        Assert.Equal(0.5 + c0 * 1.0 + c1 * 2.0 + c2 * 4.0, estimate.LogZ, 1e-14);
    }

    [Fact]
    public void Standard_errors_pass_the_chi_square_calibration()
    {
        // A 6-spin machine on a ladder of 11 points, 4 heat-bath chains of 50 recorded draws each: Simpson's
        // discretisation error (about h^4 max|f''''| / 180 with h = 0.1) is far below the standard error.
        var model = BoltzmannRandom.Create(53, 6, StateConvention.Spin, 0.5, 0.5);
        var exact = EnumeratedLogZ(model, 1.0);
        var path = Valid(Paths.Tempered(model, 1.0, b => HeatBathGibbs.BuildKernel(model, b)));
        ErrorCalibration.AssertCalibrated(exact,
            key => Valid(ThermodynamicIntegration.Run(key, path, Valid(AnnealingSchedule.Linear(10)), 4, 20, 50, IntegrationRule.Simpson)), 300);
    }

    [Fact]
    public void Chains_stranded_on_a_steep_energy_are_reported_as_poor_mixing()
    {
        // From a broad N(0, 9 I) reference to a quartic double well, HMC with step 0.2 leaves chains stranded far out
        // at small t: their integrand means disagree wildly (split R-hat in the hundreds) and the integral is far off.
        var model = Valid(DoubleWell.Create(barrier: 2.0, stiffness: 1.0));
        var reference = Valid(GaussianModel.Create(Vec.Zeros(2), Mat.From(2, 2, [1.0 / 9, 0, 0, 1.0 / 9])));
        var path = Valid(Paths.FromGaussian(model, 1.0, reference, m => Hmc.Factory(m, new HmcParams(0.2, 10, Vec.Filled(2, 1.0)))(1.0), 10));
        var estimate = Valid(ThermodynamicIntegration.Run(RngKey.FromSeed(3), path, Valid(AnnealingSchedule.Linear(32)), 100, 100, 12, IntegrationRule.Simpson));

        Assert.Contains(estimate.Warnings, w => w.Code == EstimateWarnings.PoorMixing);
    }
}
