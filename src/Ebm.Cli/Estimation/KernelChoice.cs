using Ebm.Functional.Catalogue;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Mcmc.Hmc;
using Ebm.Functional.Mcmc.Mala;
using Ebm.Functional.Mcmc.RandomWalk;

namespace Ebm.Cli.Estimation;

/// <summary>A continuous kernel by name: the step for an energy at a beta, and the gradient evaluations one step costs.</summary>
/// <param name="AtBeta">The kernel for an energy at an inverse temperature.</param>
/// <param name="EvaluationsPerMove">Energy or gradient evaluations of one step per chain (HMC: its leapfrog steps).</param>
internal sealed record ContinuousKernelChoice(Func<IContinuousModel, double, KernelStep<ContinuousChains, IAcceptanceInfo>> AtBeta, int EvaluationsPerMove);

/// <summary>
/// The --kernel words for single-site discrete and for continuous kernels, in one place for the annealing paths,
/// the paths between two models and bridge sampling's target chains.
/// </summary>
internal static class KernelChoice
{
    /// <summary>metropolis: single-site Metropolis; anything else: heat-bath Gibbs (both random scan, so reversible).</summary>
    public static Func<IDiscreteModel, double, KernelStep<DiscreteChains, IAcceptanceInfo>> Discrete(string kernel) =>
        kernel == "metropolis"
            ? (model, beta) => Kernels.MapInfo(SingleSiteMetropolis.BuildKernel(model, beta), info => (IAcceptanceInfo)info)
            : (model, beta) => Kernels.MapInfo(HeatBathGibbs.BuildKernel(model, beta), info => (IAcceptanceInfo)info);

    /// <summary>mala, metropolis (random walk), or anything else HMC with identity mass, at --step-size and --leapfrog-steps.</summary>
    public static ContinuousKernelChoice Continuous(string kernel, LogzRequest request)
    {
        var (h, leapfrog) = (request.StepSize, request.LeapfrogSteps);
        return kernel switch
        {
            "mala" => new((model, beta) => Kernels.MapInfo(Mala.Factory(model, h)(beta), info => (IAcceptanceInfo)info), EvaluationsPerMove("mala", leapfrog)),
            "metropolis" => new((model, beta) => Kernels.MapInfo(RandomWalkMetropolis.Factory(model, h)(beta), info => (IAcceptanceInfo)info),
                EvaluationsPerMove("metropolis", leapfrog)),
            _ => new((model, beta) => Kernels.MapInfo(
                Hmc.Factory(model, new HmcParams(h, leapfrog, Vec.Filled(model.Dimension, 1.0)))(beta), info => (IAcceptanceInfo)info), EvaluationsPerMove("hmc", leapfrog)),
        };
    }

    /// <summary>The catalogue's count of one move of the continuous kernel <paramref name="kernel"/>.</summary>
    private static int EvaluationsPerMove(string kernel, int leapfrogSteps) =>
        KernelCatalog.Continuous.Find(kernel).Map(k => k.EvaluationsPerMove(leapfrogSteps)).IfNone(leapfrogSteps);
}
