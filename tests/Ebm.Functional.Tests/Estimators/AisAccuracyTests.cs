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
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;
using Ebm.Functional.Estimators;
using Ebm.Functional.Mcmc.Hmc;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>
/// Forward AIS, reverse AIS and the sandwich against exact log Z: Ising tori (Kaufman), Boltzmann machines
/// (enumeration), Gaussians in 2, 10 and 50 dimensions (closed form) and 2-D toy energies (quadrature).
/// </summary>
/// <remarks>
/// Each check is |estimate - exact| &lt;= 5 SE with the estimator's own delta-method SE: for a normal error that
/// fails with probability 5.7e-7 per check. The delta method needs well-spread weights, so each test first
/// asserts a weight ESS of at least a quarter of the particles (a precondition, not a tolerance), and that the
/// estimate carries no warning (these runs are healthy, so every rule that says "do not trust this" must stay silent).
/// </remarks>
public sealed class AisAccuracyTests
{
    private const double ZBound = 5.0;

    [Theory]
    [InlineData(8, 0.3, 100, 300)]
    [InlineData(8, 0.44, 100, 600)]
    [InlineData(16, 0.44, 100, 1000)]
    public void Ising_torus_ais_with_checkerboard_sweeps_matches_Kaufman(int size, double beta, int particles, int steps)
    {
        var torus = Torus(size);
        var exact = Valid(Kaufman.Compute(torus, beta)).LogZ;
        var estimate = Valid(Ais.Run(RngKey.FromSeed(21), CheckerboardPath(torus, beta), Valid(AnnealingSchedule.Linear(steps)), particles));
        AssertWithin(estimate, exact, particles);
    }

    [Fact]
    public void Boltzmann_machine_reverse_ais_from_exact_draws_matches_enumeration()
    {
        var model = BoltzmannRandom.Create(12, 10, StateConvention.Spin);
        const double beta = 1.0;
        var exact = EnumeratedLogZ(model, beta);
        var targets = ExactChains(RngKey.FromSeed(3), 1000, model, beta);
        var path = Valid(Paths.Tempered(model, beta, b => HeatBathGibbs.BuildKernel(model, b)));
        var estimate = Valid(ReverseAis.Run(RngKey.FromSeed(4), path, Valid(AnnealingSchedule.Linear(100)), targets, exactSamples: true));
        Assert.Equal(ReverseAis.Method, estimate.Method);
        Assert.DoesNotContain(estimate.Warnings, w => w.Code == EstimateWarnings.ApproximateTargetSamples);
        AssertWithin(estimate, exact, 1000);
    }

    /// <summary>
    /// A short schedule makes the bounds visibly apart: each bound is checked on its own side with 5 of its
    /// standard errors of slack (the bounds hold in expectation), and the gap is reported.
    /// </summary>
    [Fact]
    public void Boltzmann_machine_sandwich_brackets_enumeration_and_reports_the_gap()
    {
        var model = BoltzmannRandom.Create(13, 10, StateConvention.Binary, couplingScale: 1.5);
        const double beta = 1.0;
        var exact = EnumeratedLogZ(model, beta);
        var targets = ExactChains(RngKey.FromSeed(5), 2000, model, beta);
        var path = Valid(Paths.Tempered(model, beta, b => HeatBathGibbs.BuildKernel(model, b)));
        var sandwich = Valid(Sandwich.Run(RngKey.FromSeed(6), path, Valid(AnnealingSchedule.Linear(4)), 2000, targets));
        var (forward, reverse) = (sandwich.Parts[0], sandwich.Parts[1]);
        Assert.Equal((Ais.Method, ReverseAis.Method, ErrorSource.Combined), (forward.Method, reverse.Method, sandwich.ErrorSource));
        Assert.True(forward.LogZ - ZBound * forward.StandardError <= exact, $"lower bound {forward.LogZ} +/- {forward.StandardError} above exact {exact}");
        Assert.True(reverse.LogZ + ZBound * reverse.StandardError >= exact, $"upper bound {reverse.LogZ} +/- {reverse.StandardError} below exact {exact}");
        Assert.Contains(sandwich.Warnings, w => w.Code == EstimateWarnings.BoundGap);
        Assert.InRange(exact, sandwich.LogZ - ZBound * sandwich.StandardError, sandwich.LogZ + ZBound * sandwich.StandardError);
    }

    [Theory]
    [InlineData(2, 0.5, 60, 200)]
    [InlineData(10, 0.3, 100, 200)]
    [InlineData(50, 0.2, 100, 100)]
    public void Gaussian_ais_from_a_gaussian_reference_with_hmc_matches_the_closed_form(int d, double stepSize, int steps, int particles)
    {
        var target = CorrelatedGaussian(d);
        const double beta = 1.0;
        var exact = GaussianExact.Compute(target, beta).LogZ;
        var hmc = new HmcParams(stepSize, 5, Vec.Filled(d, 1.0));
        var path = Valid(Paths.FromGaussian(target, beta, Isotropic(d), m => Hmc.Factory(m, hmc)(1.0), 5));
        var estimate = Valid(Ais.Run(RngKey.FromSeed(7), path, Valid(AnnealingSchedule.Linear(steps)), particles));
        AssertWithin(estimate, exact, particles);
    }

    [Fact]
    public void Gaussian_reverse_ais_and_sandwich_from_exact_draws_bracket_the_closed_form()
    {
        const int d = 10;
        const double beta = 1.0;
        var target = CorrelatedGaussian(d);
        var exact = GaussianExact.Compute(target, beta).LogZ;
        var hmc = new HmcParams(0.3, 5, Vec.Filled(d, 1.0));
        var path = Valid(Paths.FromGaussian(target, beta, Isotropic(d), m => Hmc.Factory(m, hmc)(1.0), 5));
        var draws = Chains(target, ExactDraws.Gaussian(RngKey.FromSeed(8), 200, target, beta));
        var sandwich = Valid(Sandwich.Run(RngKey.FromSeed(9), path, Valid(AnnealingSchedule.Linear(100)), 200, draws));
        AssertWithin(sandwich.Parts[0], exact, 200);
        AssertWithin(sandwich.Parts[1], exact, 200);
        Assert.InRange(exact, sandwich.LogZ - ZBound * sandwich.StandardError, sandwich.LogZ + ZBound * sandwich.StandardError);
    }

    [Fact]
    public void Double_well_ais_matches_quadrature()
    {
        var wells = Valid(DoubleWell.Create(barrier: 2.0, stiffness: 1.0));
        const double beta = 1.0;
        var exact = Valid(ToyExact.Compute(wells, beta)).LogZ;
        var hmc = new HmcParams(0.2, 5, Vec.Filled(2, 1.0));
        var path = Valid(Paths.FromGaussian(wells, beta, Isotropic(2), m => Hmc.Factory(m, hmc)(1.0), 5));
        var estimate = Valid(Ais.Run(RngKey.FromSeed(10), path, Valid(AnnealingSchedule.Linear(100)), 300));
        AssertWithin(estimate, exact, 300);
    }

    [Fact]
    public void Gaussian_mixture_ais_matches_quadrature()
    {
        var mixture = Valid(GaussianMixture2D.Create(Vec.Of(0.3, 0.7), Mat.FromRows([[-2.0, 0.0], [2.0, 1.0]]), Vec.Of(0.5, 0.8)));
        const double beta = 1.0;
        var exact = Valid(ToyExact.Compute(mixture, beta)).LogZ;
        var hmc = new HmcParams(0.2, 5, Vec.Filled(2, 1.0));
        var path = Valid(Paths.FromGaussian(mixture, beta, Isotropic(2, 4.0, Vec.Of(0.0, 0.5)), m => Hmc.Factory(m, hmc)(1.0), 5));
        var estimate = Valid(Ais.Run(RngKey.FromSeed(11), path, Valid(AnnealingSchedule.Linear(100)), 300));
        AssertWithin(estimate, exact, 300);
    }

    [Fact]
    public void Log_ratio_of_two_boltzmann_machines_matches_enumeration_forward_and_reverse()
    {
        var a = BoltzmannRandom.Create(14, 10, StateConvention.Binary);
        var b = BoltzmannRandom.Create(15, 10, StateConvention.Binary);
        const double beta = 1.0;
        var exact = EnumeratedLogZ(b, beta) - EnumeratedLogZ(a, beta);
        var path = Valid(Paths.Between(a, b, beta, (key, m) => Valid(ExactDraws.Discrete(key, m, a, beta)), m => HeatBathGibbs.BuildKernel(m, 1.0)));
        var forward = Valid(Ais.Run(RngKey.FromSeed(16), path, Valid(AnnealingSchedule.Linear(50)), 1000));
        var targets = new DiscreteChains(Valid(ExactDraws.Discrete(RngKey.FromSeed(17), 1000, b, beta)), Vec.Filled(1000, double.NaN));
        var reverse = Valid(ReverseAis.Run(RngKey.FromSeed(18), path, Valid(AnnealingSchedule.Linear(50)), targets, exactSamples: true));
        AssertWithin(forward, exact, 1000);
        AssertWithin(reverse, exact, 1000);
    }

    [Fact]
    public void Log_ratio_of_two_gaussians_matches_the_closed_forms()
    {
        const int d = 10;
        const double beta = 2.0;
        var (a, b) = (Isotropic(d, 0.5, Vec.Filled(d, 0.2)), CorrelatedGaussian(d));
        var exact = GaussianExact.Compute(b, beta).LogZ - GaussianExact.Compute(a, beta).LogZ;
        var hmc = new HmcParams(0.2, 5, Vec.Filled(d, 1.0));
        var path = Valid(Paths.Between(a, b, beta, (key, m) => ExactDraws.Gaussian(key, m, a, beta), m => Hmc.Factory(m, hmc)(1.0), 5));
        var estimate = Valid(Ais.Run(RngKey.FromSeed(19), path, Valid(AnnealingSchedule.Linear(100)), 200));
        AssertWithin(estimate, exact, 200);
    }

    private static void AssertWithin(LogZEstimate estimate, double exact, int particles)
    {
        Assert.True(estimate.Ess >= particles / 4.0, $"{estimate.Method}: weight ESS {estimate.Ess:G4} of {particles}");
        Assert.True(estimate.IsClean, $"{estimate.Method}: {string.Join("; ", estimate.Warnings)}");
        Assert.True(double.IsFinite(estimate.StandardError) && estimate.StandardError > 0, $"SE {estimate.StandardError}");
        var z = (estimate.LogZ - exact) / estimate.StandardError;
        Assert.True(Math.Abs(z) <= ZBound, $"{estimate.Method}: {estimate.LogZ:R} +/- {estimate.StandardError:G3} vs exact {exact:R} (z = {z:F2})");
    }
}
