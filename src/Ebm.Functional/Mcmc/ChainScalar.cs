using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc;

/// <summary>
/// A named per-chain scalar of a batch of chains: one value per chain of a state (its energy, its magnetisation, one
/// coordinate), the quantity a run traces and the convergence diagnostics take, chains x draws
/// (<see cref="Trace{TObservation}.ByChain(ChainScalar{TObservation})"/>, <c>ChainRunner.Run</c>).
/// </summary>
/// <param name="Name">The name reports and look-ups use ("energy", "magnetisation").</param>
/// <param name="PerChain">The value of every chain of a state, one entry per chain.</param>
public sealed record ChainScalar<TState>(string Name, Func<TState, Vec> PerChain);
