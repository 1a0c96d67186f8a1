using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Testing;

namespace Ebm.Functional.Properties.Mcmc;

/// <summary>
/// Every discrete kernel: the single-site kernels in both scan orders (any discrete model), the
/// checkerboard sweeps and cluster moves (Ising lattices), and block Gibbs (Bernoulli RBMs).
/// </summary>
public static class DiscreteKernelTable
{
    /// <summary>The table the contract suite runs over.</summary>
    public static IReadOnlyList<DiscreteKernelEntry> AllDiscreteKernels { get; } =
    [
        new("metropolis/random", (m, b) => TransitionMatrices.Metropolis(m, b, ScanOrder.Random).ThrowIfFail(), (m, b) => TransitionMatrices.MetropolisRandomSite(m, b).ThrowIfFail()),
        new("metropolis/systematic", (m, b) => TransitionMatrices.Metropolis(m, b, ScanOrder.Systematic).ThrowIfFail(), null),
        new("gibbs/random", (m, b) => TransitionMatrices.HeatBath(m, b, ScanOrder.Random).ThrowIfFail(), (m, b) => TransitionMatrices.HeatBathRandomSite(m, b).ThrowIfFail()),
        new("gibbs/systematic", (m, b) => TransitionMatrices.HeatBath(m, b, ScanOrder.Systematic).ThrowIfFail(), null),
        new("checkerboard/metropolis", (m, b) => TransitionMatrices.CheckerboardSweep((IsingModel)m, b, CheckerboardUpdate.Metropolis).ThrowIfFail(), null,
            m => m is IsingModel),
        new("checkerboard/heat-bath", (m, b) => TransitionMatrices.CheckerboardSweep((IsingModel)m, b, CheckerboardUpdate.HeatBath).ThrowIfFail(), null,
            m => m is IsingModel),
        new("wolff", (m, b) => TransitionMatrices.Wolff((IsingModel)m, b).ThrowIfFail(),
            (m, b) => TransitionMatrices.Wolff((IsingModel)m, b).ThrowIfFail(), m => m is IsingModel { Field: 0 }),
        new("swendsen-wang", (m, b) => TransitionMatrices.SwendsenWang((IsingModel)m, b).ThrowIfFail(),
            (m, b) => TransitionMatrices.SwendsenWang((IsingModel)m, b).ThrowIfFail(), m => m is IsingModel { Field: 0 }),
        new("block-gibbs", (m, b) => TransitionMatrices.BlockGibbs((BernoulliRbm)m, b).ThrowIfFail(), null, m => m is BernoulliRbm),
    ];
}
