using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Testing;

namespace Ebm.Functional.Properties.Estimators;

/// <summary>A single-site kernel with its sampler and its exact one-step matrix at any model and beta.</summary>
public sealed record SiteKernel(
    string Name,
    Func<IDiscreteModel, double, KernelStep<DiscreteChains, IAcceptanceInfo>> Build,
    Func<IDiscreteModel, double, Mat> Matrix)
{
    /// <summary>Heat-bath Gibbs and Metropolis, random scan and systematic sweep.</summary>
    public static IReadOnlyList<SiteKernel> All { get; } =
    [
        new("gibbs/random", (m, b) => Kernels.MapInfo(HeatBathGibbs.BuildKernel(m, b, ScanOrder.Random), i => (IAcceptanceInfo)i),
            (m, b) => TransitionMatrices.HeatBath(m, b, ScanOrder.Random).ThrowIfFail()),
        new("gibbs/systematic", (m, b) => Kernels.MapInfo(HeatBathGibbs.BuildKernel(m, b, ScanOrder.Systematic), i => (IAcceptanceInfo)i),
            (m, b) => TransitionMatrices.HeatBath(m, b, ScanOrder.Systematic).ThrowIfFail()),
        new("metropolis/random", (m, b) => Kernels.MapInfo(SingleSiteMetropolis.BuildKernel(m, b, ScanOrder.Random), i => (IAcceptanceInfo)i),
            (m, b) => TransitionMatrices.Metropolis(m, b, ScanOrder.Random).ThrowIfFail()),
        new("metropolis/systematic", (m, b) => Kernels.MapInfo(SingleSiteMetropolis.BuildKernel(m, b, ScanOrder.Systematic), i => (IAcceptanceInfo)i),
            (m, b) => TransitionMatrices.Metropolis(m, b, ScanOrder.Systematic).ThrowIfFail()),
    ];

    /// <inheritdoc />
    public override string ToString() => Name;
}
