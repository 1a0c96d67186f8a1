using System.Buffers;
using System.Numerics.Tensors;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Mcmc.BlockGibbs;

/// <summary>
/// Block Gibbs sampling of a Bernoulli RBM at inverse temperature beta: all hidden units given the
/// visible ones, then all visible units given the new hidden ones, for C chains at once, each half-step
/// one matrix product over the whole batch.
/// </summary>
/// <remarks>
/// <para>Target p_beta(v, h) ∝ exp(-beta E(v, h)), E(v, h) = -v^T W h - b^T v - c^T h (energy = -log p~).
/// One step, for every chain: h' ~ p(h | v), then v' ~ p(v | h'), with
/// p(h_j = 1 | v) = sigmoid(beta (c_j + (v^T W)_j)) and p(v_i = 1 | h) = sigmoid(beta (b_i + (W h)_i))
/// (Hinton, 2002; Fischer and Igel, 2012). For the batch, H' is drawn from sigmoid(beta (V W + c)) and V' from
/// sigmoid(beta (H' W^T + b)): two GEMMs of C x nv x nh per step. The old hidden state is not read.</para>
/// <para>Reversibility: on the joint space (v, h) the kernel K((v,h),(v',h')) = p(h'|v) p(v'|h') leaves
/// p_beta invariant but is NOT reversible (it is the composition of two reversible block updates in a fixed
/// order). Its visible marginal chain K_v(v, v') = sum_h p(h|v) p(v'|h) is reversible with respect to
/// p_beta(v) ∝ exp(-beta F_beta(v)), and so is the hidden one.</para>
/// <para>Random draws: chain c uses <c>key.FoldIn(c)</c>, split per layer; the layout is documented on
/// <see cref="BlockGibbsDraws"/>. Chains run in parallel (each thread writes its own rows), so the result is
/// bit-identical for any degree of parallelism, given the same GEMM backend.</para>
/// <example><code>
/// var sampler = RbmBlockGibbs.Create(rbm, beta: 1.0);
/// var state = sampler.Init(Mat.Zeros(100, rbm.Visible + rbm.Hidden));
/// var (final, energies) = Loop.Scan(RngKey.FromSeed(7), state, steps: 1000, sampler.Step, (s, _) =&gt; s.Energies);
/// </code></example>
/// </remarks>
public static partial class RbmBlockGibbs
{
    /// <summary>The sampler's short name.</summary>
    public const string Name = "block-gibbs";

    /// <summary>
    /// Builds the block-Gibbs sampler at <paramref name="beta"/>: Init takes C x (nv + nh) joint starting
    /// states (visible units first) and caches their energies; Step is one h-then-v sweep of every chain.
    /// </summary>
    /// <param name="model">The RBM.</param>
    /// <param name="beta">Inverse temperature, finite and &gt;= 0 (0 samples uniformly).</param>
    /// <param name="maxDegreeOfParallelism">Threads for the per-chain work (-1: no limit); results do not depend on it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is negative or not finite (validate user input first).</exception>
    public static Sampler<Mat, RbmChains, BlockGibbsInfo> Create(BernoulliRbm model, double beta, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!(beta >= 0) || double.IsInfinity(beta)) throw new ArgumentOutOfRangeException(nameof(beta), beta, "block Gibbs needs a finite beta >= 0");
        Batch.CheckParallelism(maxDegreeOfParallelism);
        return new Sampler<Mat, RbmChains, BlockGibbsInfo>(
            Name,
            joint => Init(model, joint),
            (key, state) => Step(model, beta, maxDegreeOfParallelism, key, state));
    }

    /// <summary>The state for C x (nv + nh) joint starting states, with their energies.</summary>
    /// <exception cref="ArgumentException">The states do not have nv + nh columns.</exception>
    public static RbmChains Init(BernoulliRbm model, Mat joint)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(joint);
        var (visible, hidden) = RbmChains.SplitJoint(joint, model.Visible, model.Hidden);
        return new RbmChains(visible, hidden, model.Energies(joint));
    }

    /// <summary>One block-Gibbs step of every chain (see the class remarks for the equations and the draw layout).</summary>
    internal static (RbmChains State, BlockGibbsInfo Info) Step(BernoulliRbm model, double beta, int maxDegreeOfParallelism, RngKey key, RbmChains state)
    {
        int chains = state.Chains, nv = model.Visible, nh = model.Hidden;
        if (state.Visible.Columns != nv || state.Hidden.Columns != nh)
            throw new ArgumentException($"the state has {state.Visible.Columns} + {state.Hidden.Columns} units, the model {nv} + {nh}", nameof(state));
        var weights = model.Weights.Span;
        var hiddenBias = model.HiddenBias.UnsafeArray();
        var visibleBias = model.VisibleBias.UnsafeArray();
        var hiddenField = ArrayPool<double>.Shared.Rent(chains * nh);
        var visibleField = ArrayPool<double>.Shared.Rent(chains * nv);
        var visibleProbability = ArrayPool<double>.Shared.Rent(chains * nv);
        try
        {
            var hidden = new double[chains * nh];
            FillRows(hiddenField, chains, hiddenBias);
            MatrixProduct.Gemm(false, false, chains, nh, nv, beta, state.Visible.Span, Math.Max(1, nv), weights, Math.Max(1, nh), beta, hiddenField.AsSpan(0, chains * nh), Math.Max(1, nh));
            Batch.ForEachRow(maxDegreeOfParallelism, chains, r =>
            {
                var probability = hiddenField.AsSpan(r * nh, nh);
                TensorPrimitives.Sigmoid<double>(probability, probability);
                BlockGibbsDraws.Bernoulli(BlockGibbsDraws.HiddenKey(key, r), probability, hidden.AsSpan(r * nh, nh));
            });

            var visible = new double[chains * nv];
            var energies = new double[chains];
            FillRows(visibleField, chains, visibleBias);
            MatrixProduct.Gemm(false, true, chains, nv, nh, 1.0, hidden, Math.Max(1, nh), weights, Math.Max(1, nh), 1.0, visibleField.AsSpan(0, chains * nv), Math.Max(1, nv));
            Batch.ForEachRow(maxDegreeOfParallelism, chains, r =>
            {
                var field = visibleField.AsSpan(r * nv, nv);
                var probability = visibleProbability.AsSpan(r * nv, nv);
                var row = visible.AsSpan(r * nv, nv);
                TensorPrimitives.Multiply<double>(field, beta, probability);
                TensorPrimitives.Sigmoid<double>(probability, probability);
                BlockGibbsDraws.Bernoulli(BlockGibbsDraws.VisibleKey(key, r), probability, row);
                // E(v', h') = -v'^T (b + W h') - c^T h', and b + W h' is the field just used.
                energies[r] = -TensorPrimitives.Dot<double>(row, field) - TensorPrimitives.Dot<double>(hiddenBias, hidden.AsSpan(r * nh, nh));
            });

            var next = new RbmChains(Mat.Wrap(chains, nv, visible), Mat.Wrap(chains, nh, hidden), Vec.Wrap(energies));
            return (next, new BlockGibbsInfo(Vec.Filled(chains, 1.0)));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(visibleProbability);
            ArrayPool<double>.Shared.Return(visibleField);
            ArrayPool<double>.Shared.Return(hiddenField);
        }
    }

    /// <summary>Writes <paramref name="row"/> into each of the first <paramref name="rows"/> rows of <paramref name="destination"/>.</summary>
    internal static void FillRows(double[] destination, int rows, ReadOnlySpan<double> row)
    {
        for (var r = 0; r < rows; r++) row.CopyTo(destination.AsSpan(r * row.Length, row.Length));
    }
}
