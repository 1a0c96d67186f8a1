using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Lattice;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

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
        new("metropolis/random", (m, b) => SingleSiteMetropolis.TransitionMatrix(m, b, ScanOrder.Random), SingleSiteMetropolis.RandomSiteMatrix),
        new("metropolis/systematic", (m, b) => SingleSiteMetropolis.TransitionMatrix(m, b, ScanOrder.Systematic), null),
        new("gibbs/random", (m, b) => HeatBathGibbs.TransitionMatrix(m, b, ScanOrder.Random), HeatBathGibbs.RandomSiteMatrix),
        new("gibbs/systematic", (m, b) => HeatBathGibbs.TransitionMatrix(m, b, ScanOrder.Systematic), null),
        new("checkerboard/metropolis", (m, b) => Sweep((IsingModel)m, b, CheckerboardUpdate.Metropolis), null, m => m is IsingModel),
        new("checkerboard/heat-bath", (m, b) => Sweep((IsingModel)m, b, CheckerboardUpdate.HeatBath), null, m => m is IsingModel),
        new("wolff", (m, b) => LatticeTransitions.Cluster((IsingModel)m, b, singleCluster: true),
            (m, b) => LatticeTransitions.Cluster((IsingModel)m, b, singleCluster: true), m => m is IsingModel { Field: 0 }),
        new("swendsen-wang", (m, b) => LatticeTransitions.Cluster((IsingModel)m, b, singleCluster: false),
            (m, b) => LatticeTransitions.Cluster((IsingModel)m, b, singleCluster: false), m => m is IsingModel { Field: 0 }),
        new("block-gibbs", (m, b) => RbmBlockGibbs.TransitionMatrix((BernoulliRbm)m, b), null, m => m is BernoulliRbm),
    ];

    /// <summary>One checkerboard sweep: the product of the colour updates, in colour order.</summary>
    public static Mat CheckerboardSweep(IsingModel model, Func<int[], Mat> colourUpdate) =>
        Checkerboard.ColourClasses(model).Select(colourUpdate).Aggregate(MatrixProduct.Multiply);

    private static Mat Sweep(IsingModel model, double beta, CheckerboardUpdate update) =>
        CheckerboardSweep(model, colour => LatticeTransitions.ColourUpdate(model, beta, update, colour));
}
