using System.Numerics.Tensors;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Hmc;

/// <summary>Diagnostics of one HMC step over C chains.</summary>
/// <param name="AcceptanceRates">min(1, exp(-Delta H)) of each chain's trajectory; 0 for a non-finite one.</param>
/// <param name="Accepted">1 where the chain moved to the trajectory's end, 0 where it stayed.</param>
/// <param name="EnergyErrors">
/// Delta H = H(end) - H(start) with H = beta E + 1/2 p^T M^-1 p: the integrator's error, about h^2 per
/// unit trajectory length for a smooth target; NaN or infinite for a trajectory that left the domain.
/// </param>
/// <param name="Divergent">1 where the trajectory diverged (|Delta H| &gt; <see cref="Hmc.DivergenceThreshold"/> or non-finite), else 0.</param>
/// <param name="NonFiniteProposals">How many chains' trajectories reached a NaN or infinite energy or gradient (always rejected).</param>
public sealed record HmcInfo(Vec AcceptanceRates, Vec Accepted, Vec EnergyErrors, Vec Divergent, int NonFiniteProposals) : IAcceptanceInfo, INumericalFailureInfo
{
    /// <summary>The divergent trajectories (non-finite ones included).</summary>
    public int NumericalFailures => Divergences;

    /// <summary>The number of divergent trajectories in this step.</summary>
    /// <remarks>Read for every move of every annealing step (<see cref="NumericalFailures"/>), so it sums the span in place rather than copying it.</remarks>
    public int Divergences => (int)TensorPrimitives.Sum(Divergent.Span);
}
