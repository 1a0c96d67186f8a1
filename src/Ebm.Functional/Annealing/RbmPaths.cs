using System.Buffers;
using System.Numerics.Tensors;
using Ebm.Functional.Mcmc;
using Ebm.Functional.Mcmc.BlockGibbs;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Annealing;

/// <summary>
/// The batch kernels of the base-rate RBM path (<see cref="Paths.RbmBaseRate"/>): exact base draws, path
/// densities from the cached fields, and the block-Gibbs move at t, each a matrix product over all particles
/// plus row-parallel elementwise work.
/// </summary>
/// <remarks>
/// Path (Salakhutdinov and Murray, 2008), hidden units summed out:
/// log f_t(v) = (1 - t) bA.v + t beta b.v + sum_j softplus(t beta x_j), x = v W + c.
/// Rows are independent and every random draw is keyed by its row (the block-Gibbs layout of
/// <see cref="BlockGibbsDraws"/>), so results do not depend on the thread count.
/// </remarks>
internal sealed class RbmPaths(BernoulliRbm model, Vec baseVisibleBias, double beta, int maxDegreeOfParallelism, bool singlePrecision)
{
    private readonly double[] _weights = model.Weights.UnsafeArray();
    private readonly float[]? _singleWeights = singlePrecision ? RbmBlockGibbs.ToSingle(model.Weights.Span) : null;
    private readonly float[]? _singleHiddenBias = singlePrecision ? RbmBlockGibbs.ToSingle(model.HiddenBias.Span) : null;
    private readonly double[] _visibleBias = model.VisibleBias.UnsafeArray();
    private readonly double[] _hiddenBias = model.HiddenBias.UnsafeArray();
    private readonly double[] _baseBias = baseVisibleBias.UnsafeArray();

    /// <summary>X = V W + c for <paramref name="rows"/> visible rows (a new array, rows x nh).</summary>
    public static double[] Fields(BernoulliRbm model, double[] visible, int rows, int maxDegreeOfParallelism = -1)
    {
        int nv = model.Visible, nh = model.Hidden;
        var fields = GC.AllocateUninitializedArray<double>(rows * nh);
        RbmBlockGibbs.FillRows(fields, rows, model.HiddenBias.Span);
        RbmPathProducts.Gemm(false, rows, nh, nv, 1.0, visible, model.Weights.UnsafeArray(), 1.0, fields, maxDegreeOfParallelism);
        return fields;
    }

    /// <summary>M exact draws v_i ~ Bern(sigmoid(bA_i)); row r uses the visible-layer key of chain r.</summary>
    public RbmAnnealingState SampleBase(RngKey key, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var nv = model.Visible;
        var probability = new double[nv];
        TensorPrimitives.Sigmoid<double>(_baseBias, probability);
        var visible = new double[count * nv];
        Batch.ForEachRow(maxDegreeOfParallelism, count, r => BlockGibbsDraws.Bernoulli(BlockGibbsDraws.VisibleKey(key, r), probability, visible.AsSpan(r * nv, nv)));
        return new RbmAnnealingState(Mat.Wrap(count, nv, visible), Mat.Wrap(count, model.Hidden, PathFields(visible, count)));
    }

    /// <summary>log f_t of every particle.</summary>
    public Vec LogDensity(double t, RbmAnnealingState state)
    {
        int count = state.Count, nv = model.Visible, nh = model.Hidden;
        var (visible, fields) = (state.Visible.UnsafeArray(), state.Fields.UnsafeArray());
        var (baseWeight, targetWeight) = (1.0 - t, t * beta);
        var scratch = ArrayPool<double>.Shared.Rent(count * nh);
        try
        {
            var result = new double[count];
            Batch.ForEachRow(maxDegreeOfParallelism, count, r =>
            {
                var v = visible.AsSpan(r * nv, nv);
                var scaled = scratch.AsSpan(r * nh, nh);
                TensorPrimitives.Multiply<double>(fields.AsSpan(r * nh, nh), targetWeight, scaled);
                result[r] = baseWeight * TensorPrimitives.Dot<double>(_baseBias, v) + targetWeight * TensorPrimitives.Dot<double>(_visibleBias, v)
                            + LogSpace.SoftplusSum(scaled);
            });
            return Vec.Wrap(result);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    /// <summary>d/dt log f_t = (beta b - bA).v + beta sum_j x_j sigmoid(t beta x_j) of every particle.</summary>
    public Vec LogDensityDerivative(double t, RbmAnnealingState state)
    {
        int count = state.Count, nv = model.Visible, nh = model.Hidden;
        var (visible, fields) = (state.Visible.UnsafeArray(), state.Fields.UnsafeArray());
        var scratch = ArrayPool<double>.Shared.Rent(count * nh);
        try
        {
            var result = new double[count];
            Batch.ForEachRow(maxDegreeOfParallelism, count, r =>
            {
                var v = visible.AsSpan(r * nv, nv);
                var x = fields.AsSpan(r * nh, nh);
                var probability = scratch.AsSpan(r * nh, nh);
                TensorPrimitives.Multiply<double>(x, t * beta, probability);
                TensorPrimitives.Sigmoid<double>(probability, probability);
                result[r] = beta * TensorPrimitives.Dot<double>(_visibleBias, v) - TensorPrimitives.Dot<double>(_baseBias, v)
                            + beta * TensorPrimitives.Dot<double>(x, probability);
            });
            return Vec.Wrap(result);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
        }
    }

    /// <summary>
    /// The move at t: h ~ Bern(sigmoid(t beta x)), v ~ Bern(sigmoid((1 - t) bA + t beta (W h + b))), then x = v W + c.
    /// Two matrix products per call. Keys: chain r's hidden and visible keys of the block-Gibbs layout.
    /// </summary>
    public KernelStep<RbmAnnealingState, IAcceptanceInfo> Move(double t) => (key, state) =>
    {
        int count = state.Count, nv = model.Visible, nh = model.Hidden;
        var fields = state.Fields.UnsafeArray();
        var scale = t * beta;
        var offset = new double[nv];
        for (var i = 0; i < nv; i++) offset[i] = (1.0 - t) * _baseBias[i] + scale * _visibleBias[i];
        var hidden = ArrayPool<double>.Shared.Rent(count * nh);
        var hiddenProbability = ArrayPool<double>.Shared.Rent(count * nh);
        var visibleField = ArrayPool<double>.Shared.Rent(count * nv);
        try
        {
            Batch.ForEachRow(maxDegreeOfParallelism, count, r =>
            {
                var probability = hiddenProbability.AsSpan(r * nh, nh);
                TensorPrimitives.Multiply<double>(fields.AsSpan(r * nh, nh), scale, probability);
                TensorPrimitives.Sigmoid<double>(probability, probability);
                BlockGibbsDraws.Bernoulli(BlockGibbsDraws.HiddenKey(key, r), probability, hidden.AsSpan(r * nh, nh));
            });

            var visible = GC.AllocateUninitializedArray<double>(count * nv);
            if (_singleWeights is null)
            {
                RbmBlockGibbs.FillRows(visibleField, count, offset);
                RbmPathProducts.Gemm(true, count, nv, nh, scale, hidden, _weights, 1.0, visibleField, maxDegreeOfParallelism);
                Batch.ForEachRow(maxDegreeOfParallelism, count, r =>
                {
                    var probability = visibleField.AsSpan(r * nv, nv);
                    TensorPrimitives.Sigmoid<double>(probability, probability);
                    BlockGibbsDraws.Bernoulli(BlockGibbsDraws.VisibleKey(key, r), probability, visible.AsSpan(r * nv, nv));
                });
            }
            else
            {
                DrawVisibleSingle(key, count, scale, RbmBlockGibbs.ToSingle(offset), hidden, visible);
            }

            var next = new RbmAnnealingState(Mat.Wrap(count, nv, visible), Mat.Wrap(count, nh, PathFields(visible, count)));
            return (next, (IAcceptanceInfo)new BlockGibbsInfo(Vec.Filled(count, 1.0)));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(visibleField);
            ArrayPool<double>.Shared.Return(hiddenProbability);
            ArrayPool<double>.Shared.Return(hidden);
        }
    };

    /// <summary>X = V W + c of the path: in double, or through SGEMM (then widened) in single precision.</summary>
    private double[] PathFields(double[] visible, int rows)
    {
        if (_singleWeights is null) return Fields(model, visible, rows, maxDegreeOfParallelism);
        int nv = model.Visible, nh = model.Hidden;
        var pool = ArrayPool<float>.Shared;
        var (visibleSingle, fieldsSingle) = (pool.Rent(rows * nv), pool.Rent(rows * nh));
        try
        {
            TensorPrimitives.ConvertTruncating<double, float>(visible.AsSpan(0, rows * nv), visibleSingle.AsSpan(0, rows * nv));
            for (var r = 0; r < rows; r++) _singleHiddenBias.AsSpan().CopyTo(fieldsSingle.AsSpan(r * nh, nh));
            RbmPathProducts.Gemm(false, rows, nh, nv, 1f, visibleSingle, _singleWeights, 1f, fieldsSingle, maxDegreeOfParallelism);
            var fields = GC.AllocateUninitializedArray<double>(rows * nh);
            TensorPrimitives.ConvertChecked<float, double>(fieldsSingle.AsSpan(0, rows * nh), fields);
            return fields;
        }
        finally
        {
            pool.Return(fieldsSingle);
            pool.Return(visibleSingle);
        }
    }

    /// <summary>v ~ Bern(sigmoid(offset + scale W h)) with the product and sigmoid in float32 (the same uniforms as in double).</summary>
    private void DrawVisibleSingle(RngKey key, int count, double scale, float[] offset, double[] hidden, double[] visible)
    {
        int nv = model.Visible, nh = model.Hidden;
        var pool = ArrayPool<float>.Shared;
        var (hiddenSingle, field) = (pool.Rent(count * nh), pool.Rent(count * nv));
        try
        {
            TensorPrimitives.ConvertTruncating<double, float>(hidden.AsSpan(0, count * nh), hiddenSingle.AsSpan(0, count * nh));
            for (var r = 0; r < count; r++) offset.CopyTo(field.AsSpan(r * nv, nv));
            RbmPathProducts.Gemm(true, count, nv, nh, (float)scale, hiddenSingle, _singleWeights!, 1f, field, maxDegreeOfParallelism);
            Batch.ForEachRow(maxDegreeOfParallelism, count, r =>
            {
                var probability = field.AsSpan(r * nv, nv);
                TensorPrimitives.Sigmoid<float>(probability, probability);
                BlockGibbsDraws.Bernoulli(BlockGibbsDraws.VisibleKey(key, r), probability, visible.AsSpan(r * nv, nv));
            });
        }
        finally
        {
            pool.Return(field);
            pool.Return(hiddenSingle);
        }
    }

    /// <summary>The batch whose row i is row indices[i] of the given one.</summary>
    public static RbmAnnealingState Select(RbmAnnealingState state, int[] indices) =>
        new(Selections.Rows(state.Visible, indices), Selections.Rows(state.Fields, indices));
}
