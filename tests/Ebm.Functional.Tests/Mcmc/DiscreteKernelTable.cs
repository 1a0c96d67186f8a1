using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.Gibbs;
using Ebm.Functional.Mcmc.Metropolis;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Testing;

namespace Ebm.Functional.Tests.Mcmc;

/// <summary>A discrete kernel as the tests see it: its step at beta and the exact matrix of that step.</summary>
/// <param name="Name">Kernel and scan order.</param>
/// <param name="Step">The sampler's step at (model, beta, max degree of parallelism).</param>
/// <param name="Matrix">The exact one-step transition matrix at (model, beta).</param>
internal sealed record DiscreteKernelUnderTest(
    string Name,
    Func<IDiscreteModel, double, int, KernelStep<DiscreteChains, IAcceptanceInfo>> Step,
    Func<IDiscreteModel, double, Mat> Matrix);

/// <summary>Every single-site discrete kernel, in both scan orders.</summary>
internal static class DiscreteKernelTable
{
    public static IReadOnlyList<DiscreteKernelUnderTest> AllDiscreteKernels { get; } =
    [
        Metropolis(ScanOrder.Random), Metropolis(ScanOrder.Systematic), Gibbs(ScanOrder.Random), Gibbs(ScanOrder.Systematic),
    ];

    /// <summary>The kernel names, for xunit theories.</summary>
    public static TheoryData<string> Names => new(AllDiscreteKernels.Select(k => k.Name));

    public static DiscreteKernelUnderTest Named(string name) => AllDiscreteKernels.Single(k => k.Name == name);

    private static DiscreteKernelUnderTest Metropolis(ScanOrder order) => new(
        $"metropolis/{order}",
        (m, b, threads) => Kernels.MapInfo(SingleSiteMetropolis.Create(m, b, order, threads).Step, i => (IAcceptanceInfo)i),
        (m, b) => TransitionMatrices.Metropolis(m, b, order).ThrowIfFail());

    private static DiscreteKernelUnderTest Gibbs(ScanOrder order) => new(
        $"gibbs/{order}",
        (m, b, threads) => Kernels.MapInfo(HeatBathGibbs.Create(m, b, order, threads).Step, i => (IAcceptanceInfo)i),
        (m, b) => TransitionMatrices.HeatBath(m, b, order).ThrowIfFail());
}
