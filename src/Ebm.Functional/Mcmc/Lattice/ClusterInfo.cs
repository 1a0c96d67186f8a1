using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>Diagnostics of one <see cref="Wolff"/> or <see cref="SwendsenWang"/> step, one entry per chain.</summary>
/// <param name="AcceptanceRates">Always 1: a cluster move is a rejection-free Gibbs step in the joint spin-bond space.</param>
/// <param name="MeanClusterSizes">Wolff: the size of the one cluster built and flipped. Swendsen-Wang: N divided
/// by the number of clusters (the mean size of a cluster, each cluster counted once).</param>
public sealed record ClusterInfo(Vec AcceptanceRates, Vec MeanClusterSizes) : IAcceptanceInfo;
