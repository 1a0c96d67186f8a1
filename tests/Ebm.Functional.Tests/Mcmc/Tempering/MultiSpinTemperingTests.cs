using Ebm.Functional.Diagnostics;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Mcmc.Tempering;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Mcmc.Tempering;

/// <summary>
/// Parallel tempering over the multi-spin checkerboard (<see cref="ChainGathers.MultiSpin"/>): on the 4 x 4 torus the
/// coldest rung's mean energy agrees with enumeration within 5 Monte Carlo standard errors (MCSE from the bulk ESS of
/// 32 chains x 1500 kept steps after 300; a false failure has probability about 6e-7 when the MCSE is right), the
/// integer bond sums travel with their configurations through the exchanges, and the run does not depend on the
/// thread count.
/// </summary>
public sealed class MultiSpinTemperingTests
{
    private const int Chains = 32;
    private const int BurnIn = 300;
    private const int Kept = 1500;

    private static Sampler<Mat, TemperingState<MultiSpinChains>, TemperingInfo<CheckerboardInfo>> Tempering(IsingModel torus, int threads)
    {
        var betas = Ladder.Geometric(0.6 / 8, 0.6, 4).Match(b => b.ToArray(), e => throw new InvalidOperationException(e.Message));
        var coldest = MultiSpinCheckerboard.Create(torus, 0.6, CheckerboardUpdate.Metropolis, threads).Match(s => s, e => throw new InvalidOperationException(e.Message));
        return ParallelTempering.Create(
            b => MultiSpinCheckerboard.Create(torus, b, CheckerboardUpdate.Metropolis, threads).Match(s => s.Step, e => throw new InvalidOperationException(e.Message)),
            coldest.Init, betas, s => s.Energies, ChainGathers.MultiSpin, threads);
    }

    private static Mat Spins(int sites) => Mat.Create(Chains, sites, d =>
    {
        var key = RngKey.FromSeed(70);
        for (var j = 0; j < d.Length; j++) d[j] = key.UniformAt(j) < 0.5 ? 1.0 : -1.0;
    });

    [Fact]
    public void Coldest_rung_matches_the_exact_energy_and_totals_travel_with_their_spins()
    {
        var torus = IsingModel.Create(4, 4, 1.0, 0.0, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var pt = Tempering(torus, -1);
        var state = Loop.Run(RngKey.FromSeed(71), pt.Init(Spins(torus.Dimension)), BurnIn, pt.Step);
        var (final, trace) = Loop.Scan(RngKey.FromSeed(72), state, Kept, pt.Step, (s, _) => s.Coldest.Energies.ToArray());
        var draws = Mat.Create(Chains, Kept, d =>
        {
            for (var t = 0; t < Kept; t++)
            for (var c = 0; c < Chains; c++) d[c * Kept + t] = trace[t][c];
        });
        var mcse = MonteCarloStandardError.OfMean(draws).Match(x => x, e => throw new InvalidOperationException(e.Message));
        var mean = draws.Span.ToArray().Average();
        var exact = Enumeration.Compute(torus, 0.6).Match(r => r.MeanEnergy, e => throw new InvalidOperationException(e.Message));
        Assert.True(Math.Abs(mean - exact) <= 5 * mcse, $"sampled {mean} ± {mcse}, exact {exact}");
        foreach (var rung in final.Rungs)
        {
            Assert.Equal(torus.Energies(rung.ToStates()).ToArray(), rung.Energies.ToArray());
            Assert.Equal(IsingChains.FromStates(torus, rung.ToStates()).BondSums.ToArray(), rung.BondSums.ToArray());
        }
    }

    [Fact]
    public void Threads_do_not_change_a_tempering_run()
    {
        var torus = IsingModel.Create(6, 130, 1.0, 0.1, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        TemperingState<MultiSpinChains> Run(int threads)
        {
            var pt = Tempering(torus, threads);
            return Loop.Run(RngKey.FromSeed(73), pt.Init(Spins(torus.Dimension)), 20, pt.Step);
        }

        var one = Run(1);
        var all = Run(-1);
        for (var rung = 0; rung < one.Rungs.Count; rung++) Assert.Equal(one.Rungs[rung].ToStates(), all.Rungs[rung].ToStates());
    }
}
