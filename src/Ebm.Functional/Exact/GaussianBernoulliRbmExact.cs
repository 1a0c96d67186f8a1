using Ebm.Functional.Models;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Exact;

/// <summary>
/// Exact log Z(beta), U = &lt;E&gt; and Var(E) of a Gaussian-Bernoulli RBM: the visible units integrated
/// analytically, the hidden ones enumerated in Gray-code order.
/// </summary>
/// <remarks>
/// For fixed h write w = W h. Completing the square in each v_i, with mu_i = b_i + sigma_i w_i,
/// <code>
/// (v_i - b_i)^2 / (2 sigma_i^2) - (v_i / sigma_i) w_i = (v_i - mu_i)^2 / (2 sigma_i^2) - b_i w_i / sigma_i - w_i^2 / 2,
/// </code>
/// so E(v,h) = sum_i (v_i - mu_i)^2 / (2 sigma_i^2) - G(h) with
/// G(h) = c^T h + sum_i (b_i w_i / sigma_i + w_i^2 / 2) = (c + d)^T h + (1/2) h^T M h,
/// d_j = sum_i (b_i / sigma_i) W_ij and M = W^T W. Each Gaussian integral gives sqrt(2 pi sigma_i^2 / beta), so
/// <code>
/// log Z(beta) = (nv / 2) log(2 pi / beta) + sum_i log sigma_i + logsumexp_h [ beta G(h) ].
/// </code>
/// Given h, beta (v_i - mu_i)^2 / (2 sigma_i^2) is half a chi-square with one degree of freedom (mean 1/2,
/// variance 1/2), hence &lt;E | h&gt; = nv / (2 beta) - G(h), Var(E | h) = nv / (2 beta^2), and
/// U = nv / (2 beta) - &lt;G&gt;, Var(E) = nv / (2 beta^2) + Var(G) under p(h) ∝ exp(beta G(h)). The derived
/// quantities are formed from the same pieces, so neither overflows nor cancels where it is representable:
/// C = beta^2 Var(E) = nv/2 + beta^2 Var(G) and S = (nv/2)(1 + log(2 pi / beta)) + sum_i log sigma_i + H(h),
/// H(h) the entropy of p(h), accumulated as a sum of non-negative terms.
/// Example: nv = nh = 1, W = 0, b = 0, c = 0, sigma = 1, beta = 1: Z = 2 sqrt(2 pi), log Z = 1.6120857137.
/// The Gray-code step flipping h_j updates G by ±(c_j + d_j + (M h)_j + M_jj / 2) and M h by ±M[:, j], so a
/// state costs O(nh), independent of nv. Blocks of at most 4096 states restart from an exact G and M h and
/// are merged in order (bit-identical for any thread count).
/// Warning: beta must be positive (at beta = 0 the visible integral diverges); nh is limited to
/// <see cref="MaxHiddenUnits"/>.
/// </remarks>
public static class GaussianBernoulliRbmExact
{
    /// <summary>The most hidden units that may be enumerated (2^30 states).</summary>
    public const int MaxHiddenUnits = 30;

    /// <summary>The <see cref="ExactResult.Method"/> of every result.</summary>
    public const string MethodName = "layer-sum";

    /// <summary>Exact thermodynamics at <paramref name="beta"/> &gt; 0.</summary>
    /// <param name="model">The RBM.</param>
    /// <param name="beta">Inverse temperature, finite and &gt; 0.</param>
    /// <param name="progress">Receives the finished fraction.</param>
    /// <param name="maxDegreeOfParallelism">Threads (-1: no limit); the result does not depend on it.</param>
    public static Fin<ExactResult> Compute(GaussianBernoulliRbm model, double beta, IProgress<double>? progress = null, int maxDegreeOfParallelism = -1)
    {
        if (!double.IsFinite(beta) || beta <= 0) return FinFail<ExactResult>(ExactErrors.InvalidBeta(beta, "a Gaussian-Bernoulli RBM needs a finite beta > 0"));
        if (model.Hidden > MaxHiddenUnits)
            return FinFail<ExactResult>(ExactErrors.TooLarge(
                "a gaussian-bernoulli-rbm",
                $"{model.Visible} x {model.Hidden} (hidden layer of {model.Hidden} units to enumerate)",
                $"the layer sum enumerates at most {MaxHiddenUnits} hidden units, 2^{MaxHiddenUnits} states"));

        var quadratic = Quadratic.From(model);
        var states = 1L << model.Hidden;
        var perBlock = RbmBlockRunner.BlockLength(states, 1);
        var hidden = RbmBlockRunner.Run((int)(states / perBlock), b => Block(quadratic, beta, b * perBlock, perBlock), progress, maxDegreeOfParallelism);
        var halfVisible = 0.5 * model.Visible;
        var logSigma = 0.0;
        for (var i = 0; i < model.Visible; i++) logSigma += Math.Log(model.Sigma[i]);
        var logRatio = ExactThermodynamics.LogTwoPiOver(beta);
        var visibleEnergy = halfVisible / beta;
        return ExactResultCheck.Finite(model, new ExactResult(
            MethodName,
            beta,
            halfVisible * logRatio + logSigma + hidden.LogWeight,
            visibleEnergy + hidden.Mean,
            visibleEnergy / beta + hidden.Variance,
            Option<MagnetisationMoments>.None)
        {
            Entropy = halfVisible * (1.0 + logRatio) + logSigma + hidden.Entropy,
            HeatCapacity = halfVisible + ExactThermodynamics.HeatCapacity(beta, hidden.Variance, hidden.ScaledVariance, hidden.LogWeight),
        });
    }

    /// <summary>States Gray(t), t in [start, start + count): weight exp(beta G), energy mean -G (the h-dependent part).</summary>
    private static RbmEnergyMoments Block(Quadratic quadratic, double beta, long start, long count)
    {
        var n = quadratic.Units;
        var gram = quadratic.Gram;
        var field = new double[n];
        var g = FromScratch(quadratic, RbmBlockRunner.Gray(start), field);
        var accumulator = new RbmMomentAccumulator();
        accumulator.Add(beta * g, -g, 0.0, 0.0, -beta * g, 0.0);
        for (var t = start + 1; t < start + count; t++)
        {
            var j = RbmBlockRunner.GrayFlipBit(t);
            var column = j * n;
            if (((RbmBlockRunner.Gray(t) >> j) & 1) == 1)
            {
                g += quadratic.Linear[j] + field[j] + 0.5 * gram[column + j];
                for (var k = 0; k < n; k++) field[k] += gram[column + k];
            }
            else
            {
                for (var k = 0; k < n; k++) field[k] -= gram[column + k];
                g -= quadratic.Linear[j] + field[j] + 0.5 * gram[column + j];
            }

            // A running sum that overflowed (weights near 1e154 make M = W^T W near 1e308) restarts from the exact value.
            if (!double.IsFinite(g) || !double.IsFinite(field[j])) g = FromScratch(quadratic, RbmBlockRunner.Gray(t), field);
            accumulator.Add(beta * g, -g, 0.0, 0.0, -beta * g, 0.0);
        }

        return accumulator.Result();
    }

    /// <summary>Sets the field M h of Gray state <paramref name="gray"/> exactly and returns its G(h).</summary>
    private static double FromScratch(Quadratic quadratic, long gray, double[] field)
    {
        var n = quadratic.Units;
        System.Array.Clear(field);
        var g = 0.0;
        for (var j = 0; j < n; j++)
        {
            if (((gray >> j) & 1) == 0) continue;
            g += quadratic.Linear[j];
            for (var k = 0; k < n; k++) field[k] += quadratic.Gram[k * n + j];
        }

        for (var j = 0; j < n; j++)
            if (((gray >> j) & 1) == 1) g += 0.5 * field[j];
        return g;
    }

    /// <summary>G(h) = Linear^T h + (1/2) h^T Gram h with Linear = c + d and Gram = W^T W (symmetric, nh x nh).</summary>
    private sealed record Quadratic(int Units, double[] Linear, double[] Gram)
    {
        public static Quadratic From(GaussianBernoulliRbm model)
        {
            int nv = model.Visible, nh = model.Hidden;
            var w = model.Weights.Span;
            var linear = model.HiddenBias.ToArray();
            var gram = new double[nh * nh];
            for (var i = 0; i < nv; i++)
            {
                var row = w.Slice(i * nh, nh);
                var scaledBias = model.VisibleBias[i] / model.Sigma[i];
                for (var j = 0; j < nh; j++)
                {
                    linear[j] += scaledBias * row[j];
                    for (var k = 0; k < nh; k++) gram[j * nh + k] += row[j] * row[k];
                }
            }

            return new Quadratic(nh, linear, gram);
        }
    }
}
