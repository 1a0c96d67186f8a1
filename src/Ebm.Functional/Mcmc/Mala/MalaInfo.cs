using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Mala;

/// <summary>Diagnostics of one MALA step over C chains.</summary>
/// <param name="AcceptanceRates">
/// The Metropolis-Hastings probability min(1, exp(-beta (E(x') - E(x)) + log q(x | x') - log q(x' | x)))
/// of each chain's proposal; 0 for a non-finite proposal.
/// </param>
/// <param name="Accepted">1 where the chain moved to its proposal, 0 where it stayed.</param>
/// <param name="NonFiniteProposals">How many chains proposed a point with a NaN or infinite energy or gradient (always rejected).</param>
public sealed record MalaInfo(Vec AcceptanceRates, Vec Accepted, int NonFiniteProposals) : IAcceptanceInfo, INumericalFailureInfo
{
    /// <summary>The non-finite proposals.</summary>
    public int NumericalFailures => NonFiniteProposals;
}
