using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Properties.Mcmc;

/// <summary>
/// One discrete kernel as the contract suite sees it: the exact matrix of one step, and for reversible
/// kernels the matrix of the single update whose detailed balance makes the step reversible.
/// </summary>
/// <param name="Name">The kernel and its scan order.</param>
/// <param name="StepMatrix">The exact transition matrix of one step at beta.</param>
/// <param name="ReversibleUpdate">The single random-site update matrix, or null for kernels that are not reversible.</param>
public sealed record DiscreteKernelEntry(
    string Name,
    Func<IDiscreteModel, double, Mat> StepMatrix,
    Func<IDiscreteModel, double, Mat>? ReversibleUpdate);

/// <summary>Every single-site discrete kernel, each in both scan orders.</summary>
public static class DiscreteKernelTable
{
    /// <summary>The table the contract suite runs over.</summary>
    public static IReadOnlyList<DiscreteKernelEntry> AllDiscreteKernels { get; } =
    [
        new("metropolis/random", (m, b) => SingleSiteMetropolis.TransitionMatrix(m, b, ScanOrder.Random), SingleSiteMetropolis.RandomSiteMatrix),
        new("metropolis/systematic", (m, b) => SingleSiteMetropolis.TransitionMatrix(m, b, ScanOrder.Systematic), null),
        new("gibbs/random", (m, b) => HeatBathGibbs.TransitionMatrix(m, b, ScanOrder.Random), HeatBathGibbs.RandomSiteMatrix),
        new("gibbs/systematic", (m, b) => HeatBathGibbs.TransitionMatrix(m, b, ScanOrder.Systematic), null),
    ];
}
