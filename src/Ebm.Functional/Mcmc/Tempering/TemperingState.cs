using LanguageExt;

namespace Ebm.Functional.Mcmc.Tempering;

/// <summary>
/// The state of parallel tempering over C chains: one batch of C configurations per rung (rung r samples
/// p_{beta_r}), with cached energies E (not beta E), and the replica labels for round-trip counts.
/// </summary>
/// <param name="Rungs">Rungs[r]: the C configurations at betas[r], energies cached.</param>
/// <param name="Replicas">Replica labels and round trips.</param>
public sealed record TemperingState(Seq<DiscreteChains> Rungs, ReplicaTracking Replicas)
{
    /// <summary>The configurations at the largest beta (the target when betas[R-1] = 1).</summary>
    public DiscreteChains Coldest => Rungs.Last;
}
