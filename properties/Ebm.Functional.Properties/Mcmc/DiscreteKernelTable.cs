using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Testing;

namespace Ebm.Functional.Properties.Mcmc;

/// <summary>
/// One discrete kernel as the contract suite sees it: the exact matrix of one step, and for reversible
/// kernels the matrix of the single update whose detailed balance makes the step reversible.
/// </summary>
/// <param name="Name">The kernel and its scan order.</param>
/// <param name="StepMatrix">The exact transition matrix of one step at beta.</param>
/// <param name="ReversibleUpdate">A reversible update whose detailed balance makes the step reversible (the single
/// random-site update, or the step itself), or null for kernels that are not reversible.</param>
/// <param name="Applies">Which models the kernel is for; null for every discrete model.</param>
public sealed record DiscreteKernelEntry(
    string Name,
    Func<IDiscreteModel, double, Mat> StepMatrix,
    Func<IDiscreteModel, double, Mat>? ReversibleUpdate,
    Func<IDiscreteModel, bool>? Applies = null)
{
    /// <summary>Whether the kernel samples <paramref name="model"/>.</summary>
    public bool AppliesTo(IDiscreteModel model) => Applies?.Invoke(model) ?? true;
}

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
