using Ebm.Functional.Annealing;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using Xunit;
using Ebm.Functional.Estimators;
using static Ebm.Functional.Tests.Estimators.AnnealingTestModels;

namespace Ebm.Functional.Tests.Estimators;

/// <summary>AIS on a tiny Boltzmann machine against enumeration.</summary>
public sealed class AisSmokeTests
{
    // z-bound: |estimate - exact| <= 5 SE fails with probability below 1e-6 for a normal error; the delta
    // method is accurate here because the weight ESS stays above half the 2,000 particles.
    private const double ZBound = 5.0;

    [Fact]
    public void Tempered_gibbs_ais_lands_within_its_standard_error_of_enumeration()
    {
        var model = BoltzmannRandom.Create(11, 8, StateConvention.Binary);
        const double beta = 1.0;
        var exact = Enumeration.Compute(model, beta).Match(r => r.LogZ, e => throw new InvalidOperationException(e.Message));
        var path = Valid(Paths.Tempered(model, beta, b => HeatBathGibbs.BuildKernel(model, b)));
        var estimate = Valid(Ais.Run(RngKey.FromSeed(5), path, Valid(AnnealingSchedule.Linear(50)), 2000));
        Assert.True(estimate.Ess > 1000, $"ESS {estimate.Ess}");
        Assert.InRange(estimate.LogZ, exact - ZBound * estimate.StandardError, exact + ZBound * estimate.StandardError);
        Assert.Equal(51, estimate.Trace.Count);
    }
}
