using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Training;

/// <summary>
/// The work of one CD-k or PCD-k step of a Bernoulli RBM on pooled buffers, in float64 or float32 products: the positive
/// phase, k block-Gibbs steps of the negative phase and the loss gradient, five matrix products for k = 1.
/// </summary>
/// <remarks>
/// <para>Buffers: V stacks the minibatch (rows 0..n-1) over the negative samples (rows n..n+C-1), P the matching
/// p(h | v) rows. The loss gradient's weight block, (1/C) V_neg^T P_neg - (1/n) V_pos^T P_pos, is then one product
/// V^T P' with P' the rows of P scaled by -1/n (positive) and 1/C (negative), and its hidden-bias block the column sums
/// of P'; one product of depth n + C instead of two of depth n and C halves the traffic through the 784 x 500 result.</para>
/// <para>Draws (layout of <see cref="BlockGibbsDraws"/>): Gibbs step s uses K_s = key.FoldIn(s). CD: row r's hidden layer
/// h_s is drawn with <c>HiddenKey(K_s, r)</c> and its visible layer v_(s+1) with <c>VisibleKey(K_s, r)</c>, so step s is
/// exactly <see cref="RbmBlockGibbs"/>'s step with key K_s from v_s. PCD: chain c draws v_(s+1) ~ p(v | h_s) with
/// <c>VisibleKey(K_s, c)</c>, then h_(s+1) ~ p(h | v_(s+1)) with <c>HiddenKey(K_s, c)</c>. Rows are independent, so the
/// per-row work runs in parallel and the bits do not depend on the thread count (given the GEMM backend).</para>
/// </remarks>
internal static class ContrastiveKernel
{
    /// <summary>
    /// Below this many units per layer pass (rows times width) the per-row work runs on the calling thread: handing a few
    /// microseconds of work to the thread pool costs more than it saves (a choice of speed only; the bits are the same).
    /// </summary>
    private const long ParallelUnits = 32_768;

    /// <summary>What a step hands back: the loss gradient (W, b, c layout), the chains' final (v, h) rows, the reconstruction error.</summary>
    public sealed record Output(Vec Gradient, Mat? Chains, double ReconstructionError);

    /// <summary>
    /// One step. <paramref name="chainHidden"/> is null for CD (the negative phase starts at the data) and the C x nh
    /// hidden rows of the persistent chains for PCD.
    /// </summary>
    public static Output Step<T>(RngKey key, BernoulliRbm model, Mat data, ReadOnlySpan<double> chainHidden, int chains, int k, int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var persistent = chains > 0;
        int n = data.Rows, nv = model.Visible, nh = model.Hidden, negative = persistent ? chains : n, rows = n + negative;
        var pool = ArrayPool<T>.Shared;
        var v = pool.Rent(rows * nv);
        var p = pool.Rent(rows * nh);
        var h = pool.Rent(negative * nh);
        var field = pool.Rent(negative * nv);
        var single = typeof(T) != typeof(double);
        var weightCopy = single ? pool.Rent(nv * nh) : null;
        var gradientCopy = single ? pool.Rent(nv * nh) : null;
        var visibleBias = pool.Rent(nv);
        var hiddenBias = pool.Rent(nh);
        var scratch = ArrayPool<double>.Shared.Rent(negative * Math.Max(nv, nh));
        var errors = new double[negative];
        maxDegreeOfParallelism = (long)rows * Math.Max(nv, nh) < ParallelUnits ? 1 : maxDegreeOfParallelism;
        try
        {
            ReadOnlySpan<T> weights = single ? Narrow(model.Weights.Span, weightCopy) : MemoryMarshal.Cast<double, T>(model.Weights.Span);
            Narrow(model.VisibleBias.Span, visibleBias);
            Narrow(model.HiddenBias.Span, hiddenBias);
            Narrow(data.Span, v);
            var hiddenBiasRow = hiddenBias.AsSpan(0, nh);
            var visibleBiasRow = visibleBias.AsSpan(0, nv);

            // Positive phase: P_pos = sigmoid(V_pos W + c); CD draws h_0 from it in the same pass.
            HiddenProbabilities(v, p, 0, n, weights, hiddenBiasRow, nv, nh);
            var first = key.FoldIn(0);
            Batch.ForEachRow(maxDegreeOfParallelism, n, r =>
            {
                var row = p.AsSpan(r * nh, nh);
                TensorPrimitives.Sigmoid<T>(row, row);
                if (!persistent) Bernoulli(BlockGibbsDraws.HiddenKey(first, r), row, h.AsSpan(r * nh, nh), Scratch(scratch, r, nh));
            });
            if (persistent) Narrow(chainHidden, h);

            for (var s = 0; s < k; s++)
            {
                var stepKey = key.FoldIn(s);
                var nextKey = key.FoldIn(s + 1);
                var reconstruct = !persistent && s == 0;
                var drawHidden = persistent || s + 1 < k;
                Fill(field, negative, visibleBiasRow);
                Gemm<T>(false, true, negative, nv, nh, T.One, h.AsSpan(0, negative * nh), nh, weights, nh, T.One, field.AsSpan(0, negative * nv), nv);
                Batch.ForEachRow(maxDegreeOfParallelism, negative, r =>
                {
                    var probability = field.AsSpan(r * nv, nv);
                    TensorPrimitives.Sigmoid<T>(probability, probability);
                    if (reconstruct) errors[r] = double.CreateTruncating(TensorPrimitives.SumOfSquares<T>(Difference(v.AsSpan(r * nv, nv), probability, Scratch(scratch, r, nv))));
                    Bernoulli(BlockGibbsDraws.VisibleKey(stepKey, r), probability, v.AsSpan((n + r) * nv, nv), Scratch(scratch, r, nv));
                });
                HiddenProbabilities(v, p, n, negative, weights, hiddenBiasRow, nv, nh);
                Batch.ForEachRow(maxDegreeOfParallelism, negative, r =>
                {
                    var row = p.AsSpan((n + r) * nh, nh);
                    TensorPrimitives.Sigmoid<T>(row, row);
                    if (drawHidden) Bernoulli(BlockGibbsDraws.HiddenKey(persistent ? stepKey : nextKey, r), row, h.AsSpan(r * nh, nh), Scratch(scratch, r, nh));
                });
            }

            // Every entry is written below (the product with beta = 0 never reads its output), so the buffer is not zeroed.
            var gradient = GC.AllocateUninitializedArray<double>(nv * nh + nv + nh);
            Biases(v, p, n, negative, nv, nh, gradient.AsSpan(nv * nh));
            if (single)
            {
                Gemm<T>(true, false, nv, nh, rows, T.One, v.AsSpan(0, rows * nv), nv, p.AsSpan(0, rows * nh), nh, T.Zero, gradientCopy.AsSpan(0, nv * nh), nh);
                Widen(gradientCopy.AsSpan(0, nv * nh), gradient.AsSpan(0, nv * nh));
            }
            else
            {
                Gemm<T>(true, false, nv, nh, rows, T.One, v.AsSpan(0, rows * nv), nv, p.AsSpan(0, rows * nh), nh, T.Zero, MemoryMarshal.Cast<double, T>(gradient.AsSpan(0, nv * nh)), nh);
            }

            var reconstruction = 0.0;
            foreach (var e in errors) reconstruction += e;
            return new Output(Vec.Wrap(gradient), persistent ? Joint(v.AsSpan(n * nv, negative * nv), h.AsSpan(0, negative * nh), negative, nv, nh) : null,
                reconstruction / ((double)n * nv));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
            pool.Return(hiddenBias);
            pool.Return(visibleBias);
            if (gradientCopy is not null) pool.Return(gradientCopy);
            if (weightCopy is not null) pool.Return(weightCopy);
            pool.Return(field);
            pool.Return(h);
            pool.Return(p);
            pool.Return(v);
        }
    }

    /// <summary>P[first..first+count) = V[first..first+count) W + c (the pre-activations; the sigmoid follows per row).</summary>
    private static void HiddenProbabilities<T>(T[] v, T[] p, int first, int count, ReadOnlySpan<T> weights, ReadOnlySpan<T> hiddenBias, int nv, int nh)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var block = p.AsSpan(first * nh, count * nh);
        for (var r = 0; r < count; r++) hiddenBias.CopyTo(block.Slice(r * nh, nh));
        Gemm<T>(false, false, count, nh, nv, T.One, v.AsSpan(first * nv, count * nv), nv, weights, nh, T.One, block, nh);
    }

    /// <summary>
    /// Scales P's rows to P' (-1/n on the positive rows, 1/C on the negative ones) and writes the bias gradients:
    /// b: (1/C) sum V_neg - (1/n) sum V_pos, c: the column sums of P'.
    /// </summary>
    private static void Biases<T>(T[] v, T[] p, int n, int negative, int nv, int nh, Span<double> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (positiveScale, negativeScale) = (-T.One / T.CreateTruncating(n), T.One / T.CreateTruncating(negative));
        TensorPrimitives.Multiply<T>(p.AsSpan(0, n * nh), positiveScale, p.AsSpan(0, n * nh));
        TensorPrimitives.Multiply<T>(p.AsSpan(n * nh, negative * nh), negativeScale, p.AsSpan(n * nh, negative * nh));
        Span<T> positive = new T[nv], negativeSum = new T[nv], hidden = new T[nh];
        for (var r = 0; r < n; r++) TensorPrimitives.Add<T>(positive, v.AsSpan(r * nv, nv), positive);
        for (var r = n; r < n + negative; r++) TensorPrimitives.Add<T>(negativeSum, v.AsSpan(r * nv, nv), negativeSum);
        for (var r = 0; r < n + negative; r++) TensorPrimitives.Add<T>(hidden, p.AsSpan(r * nh, nh), hidden);
        for (var i = 0; i < nv; i++)
            destination[i] = double.CreateTruncating(negativeSum[i]) / negative - double.CreateTruncating(positive[i]) / n;
        for (var j = 0; j < nh; j++) destination[nv + j] = double.CreateTruncating(hidden[j]);
    }

    /// <summary>destination[u] = 1 when the paired uniform u of <paramref name="key"/> is below probabilities[u] (the draws of <see cref="BlockGibbsDraws"/>).</summary>
    private static void Bernoulli<T>(RngKey key, ReadOnlySpan<T> probabilities, Span<T> destination, Span<double> scratch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            BulkDraws.PairedBernoulli(key, MemoryMarshal.Cast<T, double>(probabilities), MemoryMarshal.Cast<T, double>(destination));
            return;
        }

        BulkDraws.PairedBernoulli(key, MemoryMarshal.Cast<T, float>(probabilities), scratch);
        TensorPrimitives.ConvertTruncating<double, float>(scratch, MemoryMarshal.Cast<T, float>(destination));
    }

    /// <summary>The data row minus the probabilities, into the scratch row (as T).</summary>
    private static ReadOnlySpan<T> Difference<T>(ReadOnlySpan<T> data, ReadOnlySpan<T> probabilities, Span<double> scratch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var difference = MemoryMarshal.Cast<double, T>(scratch)[..data.Length];
        TensorPrimitives.Subtract<T>(data, probabilities, difference);
        return difference;
    }

    /// <summary>Row r's slice of the scratch (the float path's uniforms, the reconstruction's differences).</summary>
    private static Span<double> Scratch(double[] scratch, int row, int width) => scratch.AsSpan(row * width, width);

    private static void Fill<T>(T[] destination, int rows, ReadOnlySpan<T> row)
    {
        for (var r = 0; r < rows; r++) row.CopyTo(destination.AsSpan(r * row.Length, row.Length));
    }

    /// <summary>The doubles as T into <paramref name="destination"/> (a copy for double, rounding for float).</summary>
    private static ReadOnlySpan<T> Narrow<T>(ReadOnlySpan<double> values, T[]? destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var target = destination.AsSpan(0, values.Length);
        if (typeof(T) == typeof(double)) values.CopyTo(MemoryMarshal.Cast<T, double>(target));
        else TensorPrimitives.ConvertTruncating<double, float>(values, MemoryMarshal.Cast<T, float>(target));
        return target;
    }

    private static void Widen<T>(ReadOnlySpan<T> values, Span<double> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double)) MemoryMarshal.Cast<T, double>(values).CopyTo(destination);
        else TensorPrimitives.ConvertChecked<float, double>(MemoryMarshal.Cast<T, float>(values), destination);
    }

    private static Mat Joint<T>(ReadOnlySpan<T> visible, ReadOnlySpan<T> hidden, int chains, int nv, int nh)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var joint = new double[chains * (nv + nh)];
        for (var c = 0; c < chains; c++)
        {
            Widen(visible.Slice(c * nv, nv), joint.AsSpan(c * (nv + nh), nv));
            Widen(hidden.Slice(c * nh, nh), joint.AsSpan(c * (nv + nh) + nv, nh));
        }

        return Mat.Wrap(chains, nv + nh, joint);
    }

    private static void Gemm<T>(
        bool transposeA, bool transposeB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
            MatrixProduct.Gemm(transposeA, transposeB, m, n, k, double.CreateTruncating(alpha), MemoryMarshal.Cast<T, double>(a), lda,
                MemoryMarshal.Cast<T, double>(b), ldb, double.CreateTruncating(beta), MemoryMarshal.Cast<T, double>(c), ldc);
        else
            MatrixProduct.Gemm(transposeA, transposeB, m, n, k, float.CreateTruncating(alpha), MemoryMarshal.Cast<T, float>(a), lda,
                MemoryMarshal.Cast<T, float>(b), ldb, float.CreateTruncating(beta), MemoryMarshal.Cast<T, float>(c), ldc);
    }
}
