using System.Buffers;
using System.Numerics.Tensors;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Mcmc.BlockGibbs;

/// <summary>The float32 variant of RBM block Gibbs: the same kernel with its two matrix products and sigmoids in single precision.</summary>
public static partial class RbmBlockGibbs
{
    /// <summary>
    /// Builds block Gibbs at <paramref name="beta"/> with the conditional probabilities computed in float32 (SGEMM,
    /// float sigmoids): about twice the GEMM throughput of <see cref="Create"/>, the same states, keys and draw layout.
    /// </summary>
    /// <remarks>
    /// Warning: the probabilities carry float32 rounding (relative error about 1e-7, far below the sampling noise of
    /// any chain), so the states may differ from <see cref="Create"/>'s on the rare draws that fall within that
    /// rounding of the threshold; the cached energies are accumulated in double from the float32 visible field
    /// b + W h, so they carry a relative error of about 1e-7 too. Use <see cref="Create"/> where energies feed
    /// importance weights or log Z.
    /// </remarks>
    /// <param name="model">The RBM (its weights are rounded to float32 once, here).</param>
    /// <param name="beta">Inverse temperature, finite and &gt;= 0.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the per-chain work (-1: no limit); results do not depend on it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is negative or not finite.</exception>
    public static Sampler<Mat, RbmChains, BlockGibbsInfo> CreateSinglePrecision(BernoulliRbm model, double beta, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!(beta >= 0) || double.IsInfinity(beta)) throw new ArgumentOutOfRangeException(nameof(beta), beta, "block Gibbs needs a finite beta >= 0");
        Batch.CheckParallelism(maxDegreeOfParallelism);
        var parameters = new SingleParameters(ToSingle(model.Weights.Span), ToSingle(model.VisibleBias.Span), ToSingle(model.HiddenBias.Span), (float)beta);
        return new Sampler<Mat, RbmChains, BlockGibbsInfo>(
            Name,
            joint => Init(model, joint),
            (key, state) => StepSingle(model, parameters, maxDegreeOfParallelism, key, state));
    }

    /// <summary>The model's parameters and beta rounded to float32 once.</summary>
    private sealed record SingleParameters(float[] Weights, float[] VisibleBias, float[] HiddenBias, float Beta);

    /// <summary>The values rounded to float32.</summary>
    internal static float[] ToSingle(ReadOnlySpan<double> values)
    {
        var result = new float[values.Length];
        TensorPrimitives.ConvertTruncating<double, float>(values, result);
        return result;
    }

    private static (RbmChains State, BlockGibbsInfo Info) StepSingle(BernoulliRbm model, SingleParameters p, int maxDegreeOfParallelism, RngKey key, RbmChains state)
    {
        int chains = state.Chains, nv = model.Visible, nh = model.Hidden;
        if (state.Visible.Columns != nv || state.Hidden.Columns != nh)
            throw new ArgumentException($"the state has {state.Visible.Columns} + {state.Hidden.Columns} units, the model {nv} + {nh}", nameof(state));
        var oldVisible = state.Visible.UnsafeArray();
        var hiddenBias = model.HiddenBias.UnsafeArray();
        var pool = ArrayPool<float>.Shared;
        var visibleSingle = pool.Rent(chains * nv);
        var hiddenSingle = pool.Rent(chains * nh);
        var hiddenField = pool.Rent(chains * nh);
        var visibleField = pool.Rent(chains * nv);
        var visibleProbability = pool.Rent(chains * nv);
        var fieldDouble = ArrayPool<double>.Shared.Rent(chains * nv);
        try
        {
            TensorPrimitives.ConvertTruncating<double, float>(oldVisible, visibleSingle.AsSpan(0, chains * nv));
            var hidden = new double[chains * nh];
            for (var r = 0; r < chains; r++) p.HiddenBias.CopyTo(hiddenField.AsSpan(r * nh, nh));
            MatrixProduct.Gemm(false, false, chains, nh, nv, p.Beta, visibleSingle.AsSpan(0, chains * nv), nv, p.Weights, nh, p.Beta, hiddenField.AsSpan(0, chains * nh), nh);
            Batch.ForEachRow(maxDegreeOfParallelism, chains, r =>
            {
                var probability = hiddenField.AsSpan(r * nh, nh);
                TensorPrimitives.Sigmoid<float>(probability, probability);
                var row = hidden.AsSpan(r * nh, nh);
                BlockGibbsDraws.Bernoulli(BlockGibbsDraws.HiddenKey(key, r), probability, row);
                TensorPrimitives.ConvertTruncating<double, float>(row, hiddenSingle.AsSpan(r * nh, nh));
            });

            var visible = new double[chains * nv];
            var energies = new double[chains];
            for (var r = 0; r < chains; r++) p.VisibleBias.CopyTo(visibleField.AsSpan(r * nv, nv));
            MatrixProduct.Gemm(false, true, chains, nv, nh, 1f, hiddenSingle.AsSpan(0, chains * nh), nh, p.Weights, nh, 1f, visibleField.AsSpan(0, chains * nv), nv);
            Batch.ForEachRow(maxDegreeOfParallelism, chains, r =>
            {
                var field = visibleField.AsSpan(r * nv, nv);
                var probability = visibleProbability.AsSpan(r * nv, nv);
                var row = visible.AsSpan(r * nv, nv);
                TensorPrimitives.Multiply<float>(field, p.Beta, probability);
                TensorPrimitives.Sigmoid<float>(probability, probability);
                BlockGibbsDraws.Bernoulli(BlockGibbsDraws.VisibleKey(key, r), probability, row);
                // E(v', h') = -v'^T (b + W h') - c^T h', the field widened to double for the sum.
                var wide = fieldDouble.AsSpan(r * nv, nv);
                TensorPrimitives.ConvertChecked<float, double>(field, wide);
                energies[r] = -TensorPrimitives.Dot<double>(hiddenBias, hidden.AsSpan(r * nh, nh)) - TensorPrimitives.Dot<double>(row, wide);
            });

            var next = new RbmChains(Mat.Wrap(chains, nv, visible), Mat.Wrap(chains, nh, hidden), Vec.Wrap(energies));
            return (next, new BlockGibbsInfo(Vec.Filled(chains, 1.0)));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(fieldDouble);
            pool.Return(visibleProbability);
            pool.Return(visibleField);
            pool.Return(hiddenField);
            pool.Return(hiddenSingle);
            pool.Return(visibleSingle);
        }
    }
}
