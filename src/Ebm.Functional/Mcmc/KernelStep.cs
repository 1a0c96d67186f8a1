using Ebm.Functional.Prng;

namespace Ebm.Functional.Mcmc;

/// <summary>
/// One application of a Markov transition kernel: a pure function of a key and a state that returns the
/// next state and a diagnostics record.
/// </summary>
/// <remarks>
/// The key comes first and is used once: a step that needs several random sub-operations splits it at
/// the top. The state carries what the next step needs (positions, cached energies, gradients); the info
/// carries what a user wants to look at (acceptance, divergences) and is never read by the next step.
/// </remarks>
/// <typeparam name="TState">The immutable sampler state, usually a batch of chains.</typeparam>
/// <typeparam name="TInfo">The diagnostics of one step.</typeparam>
public delegate (TState State, TInfo Info) KernelStep<TState, TInfo>(RngKey key, TState state);
