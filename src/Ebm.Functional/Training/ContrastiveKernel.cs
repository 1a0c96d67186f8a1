using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;
using LanguageExt;
using static LanguageExt.Prelude;

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
internal static partial class ContrastiveKernel
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
        int nv = model.Visible, nh = model.Hidden;
        var single = typeof(T) != typeof(double);
        using var backend = OneThreadedBackend();
        using var buffers = new Buffers<T>(data.Rows, chains, nv, nh, pooled: true);
        var weightCopy = single ? ArrayPool<T>.Shared.Rent(nv * nh) : null;
        var gradientCopy = single ? ArrayPool<T>.Shared.Rent(nv * nh) : null;
        try
        {
            ReadOnlySpan<T> weights = single ? Narrow(model.Weights.Span, weightCopy) : MemoryMarshal.Cast<double, T>(model.Weights.Span);
            Narrow(model.VisibleBias.Span, buffers.VisibleBias);
            Narrow(model.HiddenBias.Span, buffers.HiddenBias);
            if (chains > 0) Narrow(chainHidden, buffers.H);

            // Every entry is written below (the product with beta = 0 never reads its output), so the buffer is not zeroed.
            var gradient = GC.AllocateUninitializedArray<double>(nv * nh + nv + nh);
            var weightGradient = single ? gradientCopy.AsSpan(0, nv * nh) : MemoryMarshal.Cast<double, T>(gradient.AsSpan(0, nv * nh));
            Narrow(data.Span, buffers.V);
            var reconstruction = Core(buffers, key, weights, data.Rows, k, maxDegreeOfParallelism, weightGradient, gradient.AsSpan(nv * nh));
            if (single) Widen<T>(weightGradient, gradient.AsSpan(0, nv * nh));
            return new Output(Vec.Wrap(gradient), chains > 0 ? buffers.Chains(data.Rows) : null, reconstruction / ((double)data.Rows * nv));
        }
        finally
        {
            if (gradientCopy is not null) ArrayPool<T>.Shared.Return(gradientCopy);
            if (weightCopy is not null) ArrayPool<T>.Shared.Return(weightCopy);
        }
    }

    /// <summary>
    /// Consecutive steps of plain SGD, θ ← θ + s · g after each, on buffers kept for the whole run: the parameters are
    /// updated in place, never copied into a fresh model between steps. The bits are those of <see cref="Step{T}"/>
    /// followed by the trainer's one-pass SGD update, step after step: the same products, draws and roundings (the
    /// gradient widened to double, the product s · g rounded, then the sum; in float32, the sum rounded to float32 as
    /// <see cref="RbmTraining.RoundedToSingle"/> keeps the parameters). None when a minibatch has the wrong width or a value
    /// not 0 or 1, or an updated parameter is not finite: the caller then takes the step-by-step path, which gives the same
    /// result or the error.
    /// </summary>
    /// <param name="model">The model before the first step.</param>
    /// <param name="chainHidden">PCD: the chains' hidden rows before the first step (C x nh); empty for CD.</param>
    /// <param name="chains">PCD: the number of chains C; 0 for CD.</param>
    /// <param name="k">Gibbs steps per update.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the per-row work (the update runs on one); results do not depend on it.</param>
    /// <param name="keys">Per step, its key.</param>
    /// <param name="batches">The minibatches, in order.</param>
    /// <param name="scale">The SGD factor s (minus the learning rate).</param>
    public static Option<(BernoulliRbm Model, Mat? Chains, double ReconstructionSum)> Sweep<T>(
        BernoulliRbm model, ReadOnlySpan<double> chainHidden, int chains, int k, int maxDegreeOfParallelism,
        IReadOnlyList<RngKey> keys, IReadOnlyList<SweepBatch> batches, double scale)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int nv = model.Visible, nh = model.Hidden, weights = nv * nh, largest = 0;
        foreach (var batch in batches)
        {
            if (batch.Count == 0 || batch.Source.Columns != nv) return None;
            largest = Math.Max(largest, batch.Count);
        }

        var single = typeof(T) != typeof(double);
        using var backend = OneThreadedBackend();
        using var buffers = new Buffers<T>(largest, chains, nv, nh, pooled: false);
        // float64: W updated in place. float32: the float32 weights are the parameters; the first update reads the model's
        // own doubles (a model from a float64 run is not float32 yet), the others the float32 weights.
        var w = model.Weights.Span.ToArray();
        var b = model.VisibleBias.Span.ToArray();
        var c = model.HiddenBias.Span.ToArray();
        var narrow = single ? GC.AllocateUninitializedArray<float>(weights) : null;
        var gradient = GC.AllocateUninitializedArray<T>(weights);
        var biasGradient = new double[nv + nh];
        if (single) Narrow(w, narrow);
        if (chains > 0) Narrow(chainHidden, buffers.H);
        var reconstructionSum = 0.0;
        for (var t = 0; t < batches.Count; t++)
        {
            Narrow(b, buffers.VisibleBias);
            Narrow(c, buffers.HiddenBias);
            ReadOnlySpan<T> current = single ? MemoryMarshal.Cast<float, T>(narrow) : MemoryMarshal.Cast<double, T>(w.AsSpan());
            var batch = batches[t];
            // Checked as it is read: a minibatch outside {0, 1} ends the run there, and the step-by-step path gives its error.
            var binary = true;
            Batch.ForEachRange(maxDegreeOfParallelism, batch.Count, RowsPerRange, (first, end) =>
            {
                for (var r = first; r < end; r++)
                    if (!NarrowBinary(batch.Row(r), buffers.V.AsSpan(r * nv, nv))) binary = false;
            });
            if (!binary) return None;
            var reconstruction = Core(buffers, keys[t], current, batch.Count, k, maxDegreeOfParallelism, gradient, biasGradient);
            reconstructionSum += reconstruction / ((double)batch.Count * nv);
            // The update in fixed ranges (the split depends on the sizes alone, so the bits do not depend on the threads).
            var updated = true;
            var first = t == 0;
            Batch.ForEachRange(maxDegreeOfParallelism, weights, UpdateRange, (from, end) =>
            {
                var ok = single
                    ? DescendSingle(narrow.AsSpan(from, end - from), first ? w.AsSpan(from, end - from) : default,
                        MemoryMarshal.Cast<T, float>(gradient.AsSpan(from, end - from)), scale)
                    : Descend(w.AsSpan(from, end - from), MemoryMarshal.Cast<T, double>(gradient.AsSpan(from, end - from)), scale);
                if (!ok) updated = false;
            });
            if (!updated
                || !Descend(b, biasGradient.AsSpan(0, nv), scale)
                || !Descend(c, biasGradient.AsSpan(nv, nh), scale)
                || (single && !(RoundToSingle(b) && RoundToSingle(c))))
                return None;
        }

        if (single) Widen<float>(narrow, w);
        return (BernoulliRbm.FromCheckedLayers(Mat.Wrap(nv, nh, w), Vec.Wrap(b), Vec.Wrap(c)),
            chains > 0 ? buffers.Chains(batches[^1].Count) : null, reconstructionSum);
    }

    /// <summary>Rows narrowed per range of the parallel read of a minibatch.</summary>
    private const int RowsPerRange = 16;

    /// <summary>Weights updated per range of the parallel update (128 KB of float32 weights).</summary>
    private const int UpdateRange = 32_768;

    /// <summary>The logistic function in place: <see cref="Logistic"/> for float32, the library's for float64.</summary>
    private static void Sigmoid<T>(Span<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float)) Logistic.Apply(MemoryMarshal.Cast<T, float>(values), MemoryMarshal.Cast<T, float>(values));
        else TensorPrimitives.Sigmoid<T>(values, values);
    }

    /// <summary>
    /// The work of one step on <paramref name="buffers"/> (the minibatch's <paramref name="n"/> rows, the biases and, for PCD,
    /// the chains' hidden rows already narrowed into V, the bias buffers and H): the positive phase, k Gibbs steps, the weight gradient into <paramref name="weightGradient"/> and
    /// the bias gradients into <paramref name="biasGradient"/>. Returns the sum of squared one-step reconstruction errors
    /// (CD; zero for PCD).
    /// </summary>
    private static double Core<T>(
        Buffers<T> buffers, RngKey key, ReadOnlySpan<T> weights, int n, int k, int maxDegreeOfParallelism, Span<T> weightGradient, Span<double> biasGradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (v, p, h, field, scratch) = (buffers.V, buffers.P, buffers.H, buffers.Field, buffers.Scratch);
        var (visibleBias, hiddenBias) = (buffers.VisibleBias, buffers.HiddenBias);
        var persistent = buffers.Persistent;
        int nv = buffers.VisibleUnits, nh = buffers.HiddenUnits, negative = persistent ? buffers.Negative : n, rows = n + negative;
        var errors = buffers.Errors;
        System.Array.Clear(errors);
        maxDegreeOfParallelism = (long)rows * Math.Max(nv, nh) < ParallelUnits ? 1 : maxDegreeOfParallelism;
        var cut = CutsProducts();
        // P' (the rows of P scaled for the weight gradient, see the remarks): each row is scaled in the pass that last reads
        // its probabilities, the same multiplication as scaling the whole block afterwards.
        var (positiveScale, negativeScale) = (-T.One / T.CreateTruncating(n), T.One / T.CreateTruncating(negative));

        // Positive phase: P_pos = sigmoid(V_pos W + c); CD draws h_0 from it in the same pass. The products add to rows
        // preloaded with the biases; each pass preloads the rows the next product adds to.
        Batch.ForEachRange(maxDegreeOfParallelism, n, RowsPerRange, (first, end) =>
        {
            for (var r = first; r < end; r++) BiasRow(hiddenBias, nh, p, r);
        });
        Gemm<T>(cut, maxDegreeOfParallelism, false, false, n, nh, nv, T.One, v.AsSpan(0, n * nv), nv, weights, nh, T.One, p.AsSpan(0, n * nh), nh);
        var firstKey = key.FoldIn(0);
        Batch.ForEachRow(maxDegreeOfParallelism, Math.Max(n, negative), r =>
        {
            if (r < n)
            {
                var row = p.AsSpan(r * nh, nh);
                Sigmoid<T>(row);
                if (!persistent) Bernoulli(BlockGibbsDraws.HiddenKey(firstKey, r), row, h.AsSpan(r * nh, nh));
                TensorPrimitives.Multiply<T>(row, positiveScale, row);
            }

            if (r < negative) BiasRow(visibleBias, nv, field, r);
        });

        for (var s = 0; s < k; s++)
        {
            var stepKey = key.FoldIn(s);
            var nextKey = key.FoldIn(s + 1);
            var reconstruct = !persistent && s == 0;
            var drawHidden = persistent || s + 1 < k;
            var last = s + 1 == k;
            Gemm<T>(cut, maxDegreeOfParallelism, false, true, negative, nv, nh, T.One, h.AsSpan(0, negative * nh), nh, weights, nh, T.One, field.AsSpan(0, negative * nv), nv);
            Batch.ForEachRow(maxDegreeOfParallelism, negative, r =>
            {
                var probability = field.AsSpan(r * nv, nv);
                Sigmoid<T>(probability);
                if (reconstruct) errors[r] = double.CreateTruncating(TensorPrimitives.SumOfSquares<T>(Difference(v.AsSpan(r * nv, nv), probability, Scratch(scratch, r, nv))));
                Bernoulli(BlockGibbsDraws.VisibleKey(stepKey, r), probability, v.AsSpan((n + r) * nv, nv));
                BiasRow(hiddenBias, nh, p, n + r);
            });
            Gemm<T>(cut, maxDegreeOfParallelism, false, false, negative, nh, nv, T.One, v.AsSpan(n * nv, negative * nv), nv, weights, nh, T.One, p.AsSpan(n * nh, negative * nh), nh);
            Batch.ForEachRow(maxDegreeOfParallelism, negative, r =>
            {
                var row = p.AsSpan((n + r) * nh, nh);
                Sigmoid<T>(row);
                if (drawHidden) Bernoulli(BlockGibbsDraws.HiddenKey(persistent ? stepKey : nextKey, r), row, h.AsSpan(r * nh, nh));
                if (last) TensorPrimitives.Multiply<T>(row, negativeScale, row);
                else BiasRow(visibleBias, nv, field, r);
            });
        }

        Biases(v, p, n, negative, nv, nh, biasGradient, maxDegreeOfParallelism);
        Gemm<T>(cut, maxDegreeOfParallelism, true, false, nv, nh, rows, T.One, v.AsSpan(0, rows * nv), nv, p.AsSpan(0, rows * nh), nh, T.Zero, weightGradient, nh);
        var reconstruction = 0.0;
        for (var r = 0; r < negative; r++) reconstruction += errors[r];
        return reconstruction;
    }

    /// <summary>Columns summed per range of the parallel bias sums.</summary>
    private const int ColumnsPerRange = 128;

    /// <summary>
    /// The bias gradients from V and P' (P's rows already scaled: -1/n on the positive rows, 1/C on the negative ones):
    /// b: (1/C) sum V_neg - (1/n) sum V_pos, c: the column sums of P'. Each column is summed over the rows in order, in
    /// ranges of columns run in parallel, so the bits do not depend on the threads.
    /// </summary>
    private static unsafe void Biases<T>(T[] v, T[] p, int n, int negative, int nv, int nh, Span<double> destination, int maxDegreeOfParallelism)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, nv + nh, nameof(destination));
        fixed (double* pointer = destination)
        {
            var at = (nint)pointer;
            Batch.ForEachRange(maxDegreeOfParallelism, nv + nh, ColumnsPerRange,
                (from, end) => BiasColumns(v, p, n, negative, nv, nh, new Span<double>((double*)at, nv + nh), from, end));
        }
    }

    /// <summary>The bias gradients' entries [from, end) of <see cref="Biases{T}"/> (b's first, then c's).</summary>
    private static void BiasColumns<T>(T[] v, T[] p, int n, int negative, int nv, int nh, Span<double> destination, int from, int end)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (from < nv)
        {
            var width = Math.Min(end, nv) - from;
            Span<T> positive = stackalloc T[width], negativeSum = stackalloc T[width];
            positive.Clear();
            negativeSum.Clear();
            for (var r = 0; r < n; r++) TensorPrimitives.Add<T>(positive, v.AsSpan(r * nv + from, width), positive);
            for (var r = n; r < n + negative; r++) TensorPrimitives.Add<T>(negativeSum, v.AsSpan(r * nv + from, width), negativeSum);
            for (var i = 0; i < width; i++)
                destination[from + i] = double.CreateTruncating(negativeSum[i]) / negative - double.CreateTruncating(positive[i]) / n;
        }

        if (end > nv)
        {
            var first = Math.Max(from, nv) - nv;
            var width = end - nv - first;
            Span<T> hidden = stackalloc T[width];
            hidden.Clear();
            for (var r = 0; r < n + negative; r++) TensorPrimitives.Add<T>(hidden, p.AsSpan(r * nh + first, width), hidden);
            for (var j = 0; j < width; j++) destination[nv + first + j] = double.CreateTruncating(hidden[j]);
        }
    }

    /// <summary>destination[u] = 1 when the paired uniform u of <paramref name="key"/> is below probabilities[u] (the draws of <see cref="BlockGibbsDraws"/>).</summary>
    private static void Bernoulli<T>(RngKey key, ReadOnlySpan<T> probabilities, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
            BulkDraws.PairedBernoulli(key, MemoryMarshal.Cast<T, double>(probabilities), MemoryMarshal.Cast<T, double>(destination));
        else
            BulkDraws.PairedBernoulli(key, MemoryMarshal.Cast<T, float>(probabilities), MemoryMarshal.Cast<T, float>(destination));
    }

    /// <summary>The data row minus the probabilities, into the scratch row (as T).</summary>
    private static ReadOnlySpan<T> Difference<T>(ReadOnlySpan<T> data, ReadOnlySpan<T> probabilities, Span<double> scratch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var difference = MemoryMarshal.Cast<double, T>(scratch)[..data.Length];
        TensorPrimitives.Subtract<T>(data, probabilities, difference);
        return difference;
    }

    /// <summary>Row r's slice of the scratch (the reconstruction's differences).</summary>
    private static Span<double> Scratch(double[] scratch, int row, int width) => scratch.AsSpan(row * width, width);

}
