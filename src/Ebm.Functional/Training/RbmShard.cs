using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Training;

/// <summary>
/// One shard of a CD-k or PCD-k step of a Bernoulli RBM (<see cref="TrainingShards"/>): everything its gradient depends
/// on, so that any machine computes the same bits (<see cref="RbmTraining.RunShard"/>).
/// </summary>
/// <param name="Key">The shard's key (<see cref="TrainingShards.Key"/>).</param>
/// <param name="Model">The model of the step.</param>
/// <param name="Rows">The shard's rows of the minibatch, zeros and ones.</param>
/// <param name="Chains">PCD: the shard's persistent chains (C_s x (nv + nh), visible units first); null for CD.</param>
/// <param name="K">Gibbs steps per update.</param>
/// <param name="Precision">The precision of the matrix products.</param>
public sealed record RbmShard(RngKey Key, BernoulliRbm Model, Mat Rows, Mat? Chains, int K, ProductPrecision Precision);
