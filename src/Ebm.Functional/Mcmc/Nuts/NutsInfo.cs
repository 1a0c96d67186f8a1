using System.Numerics.Tensors;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Nuts;

/// <summary>Diagnostics of one NUTS step over C chains (Stan's accept_stat__, treedepth__, n_leapfrog__, divergent__).</summary>
/// <param name="AcceptanceRates">
/// The acceptance statistic of each chain's trajectory: the mean over its leapfrog steps of min(1, exp(H0 - H)),
/// H0 the start's Hamiltonian (Hoffman and Gelman 2014, eq. 14); what dual averaging steers to its target.
/// </param>
/// <param name="TreeDepths">Doublings of each trajectory that were kept (0 when the first one already diverged).</param>
/// <param name="LeapfrogSteps">Leapfrog steps, hence gradient evaluations, spent by each chain's trajectory.</param>
/// <param name="Divergent">1 where a leapfrog step's energy error H - H0 exceeded <see cref="Nuts.DivergenceThreshold"/> or was not finite, else 0.</param>
/// <param name="NonFiniteTrajectories">How many chains' trajectories met a NaN or infinite energy, gradient or momentum (never selected).</param>
public sealed record NutsInfo(Vec AcceptanceRates, Vec TreeDepths, Vec LeapfrogSteps, Vec Divergent, int NonFiniteTrajectories)
    : IAcceptanceInfo, INumericalFailureInfo
{
    /// <summary>The divergent trajectories (non-finite ones included).</summary>
    public int NumericalFailures => Divergences;

    /// <summary>The number of divergent trajectories in this step.</summary>
    public int Divergences => (int)TensorPrimitives.Sum(Divergent.Span);

    /// <summary>Gradient evaluations of this step over all chains (one per leapfrog step): the cost to divide an ESS by.</summary>
    public long GradientEvaluations => (long)TensorPrimitives.Sum(LeapfrogSteps.Span);
}
