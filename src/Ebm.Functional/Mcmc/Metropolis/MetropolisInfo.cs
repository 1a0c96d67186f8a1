using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Metropolis;

/// <summary>Diagnostics of one single-site Metropolis step (n proposals per chain).</summary>
/// <param name="AcceptanceRates">
/// Per chain, the mean Metropolis acceptance probability a(beta dE) (min(1, exp(-beta dE)), 7/8 at a tie)
/// over the step's n proposals (a proposal rejected for a NaN energy change counts as 0). Averaging the probability rather
/// than the accept/reject outcome gives the same expectation with less noise.
/// </param>
/// <param name="FlipFractions">Per chain, the fraction of the n proposals that were accepted.</param>
/// <param name="NanRejections">
/// Proposals rejected because beta dE was NaN (a NaN energy, or beta = 0 with an infinite dE), over all
/// chains. Non-zero means the model produced non-numbers: the chain did not move there, but look at it.
/// </param>
public sealed record MetropolisInfo(Vec AcceptanceRates, Vec FlipFractions, int NanRejections) : IAcceptanceInfo, INumericalFailureInfo
{
    /// <summary>The proposals rejected for a NaN energy change.</summary>
    public int NumericalFailures => NanRejections;
}
