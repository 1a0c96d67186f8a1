using LanguageExt;

namespace Ebm.Functional.Mcmc.Tempering;

/// <summary>
/// The state of parallel tempering over C chains: one batch of C configurations per rung (rung r samples
/// p_{beta_r}), each with its cached energies E (not beta E), and the replica labels for round-trip counts.
/// </summary>
/// <typeparam name="TState">The batch state of the local kernel (<see cref="DiscreteChains"/>, <see cref="ContinuousChains"/>, ...).</typeparam>
/// <param name="Rungs">Rungs[r]: the C configurations at betas[r].</param>
/// <param name="Replicas">Replica labels and round trips.</param>
public sealed record TemperingState<TState>(Seq<TState> Rungs, ReplicaTracking Replicas)
{
    /// <summary>The configurations at the largest beta (the target when betas[R-1] = 1).</summary>
    public TState Coldest => Rungs.Last;
}
