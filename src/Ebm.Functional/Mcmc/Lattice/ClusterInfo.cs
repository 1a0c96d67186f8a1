using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>Diagnostics of one <see cref="Wolff"/> or <see cref="SwendsenWang"/> step, one entry per chain.</summary>
/// <param name="AcceptanceRates">1: a cluster move is a rejection-free Gibbs step in the joint spin-bond space; Wolff
/// where no bond can be activated (beta J = 0): 1/2, the probability with which its lazy step flips the seed.</param>
/// <param name="MeanClusterSizes">Wolff: the size of the one cluster built (and flipped, save the lazy case). Swendsen-Wang: N divided
/// by the number of clusters (the mean size of a cluster, each cluster counted once).</param>
public sealed record ClusterInfo(Vec AcceptanceRates, Vec MeanClusterSizes) : IAcceptanceInfo;
