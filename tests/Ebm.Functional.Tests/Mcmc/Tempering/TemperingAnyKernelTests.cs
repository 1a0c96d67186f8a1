using Ebm.Functional.Diagnostics;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Mcmc.Tempering;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using Ebm.Functional.Tests.Models;
using Ebm.Functional.Mcmc.Hmc;

namespace Ebm.Functional.Tests.Mcmc.Tempering;

/// <summary>
/// Parallel tempering over the non-discrete batch states (continuous, Ising lattice, RBM chains): the coldest
/// rung's mean energy agrees with the exact U within 5 Monte Carlo standard errors (MCSE from the bulk ESS of
/// 32 chains x 1500 kept steps; a false failure has probability about 6e-7 when the MCSE is right), and the
/// cached energies (and gradients) travel with their configurations through the exchanges.
/// </summary>
public sealed class TemperingAnyKernelTests
{
    private const int Chains = 32;
    private const int BurnIn = 300;
    private const int Kept = 1500;

    private static double[] Betas(double coldest) =>
        Ladder.Geometric(coldest / 8, coldest, 4).Match(b => b.ToArray(), e => throw new InvalidOperationException(e.Message));

    private static (double Mean, double Mcse, TemperingState<TState> Final) ColdestEnergy<TState, TInfo>(
        Sampler<Mat, TemperingState<TState>, TInfo> pt, Mat start, Func<TState, Vec> energies)
    {
        var state = Loop.Run(RngKey.FromSeed(31), pt.Init(start), BurnIn, pt.Step);
        var (final, trace) = Loop.Scan(RngKey.FromSeed(32), state, Kept, pt.Step, (s, _) => energies(s.Coldest).ToArray());
        var draws = Mat.Create(Chains, Kept, d =>
        {
            for (var t = 0; t < Kept; t++)
            for (var c = 0; c < Chains; c++) d[c * Kept + t] = trace[t][c];
        });
        var mcse = MonteCarloStandardError.OfMean(draws).Match(x => x, e => throw new InvalidOperationException(e.Message));
        return (draws.Span.ToArray().Average(), mcse, final);
    }

    private static double ExactU(IEnergyModel model, double beta) =>
        LogPartition.Exact(model, beta).Match(r => r.MeanEnergy, e => throw new InvalidOperationException(e.Message));

    private static Mat Spins(int chains, int n, ulong seed, double low) => Mat.Create(chains, n, d =>
    {
        var key = RngKey.FromSeed(seed);
        for (var j = 0; j < d.Length; j++) d[j] = key.UniformAt(j) < 0.5 ? 1.0 : low;
    });

    [Fact]
    public void Hmc_tempering_on_a_double_well_matches_quadrature()
    {
        var well = DoubleWell.Create(barrier: 3.0, stiffness: 1.0).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var pt = ParallelTempering.Create(
            b => Hmc.Create(well, b, stepSize: 0.25, leapfrogSteps: 5).Step,
            x => Hmc.Create(well, 1.0, 0.25, 5).Init(x), Betas(1.0), s => s.Energies, ChainGathers.Continuous);
        var start = Mat.Create(Chains, 2, d => RngKey.FromSeed(30).Normal(d));
        var (mean, mcse, final) = ColdestEnergy(pt, start, s => s.Energies);
        var exact = ExactU(well, 1.0);
        Assert.True(Math.Abs(mean - exact) <= 5 * mcse, $"sampled {mean} ± {mcse}, exact {exact}");

        foreach (var rung in final.Rungs)
        {
            Assert.Equal(well.Energies(rung.Positions).ToArray(), rung.Energies.ToArray());
            var gradient = new double[2];
            for (var c = 0; c < Chains; c++)
            {
                well.EnergyGradient(rung.Positions.Row(c), gradient);
                Assert.Equal(gradient, rung.Gradients.Row(c).ToArray());
            }
        }
    }

    [Fact]
    public void Checkerboard_tempering_on_an_ising_torus_matches_the_exact_energy()
    {
        var torus = IsingModel.Create(4, 4, 1.0, 0.0, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var pt = ParallelTempering.Create(
            b => Checkerboard.Create(torus, b, CheckerboardUpdate.Metropolis).Step,
            x => IsingChains.FromStates(torus, x), Betas(0.6), s => s.Energies, ChainGathers.Ising);
        var (mean, mcse, final) = ColdestEnergy(pt, Spins(Chains, torus.Dimension, 33, -1.0), s => s.Energies);
        var exact = ExactU(torus, 0.6);
        Assert.True(Math.Abs(mean - exact) <= 5 * mcse, $"sampled {mean} ± {mcse}, exact {exact}");
        foreach (var rung in final.Rungs) Assert.Equal(torus.Energies(rung.ToStates()).ToArray(), rung.Energies.ToArray());
    }

    [Fact]
    public void Block_gibbs_tempering_on_an_rbm_matches_the_exact_energy()
    {
        var rbm = RbmTestModels.Bernoulli(6, 4, 1.5, 1.0, seed: 17);
        var pt = ParallelTempering.Create(
            b => RbmBlockGibbs.Create(rbm, b).Step,
            x => RbmBlockGibbs.Init(rbm, x), Betas(1.0), s => s.Energies, ChainGathers.Rbm);
        var (mean, mcse, final) = ColdestEnergy(pt, Spins(Chains, rbm.Dimension, 34, 0.0), s => s.Energies);
        var exact = ExactU(rbm, 1.0);
        Assert.True(Math.Abs(mean - exact) <= 5 * mcse, $"sampled {mean} ± {mcse}, exact {exact}");
        foreach (var rung in final.Rungs)
        {
            var recomputed = rbm.Energies(rung.Joint()).ToArray();
            for (var c = 0; c < Chains; c++) Assert.Equal(recomputed[c], rung.Energies[c], 1e-12);
        }
    }
}
