using System.Runtime.Intrinsics;
using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Training;

/// <summary>Contrastive divergence (CD-k) and persistent contrastive divergence (PCD-k, SML) for the Bernoulli RBM.</summary>
public static partial class RbmTraining
{
    /// <summary>The largest number of Gibbs steps per update that CD-k and PCD-k accept.</summary>
    public const int MaxGibbsSteps = 100_000;

    /// <summary>The largest number of persistent chains that PCD accepts.</summary>
    public const int MaxPersistentChains = 1_000_000;

    private const string Binary = "{0, 1}";

    /// <summary>
    /// CD-k (Hinton 2002, "Training products of experts by minimizing contrastive divergence"): the negative phase
    /// starts at the minibatch and runs k block-Gibbs steps. Loss gradient, for a minibatch V of n rows,
    /// dW = (1/n) sum_r [v_k p(h | v_k)^T - v_0 p(h | v_0)^T], db = mean(v_k - v_0), dc = mean(p(h | v_k) - p(h | v_0)),
    /// with h_0 ~ p(h | v_0), v_(s+1) ~ p(v | h_s), h_s ~ p(h | v_s). A biased estimate of the likelihood gradient whose
    /// bias vanishes as k grows (Carreira-Perpiñán and Hinton 2005). No persistent chains.
    /// </summary>
    /// <remarks>
    /// <para>Cost per update: 2k + 3 matrix products of n x nv x nh (five for CD-1), in <paramref name="precision"/>.
    /// The metric <c>reconstruction-error</c> is the mean over the minibatch and the visible units of
    /// (v_0 - p(v | h_0))^2, the one-step reconstruction the first Gibbs step computes anyway.</para>
    /// <para>Draws: the step key's child s (s = 0..k-1) drives Gibbs step s, laid out as <see cref="RbmBlockGibbs"/> lays out
    /// a step: row r's hidden layer from <c>key.FoldIn(s).FoldIn(r).FoldIn(0)</c>, its visible layer from
    /// <c>key.FoldIn(s).FoldIn(r).FoldIn(1)</c>. Same key, model and minibatch give the same bits for any thread count
    /// (with the same GEMM backend).</para>
    /// <para>Shards: a minibatch of more than <see cref="TrainingShards.Size"/> rows is cut into the fixed shards of
    /// <see cref="TrainingShards"/>, shard s drawing from <c>key.FoldIn(s)</c>, and their gradients are combined in a fixed
    /// tree (<see cref="ShardedContrastiveDivergence"/> computes the shards elsewhere with the same bits); a minibatch of at
    /// most <see cref="TrainingShards.Size"/> rows is one step as described above.</para>
    /// <para>Errors (as values, from <c>Step</c>): <see cref="TrainingErrors.InvalidSetting"/> when k is outside
    /// 1..<see cref="MaxGibbsSteps"/>; <see cref="TrainingErrors.EmptyBatch"/>, <see cref="TrainingErrors.WrongWidth"/> and
    /// <see cref="TrainingErrors.StateOutsideSupport"/> for a minibatch with no rows, the wrong width or a value not 0 or 1.</para>
    /// </remarks>
    /// <example><code>
    /// var trainer = from sgd in Optimizers.Sgd(0.05).ToFin()
    ///               select new Trainer&lt;BernoulliRbm&gt;(RbmTraining.Parameters, RbmTraining.ContrastiveDivergence(k: 1), sgd);
    /// </code></example>
    /// <param name="k">Gibbs steps per update, 1..<see cref="MaxGibbsSteps"/>.</param>
    /// <param name="precision">The precision of the matrix products and of the trained parameters (<see cref="ProductPrecision.Single"/>: float32 parameters).</param>
    /// <param name="maxDegreeOfParallelism">Threads for the per-row work (-1: no limit); results do not depend on it.</param>
    public static Objective<BernoulliRbm> ContrastiveDivergence(int k = 1, ProductPrecision precision = ProductPrecision.Double, int maxDegreeOfParallelism = -1)
    {
        Batch.CheckParallelism(maxDegreeOfParallelism);
        return ShardedContrastiveDivergence(LocalShards(maxDegreeOfParallelism), k, precision) with
        {
            Sweep = new ObjectiveSweep<BernoulliRbm>(Parameters, (model, _, keys, batches, scale) =>
                k is < 1 or > MaxGibbsSteps || Sharded(batches)
                    ? None
                    : Sweep(precision, model, ReadOnlySpan<double>.Empty, 0, k, maxDegreeOfParallelism, keys, batches, scale)
                        .Map(r => (r.Model, LanguageExt.Seq<Mat>.Empty, Seq1(new Metric("reconstruction-error", r.ReconstructionSum))))),
        };
    }

    /// <summary>
    /// PCD-k, also called stochastic maximum likelihood (Tieleman 2008, "Training restricted Boltzmann machines using
    /// approximations to the likelihood gradient"; Younes 1989): the negative phase continues C persistent chains by k
    /// block-Gibbs steps per update instead of restarting at the data, so with a small learning rate the chains stay near
    /// the model's distribution. Loss gradient dW = (1/C) sum_c v_c p(h | v_c)^T - (1/n) sum_r v_r p(h | v_r)^T,
    /// db = mean_c v_c - mean_r v_r, dc = mean_c p(h | v_c) - mean_r p(h | v_r), over the chains' visible states after the
    /// k steps and the minibatch's rows.
    /// </summary>
    /// <remarks>
    /// <para>The chains are one C x (nv + nh) matrix, visible units first (the joint layout of <see cref="RbmBlockGibbs.Init"/>):
    /// row c is chain c's last visible state v and a hidden state h drawn from p(h | v) under the model of the step that
    /// drew it. A step continues each chain from its h: v' ~ p(v | h), then h' ~ p(h | v'), k times, so PCD-1 costs five
    /// products like CD-1 (the persistent hidden chain of scikit-learn's <c>BernoulliRBM</c>). The chains start at fair
    /// coin flips for v, then h ~ p(h | v) under the initial model (draws: chain c from
    /// <c>key.FoldIn(c).FoldIn(1)</c> for v and <c>key.FoldIn(c).FoldIn(0)</c> for h, in double).</para>
    /// <para>Draws per update: Gibbs step s of chain c takes v from <c>key.FoldIn(s).FoldIn(c).FoldIn(1)</c> and h from
    /// <c>key.FoldIn(s).FoldIn(c).FoldIn(0)</c>; bits do not depend on the thread count (same GEMM backend).</para>
    /// <para>Shards: a minibatch of more than <see cref="TrainingShards.Size"/> rows is cut into the fixed shards of
    /// <see cref="TrainingShards"/>; shard s continues its own slice of the chains with <c>key.FoldIn(s)</c>
    /// (<see cref="ShardedPersistentContrastiveDivergence"/>), so such a minibatch needs at least one chain per shard.</para>
    /// <para>Errors (as values): <see cref="TrainingErrors.InvalidSetting"/> for k or C out of range (from both
    /// functions), <see cref="TrainingErrors.ChainsMismatch"/> when the chains handed to <c>Step</c> are not one C x
    /// (nv + nh) matrix of zeros and ones, and the minibatch errors of <see cref="ContrastiveDivergence"/>. No metric.</para>
    /// </remarks>
    /// <param name="chains">Persistent chains C, 1..<see cref="MaxPersistentChains"/>; often the batch size.</param>
    /// <param name="k">Gibbs steps per update, 1..<see cref="MaxGibbsSteps"/>.</param>
    /// <param name="precision">The precision of the matrix products and of the trained parameters (<see cref="ProductPrecision.Single"/>: float32 parameters).</param>
    /// <param name="maxDegreeOfParallelism">Threads for the per-row work (-1: no limit); results do not depend on it.</param>
    public static Objective<BernoulliRbm> PersistentContrastiveDivergence(
        int chains, int k = 1, ProductPrecision precision = ProductPrecision.Double, int maxDegreeOfParallelism = -1)
    {
        Batch.CheckParallelism(maxDegreeOfParallelism);
        return ShardedPersistentContrastiveDivergence(LocalShards(maxDegreeOfParallelism), chains, k, precision) with
        {
            Sweep = new ObjectiveSweep<BernoulliRbm>(Parameters, (model, persistent, keys, batches, scale) =>
                chains is < 1 or > MaxPersistentChains || k is < 1 or > MaxGibbsSteps || Sharded(batches)
                    ? None
                    : CheckPersistent(model, persistent, chains).Match(
                        joint => Sweep(precision, model, HiddenColumns(joint, model.Visible), chains, k, maxDegreeOfParallelism, keys, batches, scale)
                            .Map(r => (r.Model, Seq1(r.Chains!), LanguageExt.Seq<Metric>.Empty)),
                        _ => None)),
        };
    }

    /// <summary>True when a minibatch has more than one shard: the fused run computes whole minibatches, so the trainer then takes the steps one by one.</summary>
    private static bool Sharded(IReadOnlyList<SweepBatch> batches) => batches.Any(b => TrainingShards.Count(b.Count) > 1);

    private static ContrastiveKernel.Output Run(
        ProductPrecision precision, RngKey key, BernoulliRbm model, Mat data, ReadOnlySpan<double> chainHidden, int chains, int k, int maxDegreeOfParallelism) =>
        precision == ProductPrecision.Single
            ? ContrastiveKernel.Step<float>(key, model, data, chainHidden, chains, k, maxDegreeOfParallelism)
            : ContrastiveKernel.Step<double>(key, model, data, chainHidden, chains, k, maxDegreeOfParallelism);

    private static Option<(BernoulliRbm Model, Mat? Chains, double ReconstructionSum)> Sweep(
        ProductPrecision precision, BernoulliRbm model, ReadOnlySpan<double> chainHidden, int chains, int k, int maxDegreeOfParallelism,
        IReadOnlyList<RngKey> keys, IReadOnlyList<SweepBatch> batches, double scale) =>
        precision == ProductPrecision.Single
            ? ContrastiveKernel.Sweep<float>(model, chainHidden, chains, k, maxDegreeOfParallelism, keys, batches, scale)
            : ContrastiveKernel.Sweep<double>(model, chainHidden, chains, k, maxDegreeOfParallelism, keys, batches, scale);

    /// <summary>How CD and PCD keep the parameters between updates: as they come in double, as float32 numbers in single.</summary>
    private static Func<BernoulliRbm, Option<BernoulliRbm>>? Kept(ProductPrecision precision) =>
        precision == ProductPrecision.Single ? RoundedToSingle : null;

    /// <summary>W, b and c each rounded to the nearest float32 (ties to even); None when one leaves the float range.</summary>
    internal static Option<BernoulliRbm> RoundedToSingle(BernoulliRbm model)
    {
        var weights = ContrastiveKernel.RoundedToSingle(model.Weights.Span);
        var visible = ContrastiveKernel.RoundedToSingle(model.VisibleBias.Span);
        var hidden = ContrastiveKernel.RoundedToSingle(model.HiddenBias.Span);
        return weights is null || visible is null || hidden is null
            ? None
            : BernoulliRbm.FromCheckedLayers(Mat.Wrap(model.Visible, model.Hidden, weights), Vec.Wrap(visible), Vec.Wrap(hidden));
    }

    /// <summary>C chains: v fair coin flips, then h ~ p(h | v) under <paramref name="model"/>.</summary>
    private static Mat StartChains(RngKey key, BernoulliRbm model, int chains)
    {
        int nv = model.Visible, nh = model.Hidden;
        var half = new double[nv];
        half.AsSpan().Fill(0.5);
        var visible = Mat.Create(chains, nv, d =>
        {
            for (var c = 0; c < chains; c++) BlockGibbsDraws.Bernoulli(BlockGibbsDraws.VisibleKey(key, c), half, d.Slice(c * nv, nv));
        });
        var probabilities = model.HiddenProbabilities(visible, 1.0);
        return Mat.Create(chains, nv + nh, d =>
        {
            for (var c = 0; c < chains; c++)
            {
                visible.Row(c).CopyTo(d.Slice(c * (nv + nh), nv));
                BlockGibbsDraws.Bernoulli(BlockGibbsDraws.HiddenKey(key, c), probabilities.Row(c), d.Slice(c * (nv + nh) + nv, nh));
            }
        });
    }

    /// <summary>The hidden columns of the joint chains, C x nh row-major.</summary>
    private static double[] HiddenColumns(Mat joint, int visible)
    {
        var hidden = joint.Columns - visible;
        var result = new double[joint.Rows * hidden];
        for (var c = 0; c < joint.Rows; c++) joint.Row(c)[visible..].CopyTo(result.AsSpan(c * hidden, hidden));
        return result;
    }

    private static Fin<int> CheckSteps(string objective, int k) =>
        k is >= 1 and <= MaxGibbsSteps
            ? FinSucc(k)
            : FinFail<int>(TrainingErrors.InvalidSetting(objective, $"k (Gibbs steps per update) must lie in 1..{MaxGibbsSteps}, got {k}"));

    private static Fin<int> CheckChains(int chains) =>
        chains is >= 1 and <= MaxPersistentChains
            ? FinSucc(chains)
            : FinFail<int>(TrainingErrors.InvalidSetting("pcd", $"the number of persistent chains must lie in 1..{MaxPersistentChains}, got {chains}"));

    /// <summary>The minibatch when it has rows, the model's width and only zeros and ones.</summary>
    private static Fin<Mat> CheckBatch(BernoulliRbm model, Mat batch)
    {
        if (batch.Rows == 0) return FinFail<Mat>(TrainingErrors.EmptyBatch("the minibatch"));
        if (batch.Columns != model.Visible) return FinFail<Mat>(TrainingErrors.WrongWidth(model.Kind, model.Visible, batch.Columns));
        var outside = FirstNonBinary(batch.Span);
        return outside < 0
            ? FinSucc(batch)
            : FinFail<Mat>(TrainingErrors.StateOutsideSupport(model.Kind, outside / batch.Columns, outside % batch.Columns, batch.Span[outside], Binary));
    }

    private static Fin<Mat> CheckPersistent(BernoulliRbm model, Seq<Mat> persistent, int chains)
    {
        var width = model.Visible + model.Hidden;
        if (persistent.Count != 1) return FinFail<Mat>(TrainingErrors.ChainsMismatch("pcd", $"are {persistent.Count} matrices, expected 1"));
        var joint = persistent[0];
        if (joint.Rows != chains || joint.Columns != width)
            return FinFail<Mat>(TrainingErrors.ChainsMismatch("pcd", $"are {joint.Rows} x {joint.Columns}, expected {chains} x {width} (visible units, then hidden)"));
        var outside = FirstNonBinary(joint.Span);
        return outside < 0
            ? FinSucc(joint)
            : FinFail<Mat>(TrainingErrors.ChainsMismatch("pcd", $"hold {joint.Span[outside]} at chain {outside / width + 1}, unit {outside % width + 1}, outside {Binary}"));
    }

    /// <summary>The index of the first value that is neither 0 nor 1, or -1 (eight values at a time where the CPU has 512-bit vectors).</summary>
    internal static int FirstNonBinary(ReadOnlySpan<double> values)
    {
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + 8 <= values.Length; i += 8)
            {
                var x = Vector512.Create(values.Slice(i, 8));
                if ((Vector512.Equals(x, Vector512<double>.Zero) | Vector512.Equals(x, Vector512<double>.One)).ExtractMostSignificantBits() != 0xFF) break;
            }
        }

        for (; i < values.Length; i++)
            if (values[i] != 0.0 && values[i] != 1.0) return i;
        return -1;
    }
}
