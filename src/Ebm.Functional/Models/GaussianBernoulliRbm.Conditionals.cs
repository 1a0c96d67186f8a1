using System.Numerics.Tensors;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>
/// Batch conditionals of a Gaussian-Bernoulli RBM at inverse temperature beta.
/// </summary>
/// <remarks>
/// Completing the square in v_i gives, under p_beta(v,h) ∝ exp(-beta E(v,h)):
/// p(h_j = 1 | v) = sigmoid(beta (c_j + sum_i (v_i / sigma_i) W_ij)), and
/// v_i | h ~ Normal(mean b_i + sigma_i (W h)_i, variance sigma_i^2 / beta), independently over i.
/// </remarks>
public sealed partial record GaussianBernoulliRbm
{
    /// <summary>sigmoid(beta (c + (V / sigma) W)) for every row of an n x nv batch, as an n x nh matrix.</summary>
    public Mat HiddenProbabilities(Mat visible, double beta)
    {
        var field = HiddenPreActivations(visible, beta);
        TensorPrimitives.Sigmoid<double>(field, field);
        return Mat.Wrap(visible.Rows, Hidden, field);
    }

    /// <summary>The conditional means b_i + sigma_i (W h)_i of v given every row of an n x nh batch, as an n x nv matrix.</summary>
    public Mat VisibleMeans(Mat hidden)
    {
        if (hidden.Columns != Hidden) throw new ArgumentException($"expected {Hidden} columns, got {hidden.Columns}", nameof(hidden));
        var n = hidden.Rows;
        var coupling = new double[n * Visible];
        MatrixProduct.Gemm(false, true, n, Visible, Hidden, 1.0, hidden.Span, Hidden, Weights.Span, Hidden, 0.0, coupling, Visible);
        for (var r = 0; r < n; r++)
        for (var i = 0; i < Visible; i++)
            coupling[r * Visible + i] = VisibleBias[i] + Sigma[i] * coupling[r * Visible + i];
        return Mat.Wrap(n, Visible, coupling);
    }

    /// <summary>The conditional standard deviations sigma_i / sqrt(beta) of v given h (they do not depend on h); beta &gt; 0.</summary>
    public Vec VisibleStandardDeviations(double beta)
    {
        if (!(beta > 0)) throw new ArgumentOutOfRangeException(nameof(beta), beta, "the visible conditional needs beta > 0");
        var scale = 1.0 / Math.Sqrt(beta);
        return Sigma.Map(s => s * scale);
    }

    /// <summary>beta (c + (V / sigma) W), n x nh row-major.</summary>
    private double[] HiddenPreActivations(Mat visible, double beta)
    {
        if (visible.Columns != Visible) throw new ArgumentException($"expected {Visible} columns, got {visible.Columns}", nameof(visible));
        var n = visible.Rows;
        var scaled = ScaledVisible(visible);
        var field = new double[n * Hidden];
        for (var r = 0; r < n; r++) HiddenBias.Span.CopyTo(field.AsSpan(r * Hidden, Hidden));
        MatrixProduct.Gemm(false, false, n, Hidden, Visible, beta, scaled, Visible, Weights.Span, Hidden, beta, field, Hidden);
        return field;
    }

    /// <summary>V / sigma (each column divided by its sigma), n x nv row-major.</summary>
    private double[] ScaledVisible(Mat visible)
    {
        var scaled = new double[visible.Rows * Visible];
        for (var r = 0; r < visible.Rows; r++)
        {
            var row = visible.Row(r);
            for (var i = 0; i < Visible; i++) scaled[r * Visible + i] = row[i] / Sigma[i];
        }

        return scaled;
    }
}
