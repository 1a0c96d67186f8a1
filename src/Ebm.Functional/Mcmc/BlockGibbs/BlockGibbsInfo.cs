using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.BlockGibbs;

/// <summary>
/// Diagnostics of one block-Gibbs step over C chains.
/// </summary>
/// <remarks>Block Gibbs draws from exact conditionals, so every chain always moves: there is nothing
/// to reject and no numerical failure to flag (model construction guarantees finite parameters, hence
/// finite conditionals).</remarks>
/// <param name="AcceptanceRates">1 for every chain (a Gibbs update is always accepted).</param>
public sealed record BlockGibbsInfo(Vec AcceptanceRates) : IAcceptanceInfo;
