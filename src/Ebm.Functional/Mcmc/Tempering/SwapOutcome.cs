using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Tempering;

/// <summary>The rungs, replicas and swap statistics after one pair of swap sweeps.</summary>
internal sealed record SwapOutcome(
    DiscreteChains[] Rungs, ReplicaTracking Replicas, Vec AcceptanceRates, Mat Probabilities, Mat Accepted, int NanRejections);
