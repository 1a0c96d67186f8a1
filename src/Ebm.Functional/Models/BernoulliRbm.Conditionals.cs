using System.Numerics.Tensors;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>
/// Batch conditionals of a Bernoulli RBM at inverse temperature beta: one matrix product per layer.
/// </summary>
/// <remarks>
/// Under p_beta(v,h) ∝ exp(-beta E(v,h)) the units of one layer are independent given the other:
/// p(h_j = 1 | v) = sigmoid(beta (c_j + (v^T W)_j)) and p(v_i = 1 | h) = sigmoid(beta (b_i + (W h)_i)).
/// A batch of n states is an n x nv (or n x nh) matrix, so a whole Gibbs half-step is the product V W
/// (or H W^T) through <see cref="MatrixProduct"/>.
/// </remarks>
public sealed partial record BernoulliRbm
{
    /// <summary>sigmoid(beta (V W + c)): p(h_j = 1 | v) for every row of an n x nv batch, as an n x nh matrix.</summary>
    public Mat HiddenProbabilities(Mat visible, double beta)
    {
        var field = HiddenPreActivations(visible, beta);
        TensorPrimitives.Sigmoid<double>(field, field);
        return Mat.Wrap(visible.Rows, Hidden, field);
    }

    /// <summary>sigmoid(beta (H W^T + b)): p(v_i = 1 | h) for every row of an n x nh batch, as an n x nv matrix.</summary>
    public Mat VisibleProbabilities(Mat hidden, double beta)
    {
        var field = VisiblePreActivations(hidden, beta);
        TensorPrimitives.Sigmoid<double>(field, field);
        return Mat.Wrap(hidden.Rows, Visible, field);
    }

    /// <summary>beta (V W + c), n x nh row-major.</summary>
    private double[] HiddenPreActivations(Mat visible, double beta)
    {
        if (visible.Columns != Visible) throw new ArgumentException($"expected {Visible} columns, got {visible.Columns}", nameof(visible));
        var n = visible.Rows;
        var field = new double[n * Hidden];
        for (var r = 0; r < n; r++) HiddenBias.Span.CopyTo(field.AsSpan(r * Hidden, Hidden));
        MatrixProduct.Gemm(false, false, n, Hidden, Visible, beta, visible.Span, Visible, Weights.Span, Hidden, beta, field, Hidden);
        return field;
    }

    /// <summary>beta (H W^T + b), n x nv row-major.</summary>
    private double[] VisiblePreActivations(Mat hidden, double beta)
    {
        if (hidden.Columns != Hidden) throw new ArgumentException($"expected {Hidden} columns, got {hidden.Columns}", nameof(hidden));
        var n = hidden.Rows;
        var field = new double[n * Visible];
        for (var r = 0; r < n; r++) VisibleBias.Span.CopyTo(field.AsSpan(r * Visible, Visible));
        MatrixProduct.Gemm(false, true, n, Visible, Hidden, beta, hidden.Span, Hidden, Weights.Span, Hidden, beta, field, Visible);
        return field;
    }
}
