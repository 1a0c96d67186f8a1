using Ebm.Functional.Annealing;
using Ebm.Functional.Estimation;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using MathNet.Numerics.Distributions;
using Xunit;
using static Ebm.Functional.Tests.Annealing.AnnealingTestModels;

namespace Ebm.Functional.Tests.Annealing;

/// <summary>
/// Calibration of the delta-method standard errors: over <see cref="Runs"/> independent keys, z = (estimate - exact) / SE
/// lands within +/-2 often enough, and the errors are not inflated either.
/// </summary>
/// <remarks>
/// <para>Coverage: with true coverage 0.95 of |z| &lt; 2, the number of covered runs is Binomial(20, 0.95) and
/// P(at most 14) = 3.4e-5; even at a true coverage of 0.90 (the delta method is a little optimistic for skewed
/// weights) P(at most 14) = 2.4e-3. So at least <see cref="MinCovered"/> of 20 is required.</para>
/// <para>Inflation: an SE several times too large would cover every run; with z standard normal, sum z^2 is
/// chi-square on 20 degrees of freedom and falls below its 0.1% quantile (5.92) with probability 1e-3.</para>
/// <para>Clean: these runs are healthy by construction, so none may carry a warning (the weight-degeneracy rule, the
/// sampler checks and the checks of every estimate must stay silent on them).</para>
/// </remarks>
public sealed class AisCalibrationTests
{
    private const int Runs = 20;
    private const int MinCovered = 15;
    private const double CoveredZ = 2.0;
    private const double InflationLevel = 1e-3;

    [Fact]
    public void Forward_ais_standard_errors_are_calibrated_on_a_boltzmann_machine()
    {
        var model = BoltzmannRandom.Create(31, 8, StateConvention.Spin);
        const double beta = 0.8;
        var path = Paths.Tempered(model, beta, b => HeatBathGibbs.BuildKernel(model, b));
        AssertCalibrated(EnumeratedLogZ(model, beta), key => Ais.Run(path, AnnealingSchedule.Linear(20), 200, key));
    }

    [Fact]
    public void Reverse_ais_standard_errors_from_exact_draws_are_calibrated_on_a_boltzmann_machine()
    {
        var model = BoltzmannRandom.Create(32, 8, StateConvention.Binary);
        const double beta = 1.0;
        var path = Paths.Tempered(model, beta, b => HeatBathGibbs.BuildKernel(model, b));
        AssertCalibrated(EnumeratedLogZ(model, beta), key =>
        {
            var (drawKey, runKey) = key.Split();
            return ReverseAis.Run(path, AnnealingSchedule.Linear(20), ExactChains(drawKey, 200, model, beta), exactSamples: true, runKey);
        });
    }

    [Fact]
    public void Forward_ais_standard_errors_are_calibrated_on_a_gaussian()
    {
        var target = CorrelatedGaussian(2);
        const double beta = 1.0;
        var hmc = new HmcParams(0.5, 3, Vec.Filled(2, 1.0));
        var path = Paths.FromGaussian(target, beta, Isotropic(2), m => Hmc.Factory(m, hmc)(1.0), 3);
        AssertCalibrated(GaussianExact.Compute(target, beta).LogZ, key => Ais.Run(path, AnnealingSchedule.Linear(10), 100, key));
    }

    private static void AssertCalibrated(double exact, Func<RngKey, LogZEstimate> run)
    {
        var root = RngKey.FromSeed(2024);
        var estimates = Enumerable.Range(0, Runs).Select(i => run(root.FoldIn(i))).ToArray();
        var z = estimates.Select(e => (e.LogZ - exact) / e.StandardError).ToArray();
        var warned = estimates.Where(e => !e.IsClean).Select(e => string.Join("; ", e.Warnings)).ToArray();
        Assert.True(warned.Length == 0, $"{warned.Length} of {Runs} healthy runs carry warnings: {string.Join(" | ", warned.Take(3))}");
        var covered = z.Count(x => Math.Abs(x) < CoveredZ);
        var sumSquares = z.Sum(x => x * x);
        var floor = ChiSquared.InvCDF(Runs, InflationLevel);
        var shown = string.Join(", ", z.Select(x => x.ToString("F2")));
        Assert.True(covered >= MinCovered, $"{covered} of {Runs} runs within |z| < {CoveredZ}: z = [{shown}]");
        Assert.True(sumSquares >= floor, $"sum z^2 = {sumSquares:F2} below the chi-square floor {floor:F2}: z = [{shown}]");
    }
}
