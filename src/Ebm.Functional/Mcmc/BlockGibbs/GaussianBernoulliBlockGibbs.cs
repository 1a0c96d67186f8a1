using System.Buffers;
using System.Numerics.Tensors;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Mcmc.BlockGibbs;

/// <summary>
/// Block Gibbs sampling of a Gaussian-Bernoulli RBM at inverse temperature beta: Bernoulli hidden units
/// given the visible ones, then Gaussian visible units given the new hidden ones, for C chains at once,
/// each half-step one matrix product over the batch.
/// </summary>
/// <remarks>
/// <para>Target p_beta(v, h) ∝ exp(-beta E(v, h)) with
/// E(v, h) = sum_i (v_i - b_i)^2 / (2 sigma_i^2) - sum_ij (v_i / sigma_i) W_ij h_j - c^T h (energy = -log p~).
/// One step, for every chain: h' ~ p(h | v) with p(h_j = 1 | v) = sigmoid(beta (c_j + sum_i (v_i / sigma_i) W_ij)),
/// then v'_i ~ Normal(b_i + sigma_i (W h')_i, sigma_i^2 / beta), independently over i (completing the square
/// in v_i; Hinton and Salakhutdinov, 2006; Cho, Ilin and Raiko, 2011).</para>
/// <para>Reversibility: as for <see cref="RbmBlockGibbs"/>, the joint kernel leaves p_beta invariant but is not
/// reversible; the visible marginal chain is.</para>
/// <para>Random draws: chain c's hidden layer uses <c>key.FoldIn(c).FoldIn(0)</c> and its visible layer
/// <c>key.FoldIn(c).FoldIn(1)</c>, laid out as documented on <see cref="BlockGibbsDraws"/>; results are
/// bit-identical for any degree of parallelism, given the same GEMM backend.</para>
/// <example><code>
/// var sampler = GaussianBernoulliBlockGibbs.Create(model, beta: 1.0);
/// var state = sampler.Init(Mat.Zeros(100, model.Visible + model.Hidden));
/// var (final, energies) = Loop.Scan(RngKey.FromSeed(7), state, steps: 1000, sampler.Step, (s, _) =&gt; s.Energies);
/// </code></example>
/// </remarks>
public static class GaussianBernoulliBlockGibbs
{
    /// <summary>The sampler's short name.</summary>
    public const string Name = "block-gibbs";

    /// <summary>
    /// Builds the block-Gibbs sampler at <paramref name="beta"/>: Init takes C x (nv + nh) joint starting
    /// states (real visible units first, then hidden bits) and caches their energies; Step is one h-then-v sweep.
    /// </summary>
    /// <param name="model">The Gaussian-Bernoulli RBM.</param>
    /// <param name="beta">Inverse temperature, finite and &gt; 0 (the visible conditional has variance sigma^2 / beta).</param>
    /// <param name="maxDegreeOfParallelism">Threads for the per-chain work (-1: no limit); results do not depend on it.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="beta"/> is not a finite positive number (validate user input first).</exception>
    public static Sampler<Mat, RbmChains, BlockGibbsInfo> Create(GaussianBernoulliRbm model, double beta, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!(beta > 0) || double.IsInfinity(beta)) throw new ArgumentOutOfRangeException(nameof(beta), beta, "Gaussian-Bernoulli block Gibbs needs a finite beta > 0");
        Batch.CheckParallelism(maxDegreeOfParallelism);
        return new Sampler<Mat, RbmChains, BlockGibbsInfo>(
            Name,
            joint => Init(model, joint),
            (key, state) => Step(model, beta, maxDegreeOfParallelism, key, state));
    }

    /// <summary>The state for C x (nv + nh) joint starting states, with their energies.</summary>
    /// <exception cref="ArgumentException">The states do not have nv + nh columns.</exception>
    public static RbmChains Init(GaussianBernoulliRbm model, Mat joint)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(joint);
        var (visible, hidden) = RbmChains.SplitJoint(joint, model.Visible, model.Hidden);
        return new RbmChains(visible, hidden, model.Energies(joint));
    }

    /// <summary>One block-Gibbs step of every chain (see the class remarks).</summary>
    internal static (RbmChains State, BlockGibbsInfo Info) Step(GaussianBernoulliRbm model, double beta, int maxDegreeOfParallelism, RngKey key, RbmChains state)
    {
        int chains = state.Chains, nv = model.Visible, nh = model.Hidden;
        if (state.Visible.Columns != nv || state.Hidden.Columns != nh)
            throw new ArgumentException($"the state has {state.Visible.Columns} + {state.Hidden.Columns} units, the model {nv} + {nh}", nameof(state));
        var weights = model.Weights.Span;
        var sigma = model.Sigma.UnsafeArray();
        var visibleBias = model.VisibleBias.UnsafeArray();
        var hiddenBias = model.HiddenBias.UnsafeArray();
        var oldVisible = state.Visible.UnsafeArray();
        var standardDeviation = 1.0 / Math.Sqrt(beta);
        var scaledVisible = ArrayPool<double>.Shared.Rent(chains * nv);
        var hiddenField = ArrayPool<double>.Shared.Rent(chains * nh);
        var coupling = ArrayPool<double>.Shared.Rent(chains * nv);
        try
        {
            Batch.ForEachRow(maxDegreeOfParallelism, chains, r =>
                TensorPrimitives.Divide<double>(oldVisible.AsSpan(r * nv, nv), sigma, scaledVisible.AsSpan(r * nv, nv)));
            var hidden = new double[chains * nh];
            RbmBlockGibbs.FillRows(hiddenField, chains, hiddenBias);
            MatrixProduct.Gemm(false, false, chains, nh, nv, beta, scaledVisible.AsSpan(0, chains * nv), nv, weights, nh, beta, hiddenField.AsSpan(0, chains * nh), nh);
            Batch.ForEachRow(maxDegreeOfParallelism, chains, r =>
            {
                var probability = hiddenField.AsSpan(r * nh, nh);
                TensorPrimitives.Sigmoid<double>(probability, probability);
                BlockGibbsDraws.Bernoulli(BlockGibbsDraws.HiddenKey(key, r), probability, hidden.AsSpan(r * nh, nh));
            });

            var visible = new double[chains * nv];
            var energies = new double[chains];
            MatrixProduct.Gemm(false, true, chains, nv, nh, 1.0, hidden, nh, weights, nh, 0.0, coupling.AsSpan(0, chains * nv), nv);
            Batch.ForEachRow(maxDegreeOfParallelism, chains, r =>
            {
                var row = visible.AsSpan(r * nv, nv);
                var couplingRow = coupling.AsSpan(r * nv, nv);
                BlockGibbsDraws.Normal(BlockGibbsDraws.VisibleKey(key, r), row);
                var energy = -TensorPrimitives.Dot<double>(hiddenBias, hidden.AsSpan(r * nh, nh));
                for (var i = 0; i < nv; i++)
                {
                    // v_i = b_i + sigma_i (W h)_i + (sigma_i / sqrt(beta)) z_i; its energy terms use d_i = (v_i - b_i) / sigma_i.
                    var standardised = couplingRow[i] + standardDeviation * row[i];
                    row[i] = visibleBias[i] + sigma[i] * standardised;
                    energy += 0.5 * standardised * standardised - (row[i] / sigma[i]) * couplingRow[i];
                }

                energies[r] = energy;
            });

            var next = new RbmChains(Mat.Wrap(chains, nv, visible), Mat.Wrap(chains, nh, hidden), Vec.Wrap(energies));
            return (next, new BlockGibbsInfo(Vec.Filled(chains, 1.0)));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(coupling);
            ArrayPool<double>.Shared.Return(hiddenField);
            ArrayPool<double>.Shared.Return(scaledVisible);
        }
    }
}
