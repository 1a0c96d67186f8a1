using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Gibbs;

/// <summary>Diagnostics of one heat-bath Gibbs step (n site updates per chain).</summary>
/// <param name="AcceptanceRates">
/// Per chain, the fraction of the n updates that were carried out: 1 unless a local field was NaN (a
/// Gibbs update always draws the unit from its conditional, so there is nothing to reject).
/// </param>
/// <param name="FlipFractions">
/// Per chain, the fraction of updates whose draw changed the unit: how fast the chain moves (near 0 at
/// large beta, 1/2 at beta = 0).
/// </param>
/// <param name="NanRejections">Updates skipped (unit kept) because beta f_i was NaN, over all chains.</param>
public sealed record HeatBathInfo(Vec AcceptanceRates, Vec FlipFractions, int NanRejections) : IAcceptanceInfo, INumericalFailureInfo
{
    /// <summary>The updates skipped for a NaN local field.</summary>
    public int NumericalFailures => NanRejections;
}
