using System.Numerics.Tensors;
using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Exact;

/// <summary>
/// Exact, independent draws (v, h) from a Bernoulli RBM at inverse temperature beta when the hidden layer is
/// small: h from its marginal by enumerating all 2^nh hidden states, then v | h. The start of reverse AIS on
/// RBMs and an exact reference for samplers.
/// </summary>
/// <remarks>
/// <para>The hidden marginal, visible units summed out: p_beta(h) ∝ exp(beta c.h) prod_i (1 + exp(beta (b_i + (W h)_i))),
/// evaluated in log space in chunks of hidden states (one matrix product each); then
/// p(v_i = 1 | h) = sigmoid(beta (b_i + (W h)_i)). Cost: 2^nh nv softplus terms once, plus one inverse-CDF
/// search and nv draws per sample.</para>
/// <para>Keys: <c>key.Split()</c> gives (hidden, visible); draw r takes uniform r of the hidden key and the
/// visible-layer key of chain r (<see cref="BlockGibbsDraws"/>) of the visible key.</para>
/// </remarks>
public static class RbmExactDraws
{
    /// <summary>The largest hidden layer that is enumerated (2^24 states).</summary>
    public const int MaxHidden = 24;

    private const int ChunkStates = 2048;

    /// <summary>
    /// <paramref name="count"/> exact joint draws from p_beta(v, h), one per row, visible units first
    /// (count x (nv + nh), the layout of <see cref="RbmBlockGibbs.Init"/>).
    /// </summary>
    /// <param name="key">The key; the same key gives the same bits.</param>
    /// <param name="model">The RBM.</param>
    /// <param name="count">The number of draws, &gt;= 0.</param>
    /// <param name="beta">Inverse temperature, finite and &gt;= 0.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the hidden marginal (-1: no limit); the draws do not depend on it.</param>
    /// <returns>The draws, or <see cref="ExactDrawErrors.HiddenLayerTooLarge"/> / <see cref="ExactDrawErrors.InvalidBeta"/>.</returns>
    public static Fin<Mat> Sample(RngKey key, BernoulliRbm model, int count, double beta = 1.0, int maxDegreeOfParallelism = -1)
    {
        Batch.CheckParallelism(maxDegreeOfParallelism);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (model.Hidden > MaxHidden) return FinFail<Mat>(ExactDrawErrors.HiddenLayerTooLarge(model.Hidden, MaxHidden));
        if (!(beta >= 0) || !double.IsFinite(beta)) return FinFail<Mat>(ExactDrawErrors.InvalidBeta(beta));
        var (hiddenKey, visibleKey) = key.Split();
        int nv = model.Visible, nh = model.Hidden, width = nv + nh;
        var cumulative = HiddenCumulative(model, beta, maxDegreeOfParallelism);
        var total = cumulative[^1];
        var weights = model.Weights.UnsafeArray();
        return FinSucc(Mat.Create(count, width, d =>
        {
            var field = new double[nv];
            for (var r = 0; r < count; r++)
            {
                var state = Search(cumulative, hiddenKey.UniformAt(r) * total);
                var row = d.Slice(r * width, width);
                for (var j = 0; j < nh; j++) row[nv + j] = (state >> j) & 1;
                for (var i = 0; i < nv; i++)
                {
                    var sum = model.VisibleBias[i];
                    for (var j = 0; j < nh; j++) sum += weights[i * nh + j] * row[nv + j];
                    field[i] = beta * sum;
                }

                TensorPrimitives.Sigmoid<double>(field, field);
                BlockGibbsDraws.Bernoulli(BlockGibbsDraws.VisibleKey(visibleKey, r), field, row[..nv]);
            }
        }));
    }

    /// <summary>The unnormalised cumulative hidden marginal, shifted by its largest log term; entry x covers states 0..x.</summary>
    private static double[] HiddenCumulative(BernoulliRbm model, double beta, int maxDegreeOfParallelism)
    {
        int nv = model.Visible, nh = model.Hidden, states = 1 << nh;
        var logWeights = new double[states];
        var hidden = new double[ChunkStates * nh];
        var field = new double[ChunkStates * nv];
        for (var start = 0; start < states; start += ChunkStates)
        {
            var size = Math.Min(ChunkStates, states - start);
            for (var s = 0; s < size; s++)
            for (var j = 0; j < nh; j++)
                hidden[s * nh + j] = ((start + s) >> j) & 1;
            RbmBlockGibbs.FillRows(field, size, model.VisibleBias.Span);
            MatrixProduct.Gemm(false, true, size, nv, nh, 1.0, hidden.AsSpan(0, size * nh), Math.Max(1, nh), model.Weights.Span, Math.Max(1, nh), 1.0, field.AsSpan(0, size * nv), Math.Max(1, nv));
            Batch.ForEachRow(maxDegreeOfParallelism, size, s =>
            {
                var row = field.AsSpan(s * nv, nv);
                TensorPrimitives.Multiply<double>(row, beta, row);
                logWeights[start + s] = beta * TensorPrimitives.Dot<double>(model.HiddenBias.Span, hidden.AsSpan(s * nh, nh)) + LogSpace.SoftplusSum(row);
            });
        }

        var max = TensorPrimitives.Max<double>(logWeights);
        var running = 0.0;
        for (var x = 0; x < states; x++)
        {
            running += Math.Exp(logWeights[x] - max);
            logWeights[x] = running;
        }

        return logWeights;
    }

    /// <summary>The first index whose cumulative weight exceeds <paramref name="target"/> (the last one if none does).</summary>
    private static int Search(double[] cumulative, double target)
    {
        var (low, high) = (0, cumulative.Length - 1);
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (cumulative[middle] > target) high = middle;
            else low = middle + 1;
        }

        return low;
    }
}
