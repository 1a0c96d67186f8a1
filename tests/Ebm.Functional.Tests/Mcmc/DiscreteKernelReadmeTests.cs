using Ebm.Functional.Exact;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Mcmc.Tempering;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Mcmc;

/// <summary>The README's sampling example, run as written, against the exact mean energy.</summary>
public sealed class DiscreteKernelReadmeTests
{
    // 64 chains x 400 recorded steps of the mean cold-rung energy of a 3x3 Ising torus at beta = 0.4.
    // The 64 chain means (after 100 burn-in steps) are i.i.d.; the check allows 5 standard errors of
    // their mean (normal delta about 6e-7).
    [Fact]
    public void Tempered_Gibbs_pipeline_reproduces_the_exact_mean_energy()
    {
        var model = IsingModel.Create(3, 3, coupling: 1.0, field: 0.0, Boundary.Periodic).Match(m => m, e => throw new InvalidOperationException(e.Head.Message));
        var betas = Ladder.Geometric(0.1, 0.4, count: 4).Match(b => b, e => throw new ArgumentException(e.Message));
        var pt = ParallelTempering.Create(b => Kernels.Sequence(HeatBathGibbs.BuildKernel(model, b, ScanOrder.Systematic),
                                                                SingleSiteMetropolis.BuildKernel(model, b)), model, betas);
        var warm = Loop.Run(RngKey.FromSeed(1), pt.Init(Mat.Create(64, 9, d => d.Fill(1.0))), 100, pt.Step);
        var (_, energies) = Loop.Scan(RngKey.FromSeed(2), warm, 400, pt.Step, (s, _) => s.Coldest.Energies);

        var exact = LogPartition.Exact(model, 0.4).Match(r => r.MeanEnergy, e => throw new InvalidOperationException(e.Message));
        var chainMeans = Enumerable.Range(0, 64).Select(c => energies.Average(e => e[c])).ToArray();
        var mean = chainMeans.Average();
        var standardError = Math.Sqrt(chainMeans.Sum(m => (m - mean) * (m - mean)) / 63 / 64);
        Assert.True(Math.Abs(mean - exact) <= 5 * standardError, $"mean energy {mean}, exact {exact}, se {standardError}");
    }
}
