using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Tempering;

/// <summary>
/// The outcome of one pair of swap sweeps, independent of the state layout: for rung r and chain c,
/// <c>SourceRung[r][c]</c> is the rung whose configuration now sits there; plus replicas and swap statistics.
/// </summary>
internal sealed record SwapOutcome(
    int[][] SourceRung, ReplicaTracking Replicas, Vec AcceptanceRates, Mat Probabilities, Mat Accepted, int NanRejections);
