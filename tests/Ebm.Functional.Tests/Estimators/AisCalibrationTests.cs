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
/// Calibration of the delta-method standard errors of forward and reverse AIS: over independent keys, sum z^2 with
/// z = (estimate - exact) / SE stays within the chi-square bounds of <see cref="ErrorCalibration"/> (40 runs,
/// false failure 1e-6 per bound; an error three times too large or too small is caught with probability 1 - 1.4e-6).
/// </summary>
public sealed class AisCalibrationTests
{
    [Fact]
    public void Forward_ais_standard_errors_are_calibrated_on_a_boltzmann_machine()
    {
        var model = BoltzmannRandom.Create(31, 8, StateConvention.Spin);
        const double beta = 0.8;
        var path = Valid(Paths.Tempered(model, beta, b => HeatBathGibbs.BuildKernel(model, b)));
        AssertCalibrated(EnumeratedLogZ(model, beta), key => Valid(Ais.Run(key, path, Valid(AnnealingSchedule.Linear(20)), 200)));
    }

    [Fact]
    public void Reverse_ais_standard_errors_from_exact_draws_are_calibrated_on_a_boltzmann_machine()
    {
        var model = BoltzmannRandom.Create(32, 8, StateConvention.Binary);
        const double beta = 1.0;
        var path = Valid(Paths.Tempered(model, beta, b => HeatBathGibbs.BuildKernel(model, b)));
        AssertCalibrated(EnumeratedLogZ(model, beta), key =>
        {
            var (drawKey, runKey) = key.Split();
            return Valid(ReverseAis.Run(runKey, path, Valid(AnnealingSchedule.Linear(20)), ExactChains(drawKey, 200, model, beta), exactSamples: true));
        });
    }

    [Fact]
    public void Forward_ais_standard_errors_are_calibrated_on_a_gaussian()
    {
        var target = CorrelatedGaussian(2);
        const double beta = 1.0;
        var hmc = new HmcParams(0.5, 3, Vec.Filled(2, 1.0));
        var path = Valid(Paths.FromGaussian(target, beta, Isotropic(2), m => Hmc.Factory(m, hmc)(1.0), 3));
        AssertCalibrated(GaussianExact.Compute(target, beta).LogZ, key => Valid(Ais.Run(key, path, Valid(AnnealingSchedule.Linear(10)), 100)));
    }

    private static void AssertCalibrated(double exact, Func<RngKey, LogZEstimate> run) => ErrorCalibration.AssertCalibrated(exact, run, 2024);
}
