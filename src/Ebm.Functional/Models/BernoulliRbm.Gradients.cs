using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>
/// Gradients of the Bernoulli RBM energy and free energy with respect to its parameters.
/// </summary>
/// <remarks>
/// dE(v,h)/dW = -v h^T, dE/db = -v, dE/dc = -h. For the free energy, with p_j = sigmoid(c_j + (v^T W)_j),
/// dF(v)/dW = -v p^T, dF/db = -v, dF/dc = -p (Hinton 2010, "A practical guide to training restricted
/// Boltzmann machines"). The batch forms average over the rows, and their weight part is one
/// matrix product V^T P / n.
/// </remarks>
public sealed partial record BernoulliRbm
{
    /// <summary>dE(v,h)/d(W, b, c) = (-v h^T, -v, -h) at one visible and one hidden vector.</summary>
    public RbmGradient EnergyGradient(ReadOnlySpan<double> visible, ReadOnlySpan<double> hidden)
    {
        if (visible.Length != Visible || hidden.Length != Hidden)
            throw new ArgumentException($"expected {Visible} visible and {Hidden} hidden values, got {visible.Length} and {hidden.Length}");
        var v = visible.ToArray();
        var h = hidden.ToArray();
        var weights = Mat.Create(Visible, Hidden, d =>
        {
            for (var i = 0; i < v.Length; i++)
            for (var j = 0; j < h.Length; j++)
                d[i * h.Length + j] = -v[i] * h[j];
        });
        return new RbmGradient(weights, Negated(v), Negated(h));
    }

    /// <summary>The energy gradient averaged over paired rows of an n x nv and an n x nh batch (the negative phase of training).</summary>
    public RbmGradient EnergyGradient(Mat visible, Mat hidden)
    {
        if (visible.Columns != Visible || hidden.Columns != Hidden || visible.Rows != hidden.Rows || visible.Rows == 0)
            throw new ArgumentException($"expected n x {Visible} and n x {Hidden} batches with n >= 1, got {visible} and {hidden}");
        return AveragedGradient(visible, hidden.Span);
    }

    /// <summary>dF(v)/d(W, b, c) averaged over the rows of an n x nv batch (the positive phase of training).</summary>
    public RbmGradient FreeEnergyGradient(Mat visible)
    {
        if (visible.Rows == 0) throw new ArgumentException("expected at least one row", nameof(visible));
        var probabilities = HiddenProbabilities(visible, 1.0);
        return AveragedGradient(visible, probabilities.Span);
    }

    /// <summary>(-V^T H / n, -mean of V, -mean of H) for an n x nv batch V and an n x nh batch H.</summary>
    private RbmGradient AveragedGradient(Mat visible, ReadOnlySpan<double> hidden)
    {
        var n = visible.Rows;
        var scale = -1.0 / n;
        var weights = new double[Visible * Hidden];
        MatrixProduct.Gemm(true, false, Visible, Hidden, n, scale, visible.Span, Visible, hidden, Hidden, 0.0, weights, Hidden);
        var hiddenMean = new double[Hidden];
        for (var r = 0; r < n; r++)
        for (var j = 0; j < Hidden; j++)
            hiddenMean[j] += scale * hidden[r * Hidden + j];
        var visibleMean = new double[Visible];
        for (var r = 0; r < n; r++)
        {
            var row = visible.Row(r);
            for (var i = 0; i < Visible; i++) visibleMean[i] += scale * row[i];
        }

        return new RbmGradient(Mat.Wrap(Visible, Hidden, weights), Vec.Wrap(visibleMean), Vec.Wrap(hiddenMean));
    }

    private static Vec Negated(double[] values) => Vec.Create(values.Length, d =>
    {
        for (var i = 0; i < values.Length; i++) d[i] = -values[i];
    });
}
