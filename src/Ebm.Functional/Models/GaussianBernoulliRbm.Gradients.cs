using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>
/// Gradients of the Gaussian-Bernoulli RBM energy and free energy with respect to its parameters.
/// </summary>
/// <remarks>
/// Differentiating E(v,h) = sum_i (v_i - b_i)^2 / (2 sigma_i^2) - sum_ij (v_i / sigma_i) W_ij h_j - c^T h:
/// dE/dW_ij = -(v_i / sigma_i) h_j, dE/db_i = -(v_i - b_i) / sigma_i^2, dE/dc_j = -h_j,
/// dE/dsigma_i = -(v_i - b_i)^2 / sigma_i^3 + (v_i / sigma_i^2) (W h)_i.
/// The free energy F(v) has the same formulas with h_j replaced by p_j = sigmoid(c_j + sum_i (v_i / sigma_i) W_ij).
/// Batch forms average over the rows.
/// </remarks>
public sealed partial record GaussianBernoulliRbm
{
    /// <summary>dE(v,h)/d(W, b, c, sigma) at one visible and one hidden vector.</summary>
    public GaussianBernoulliRbmGradient EnergyGradient(ReadOnlySpan<double> visible, ReadOnlySpan<double> hidden)
    {
        CheckLayers(visible, hidden);
        return AveragedGradient(Mat.From(1, Visible, visible), hidden.ToArray());
    }

    /// <summary>The energy gradient averaged over paired rows of an n x nv and an n x nh batch.</summary>
    public GaussianBernoulliRbmGradient EnergyGradient(Mat visible, Mat hidden)
    {
        if (visible.Columns != Visible || hidden.Columns != Hidden || visible.Rows != hidden.Rows || visible.Rows == 0)
            throw new ArgumentException($"expected n x {Visible} and n x {Hidden} batches with n >= 1, got {visible} and {hidden}");
        return AveragedGradient(visible, hidden.Span);
    }

    /// <summary>dF(v)/d(W, b, c, sigma) averaged over the rows of an n x nv batch.</summary>
    public GaussianBernoulliRbmGradient FreeEnergyGradient(Mat visible)
    {
        if (visible.Rows == 0) throw new ArgumentException("expected at least one row", nameof(visible));
        return AveragedGradient(visible, HiddenProbabilities(visible, 1.0).Span);
    }

    /// <summary>The gradient averaged over rows, with <paramref name="hidden"/> (n x nh) standing for h or its probabilities.</summary>
    private GaussianBernoulliRbmGradient AveragedGradient(Mat visible, ReadOnlySpan<double> hidden)
    {
        var n = visible.Rows;
        var scale = 1.0 / n;
        var scaled = ScaledVisible(visible);
        var weights = new double[Visible * Hidden];
        MatrixProduct.Gemm(true, false, Visible, Hidden, n, -scale, scaled, Visible, hidden, Hidden, 0.0, weights, Hidden);
        var coupling = new double[n * Visible];
        MatrixProduct.Gemm(false, true, n, Visible, Hidden, 1.0, hidden, Hidden, Weights.Span, Hidden, 0.0, coupling, Visible);
        var visibleBias = new double[Visible];
        var sigma = new double[Visible];
        for (var r = 0; r < n; r++)
        {
            var row = visible.Row(r);
            for (var i = 0; i < Visible; i++)
            {
                var s = Sigma[i];
                var d = row[i] - VisibleBias[i];
                visibleBias[i] -= scale * d / (s * s);
                sigma[i] += scale * (-d * d / (s * s * s) + row[i] / (s * s) * coupling[r * Visible + i]);
            }
        }

        var hiddenBias = new double[Hidden];
        for (var r = 0; r < n; r++)
        for (var j = 0; j < Hidden; j++)
            hiddenBias[j] -= scale * hidden[r * Hidden + j];
        return new GaussianBernoulliRbmGradient(Mat.Wrap(Visible, Hidden, weights), Vec.Wrap(visibleBias), Vec.Wrap(hiddenBias), Vec.Wrap(sigma));
    }
}
