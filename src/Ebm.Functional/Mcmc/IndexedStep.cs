namespace Ebm.Functional.Mcmc;

/// <summary>
/// A step that receives its index and derives its own keys from it: the form of a driver whose steps take keys from
/// several roots (an SMC step's resampling and move keys) or read a per-step input (the step's point of a schedule).
/// </summary>
/// <remarks>
/// <see cref="Loop.Indexed{TState,TInfo}"/> and <see cref="Loop.Until{TState,TInfo}"/> drive it; a
/// <see cref="KernelStep{TState,TInfo}"/> is the special case whose key is <c>key.FoldIn(index)</c> under one root.
/// </remarks>
/// <typeparam name="TState">The immutable state.</typeparam>
/// <typeparam name="TInfo">The diagnostics of one step.</typeparam>
public delegate (TState State, TInfo Info) IndexedStep<TState, TInfo>(int index, TState state);
