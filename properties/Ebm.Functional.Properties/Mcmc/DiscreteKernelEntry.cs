using Ebm.Functional.Models;
using Ebm.Functional.Numerics;

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
