using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Prng;
using Xunit;
using Ebm.Functional.Estimators;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>Linked importance sampling against exact log Z.</summary>
/// <remarks>
/// Tolerance: 64 independent replicas give independent unbiased ratio estimates; the delta-method error of their
/// log mean is close to normal when their ESS is above half the replicas (checked), so |z| &lt;= 5 fails with
/// probability below 1e-6 per test. Seeds are fixed.
/// </remarks>
public sealed class LisTests
{
    private const double ZBound = 5.0;
    private const int Replicas = 64;

    private static LinkedImportanceSamplingOptions Options(AnnealingSchedule schedule, int chainLength = 5) =>
        LinkedImportanceSamplingOptions.Create(schedule, Replicas, chainLength).Match(o => o, e => throw new InvalidOperationException(e.Head.Message));

    private static void WithinBound(LogZEstimate estimate, double exact)
    {
        Assert.Equal(ErrorSource.DeltaMethod, estimate.ErrorSource);
        Assert.True(estimate.Ess > Replicas / 2.0, $"replica ESS {estimate.Ess}");
        var z = (estimate.LogZ - exact) / estimate.StandardError;
        Assert.True(Math.Abs(z) <= ZBound, $"log Z {estimate.LogZ} +/- {estimate.StandardError}, exact {exact}, z = {z:F2}");
    }

    [Fact]
    public void Linked_chains_on_a_boltzmann_machine_match_enumeration()
    {
        var (path, exact) = SmcTestSupport.SharpMachine();
        var estimate = Valid(LinkedImportanceSampling.Run(RngKey.FromSeed(31), path, Options(Valid(AnnealingSchedule.Linear(20)))));
        WithinBound(estimate, exact);
        Assert.Equal(LinkedImportanceSampling.Method, estimate.Method);
        Assert.Equal(21, estimate.Trace.Count);
        Assert.Equal(Replicas, estimate.Samples);
    }

    [Fact]
    public void Linked_chains_on_an_ising_torus_match_kaufman()
    {
        var torus = IsingModel.Create(4, 4, 1.0, 0.0, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        const double beta = 0.3;
        var exact = Kaufman.Compute(torus, beta).Match(r => r.LogZ, e => throw new InvalidOperationException(e.Message));
        // Random-scan heat-bath Gibbs is reversible, so the path's kernel also serves as the reverse kernel.
        var path = Valid(Paths.Tempered(torus, beta, b => HeatBathGibbs.BuildKernel(torus, b)));
        WithinBound(Valid(LinkedImportanceSampling.Run(RngKey.FromSeed(32), path, Options(Valid(AnnealingSchedule.Linear(10))))), exact);
    }

    [Fact]
    public void Chains_of_one_state_still_estimate_without_bias()
    {
        var (path, exact) = SmcTestSupport.Machine();
        WithinBound(Valid(LinkedImportanceSampling.Run(RngKey.FromSeed(33), path, Options(Valid(AnnealingSchedule.Linear(20)), chainLength: 1))), exact);
    }

    [Fact]
    public void Standard_errors_pass_the_chi_square_calibration()
    {
        // 64 replicas on the 8-unit machine with 10 transitions: the replica ESS stays above half the replicas.
        var (path, exact) = SmcTestSupport.Machine();
        ErrorCalibration.AssertCalibrated(exact, key => Valid(LinkedImportanceSampling.Run(key, path, Options(Valid(AnnealingSchedule.Linear(10))))), 400);
    }

    [Fact]
    public void Bad_options_report_every_problem()
    {
        var errors = LinkedImportanceSamplingOptions.Create(null, 1, 0, 0)
            .Match(_ => throw new InvalidOperationException("accepted bad options"), e => e.ToList());
        Assert.Equal(
            [LinkedImportanceSamplingErrors.MissingScheduleCode, LinkedImportanceSamplingErrors.InvalidReplicasCode,
             LinkedImportanceSamplingErrors.InvalidChainLengthCode, LinkedImportanceSamplingErrors.InvalidMovesPerStateCode],
            errors.Select(e => e.Code).ToArray());
    }
}
