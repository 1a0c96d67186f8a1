namespace Ebm.Functional.Mcmc.Tempering;

/// <summary>
/// Builds one batch whose chain c is chain c of <c>rungs[sourceRung(c)]</c>: how parallel tempering moves
/// accepted exchanges between rungs without knowing the layout of a batch state.
/// </summary>
/// <typeparam name="TState">The batch state.</typeparam>
public delegate TState ChainGather<TState>(IReadOnlyList<TState> rungs, Func<int, int> sourceRung);
