using Ebm.Functional.Numerics;

namespace Ebm.Functional.Training;

/// <summary>
/// What one shard of a minibatch gives back (<see cref="TrainingShards"/>): its rows' mean loss gradient, the persistent
/// chains it continued, and the mean squared one-step reconstruction error of its rows (CD; zero for PCD).
/// </summary>
/// <param name="Rows">The shard's rows n_s, its weight in the combination.</param>
/// <param name="Gradient">The loss gradient in the family's parameter layout (W, b, c for an RBM).</param>
/// <param name="Chains">The shard's chains after the step (C_s x (nv + nh), visible units first), or null when it keeps none.</param>
/// <param name="ReconstructionError">The mean over the shard's rows and the visible units of (v_0 − p(v | h_0))².</param>
public sealed record ShardGradient(int Rows, Vec Gradient, Mat? Chains, double ReconstructionError);
