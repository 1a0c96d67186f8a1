using Ebm.Functional.Diagnostics;
using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Sampling;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Tests.Shell.Sampling;

/// <summary>The README's composite kernel run through ChainRunner, as written, against the exact mean energy.</summary>
public sealed class ComposedKernelReadmeTests
{
    private static Vec Magnetisation(IsingChains s) => Vec.Create(s.Chains, m =>
    {
        for (var c = 0; c < m.Length; c++) m[c] = (double)s.Magnetisations[c] / s.Sites;
    });

    // 32 chains x 2000 kept steps of the 4 x 4 torus at beta = 0.4; the check allows 5 MCSE of the mean energy, the
    // run's own standard error from the bulk of 64,000 draws (normal delta about 6e-7).
    [Fact]
    public void A_composite_kernel_traced_and_diagnosed_reproduces_the_exact_mean_energy()
    {
        Fin<(double Energy, double Mcse, double RHatOfM, Vec Acceptance)> result =
            from model    in IsingModel.Create(4, 4, coupling: 1.0, field: 0.0, Boundary.Periodic)
                                     .Match(Succ: m => FinSucc(m), Fail: e => FinFail<IsingModel>(e.Head))
            from settings in RunSettings.Create(steps: 2000, burnIn: 200)
                                     .Match(Succ: s => FinSucc(s), Fail: e => FinFail<RunSettings>(e.Head))
            from wolff    in Wolff.Create(model, beta: 0.4)
            let sweep   = Checkerboard.Create(model, beta: 0.4, CheckerboardUpdate.Metropolis)
            let sampler = sweep.WithKernel("5 sweeps + wolff", Kernels.Sequence(Kernels.Repeat(sweep.Step, 5), wolff.Step))
            let run     = ChainRunner.Run(seed: 7, sampler, Mat.Create(32, model.Dimension, d => d.Fill(1.0)), settings,
                              [new ChainScalar<IsingChains>("energy", s => s.Energies), new("magnetisation", Magnetisation)])
            from energy  in run.Traces.ByName("energy")             // 32 chains x 2000 draws
            from m       in run.Traces.ByName("magnetisation")
            from summary in ChainSummary.Summarise(energy)
            from mcse    in MonteCarloStandardError.OfMean(energy)
            from rHat    in RHat.RankNormalised(m)
            select (summary.Mean, mcse, rHat, run.AcceptanceRates);

        var torus = IsingModel.Create(4, 4, 1.0, 0.0, Boundary.Periodic).Match(Succ: m => m, Fail: e => throw new InvalidOperationException(e.Head.Message));
        var exact = LogPartition.Exact(torus, 0.4).Match(Succ: r => r.MeanEnergy, Fail: e => throw e.ToException());
        var outcome = result.Match(Succ: r => r, Fail: e => throw e.ToException());
        Assert.True(Math.Abs(outcome.Energy - exact) <= 5 * outcome.Mcse, $"mean energy {outcome.Energy}, exact {exact}, MCSE {outcome.Mcse}");
        Assert.True(double.IsFinite(outcome.RHatOfM));
        // Six moves a step, the cluster flip always accepted: every chain's rate lies in [1/6, 1].
        Assert.Equal(32, outcome.Acceptance.Length);
        Assert.All(outcome.Acceptance.ToArray(), a => Assert.InRange(a, 1.0 / 6, 1.0));
    }
}
