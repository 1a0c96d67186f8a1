using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Langevin;

/// <summary>Diagnostics of one unadjusted Langevin step over C chains.</summary>
/// <param name="AcceptanceRates">1 for every chain that moved (there is no accept step); 0 where a non-finite move was refused.</param>
/// <param name="NonFiniteProposals">How many chains reached a point with a NaN or infinite energy or gradient; those chains stay where they were.</param>
public sealed record LangevinInfo(Vec AcceptanceRates, int NonFiniteProposals) : IAcceptanceInfo, INumericalFailureInfo
{
    /// <summary>The refused non-finite moves.</summary>
    public int NumericalFailures => NonFiniteProposals;
}
