using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.RandomWalk;

/// <summary>Diagnostics of one random-walk Metropolis step over C chains.</summary>
/// <param name="AcceptanceRates">min(1, exp(-beta (E(x') - E(x)))) of each chain's proposal; 0 for a non-finite proposal.</param>
/// <param name="Accepted">1 where the chain moved to its proposal, 0 where it stayed.</param>
/// <param name="NonFiniteProposals">How many chains proposed a point with a NaN or infinite energy (always rejected).</param>
public sealed record RandomWalkInfo(Vec AcceptanceRates, Vec Accepted, int NonFiniteProposals) : IAcceptanceInfo, INumericalFailureInfo
{
    /// <summary>The non-finite proposals.</summary>
    public int NumericalFailures => NonFiniteProposals;
}
