using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using static Ebm.Functional.Tests.Mcmc.ContinuousTestSupport;
using Ebm.Functional.Mcmc.Hmc;

namespace Ebm.Functional.Tests.Mcmc;

/// <summary>
/// HMC on the double well and the ring: the chains' mean energy matches the exact &lt;E&gt; from
/// quadrature (<see cref="ToyExact.Compute"/>, error below 1e-12).
/// </summary>
/// <remarks>
/// C = 64 independent chains from N(0, I) starts, 300 burn-in steps (HMC with L = 10 crosses the
/// barrier of height beta * barrier = 1 many times by then, so the start is forgotten to far below the
/// standard error), T = 1000 steps; each chain's time average is one independent batch and the bound is
/// Z = 4.5 standard errors of those 64 batch means (delta = 3e-5 per check, see <see cref="ContinuousTestSupport"/>).
/// </remarks>
public sealed class HmcToyEnergyTests
{
    public static TheoryData<string, double> Cases() => new() { { "double-well", 1.0 }, { "double-well", 2.0 }, { "ring", 1.0 }, { "ring", 3.0 } };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Mean_energy_matches_quadrature(string kind, double beta)
    {
        IContinuousModel model = kind == "ring" ? (RingEnergy)RingEnergy.Create(1.0, 1.0) : (DoubleWell)DoubleWell.Create(barrier: 1.0 / beta, stiffness: 1.0);
        var exact = ToyExact.Compute(model, beta).Match(r => r.MeanEnergy, e => throw new InvalidOperationException(e.Message));
        var root = RngKey.FromSeed(404);
        var hmc = Hmc.Create(model, beta, 0.15, 10);
        var start = hmc.Init(Mat.Create(64, 2, d => root.FoldIn(0).Normal(d)));
        var averages = ChainAverages(root.FoldIn(1), start, hmc.Step, 300, 1000, [x => model.Energy(x)]);
        AssertMatches(averages, 0, exact, $"{kind} beta {beta} <E>");
    }
}
