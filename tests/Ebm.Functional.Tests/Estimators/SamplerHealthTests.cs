using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Metropolis;
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
/// The kernels' own failure signals reach the estimate: a kernel that never moves, and HMC trajectories that all diverge,
/// raise <see cref="EstimateWarnings.SamplerFailure"/> in every estimator that runs them along a path.
/// </summary>
public sealed class SamplerHealthTests
{
    private static readonly BoltzmannMachine Machine = BoltzmannRandom.Create(61, 6, StateConvention.Binary);

    /// <summary>The tempered path of a 6-unit machine whose kernel rejects every proposal (acceptance 0, nothing moves).</summary>
    private static AnnealingPath<DiscreteChains> FrozenPath()
    {
        var healthy = Valid(Paths.Tempered(Machine, 1.0, b => HeatBathGibbs.BuildKernel(Machine, b)));
        return healthy with
        {
            Move = _ => (_, state) => (state, new MetropolisInfo(Vec.Zeros(state.Chains), Vec.Zeros(state.Chains), 0)),
        };
    }

    /// <summary>
    /// The geometric path from N(0, I) to a Gaussian of precision diag(1e12, 1e-12, 1) centred at (1e6, -1e6, 1e6), moved by
    /// HMC with step 0.2: every trajectory diverges.
    /// </summary>
    private static AnnealingPath<ContinuousChains> StiffPath()
    {
        var target = Valid(GaussianModel.Create(Vec.Of(1e6, -1e6, 1e6), Mat.From(3, 3, [1e12, 0, 0, 0, 1e-12, 0, 0, 0, 1])));
        var hmc = new HmcParams(0.2, 10, Vec.Filled(3, 1.0));
        return Valid(Paths.FromGaussian(target, 1.0, Isotropic(3), m => Hmc.Factory(m, hmc)(1.0), 10));
    }

    private static void AssertSamplerFailure(LogZEstimate estimate)
    {
        var warning = Assert.Single(estimate.Warnings, w => w.Code == EstimateWarnings.SamplerFailure);
        Assert.Contains("do not trust", warning.Message);
        Assert.False(estimate.IsReliable);
    }

    [Fact]
    public void Ais_with_a_kernel_that_never_moves_reports_it()
    {
        var estimate = Valid(Ais.Run(RngKey.FromSeed(1), FrozenPath(), Valid(AnnealingSchedule.Linear(20)), 50));
        AssertSamplerFailure(estimate);
        var message = estimate.Warnings.Single(w => w.Code == EstimateWarnings.SamplerFailure).Message;
        Assert.Contains("50 of 50 particles never moved", message);
        Assert.Contains("accepted 0.00", message);
    }

    [Fact]
    public void Reverse_ais_and_the_sandwich_with_a_kernel_that_never_moves_report_it()
    {
        var path = FrozenPath();
        AssertSamplerFailure(Valid(ReverseAis.Run(RngKey.FromSeed(3), path, Valid(AnnealingSchedule.Linear(20)), ExactChains(RngKey.FromSeed(2), 50, Machine, 1.0), true)));
        AssertSamplerFailure(Valid(Sandwich.Run(RngKey.FromSeed(4), path, Valid(AnnealingSchedule.Linear(20)), 50)));
    }

    [Fact]
    public void Smc_with_a_kernel_that_never_moves_reports_it_through_its_repetitions()
    {
        var options = Valid(SmcOptions.Create(40, Valid(AnnealingSchedule.Linear(20)), repetitions: 3));
        AssertSamplerFailure(Valid(Smc.Run(RngKey.FromSeed(5), FrozenPath(), options)).Estimate);
    }

    [Fact]
    public void Linked_importance_sampling_with_a_kernel_that_never_moves_reports_it()
    {
        var options = Valid(LinkedImportanceSamplingOptions.Create(Valid(AnnealingSchedule.Linear(10)), 8, 4));
        AssertSamplerFailure(Valid(LinkedImportanceSampling.Run(RngKey.FromSeed(6), FrozenPath(), options)));
    }

    [Fact]
    public void Thermodynamic_integration_with_a_kernel_that_never_moves_reports_poor_mixing_and_the_failure()
    {
        var estimate = Valid(ThermodynamicIntegration.Run(RngKey.FromSeed(7), FrozenPath(), Valid(AnnealingSchedule.Linear(8)), 4, 20, 20, IntegrationRule.Simpson));
        AssertSamplerFailure(estimate);
        Assert.Contains(estimate.Warnings, w => w.Code == EstimateWarnings.PoorMixing && w.Message.Contains("never moved"));
    }

    [Fact]
    public void Hmc_divergences_on_a_stiff_far_off_gaussian_reach_ais_and_smc()
    {
        var path = StiffPath();
        var ais = Valid(Ais.Run(RngKey.FromSeed(8), path, Valid(AnnealingSchedule.Linear(20)), 20));
        AssertSamplerFailure(ais);
        Assert.Contains("failed numerically", ais.Warnings.Single(w => w.Code == EstimateWarnings.SamplerFailure).Message);
        AssertSamplerFailure(Valid(Smc.Run(RngKey.FromSeed(9), path, Valid(SmcOptions.Create(20, Valid(AnnealingSchedule.Linear(20)), repetitions: 2)))).Estimate);
    }

    [Fact]
    public void Hmc_target_chains_that_diverge_reach_the_bridge()
    {
        var target = Valid(GaussianModel.Create(Vec.Of(1e6, -1e6, 1e6), Mat.From(3, 3, [1e12, 0, 0, 0, 1e-12, 0, 0, 0, 1])));
        var kernel = Hmc.Factory(target, new HmcParams(0.2, 10, Vec.Filled(3, 1.0)))(1.0);
        var estimate = Valid(BridgeSampling.Run(RngKey.FromSeed(10), target, 1.0, Proposal.Gaussian(Isotropic(3)), kernel, 10, 20, 20, 1000));
        AssertSamplerFailure(estimate);
    }

    [Fact]
    public void A_healthy_run_raises_no_sampler_failure()
    {
        var path = Valid(Paths.Tempered(Machine, 1.0, b => HeatBathGibbs.BuildKernel(Machine, b)));
        var estimate = Valid(Ais.Run(RngKey.FromSeed(11), path, Valid(AnnealingSchedule.Linear(50)), 100));
        Assert.DoesNotContain(estimate.Warnings, w => w.Code == EstimateWarnings.SamplerFailure);
    }
}
