using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>
/// The joint energy of a Gaussian-Bernoulli RBM and its gradient in the visible units.
/// </summary>
/// <remarks>
/// E(v,h) = sum_i (v_i - b_i)^2 / (2 sigma_i^2) - sum_ij (v_i / sigma_i) W_ij h_j - c^T h, with
/// v in R^nv and h in {0,1}^nh (Cho, Ilin and Raiko 2011, "Improved learning of Gaussian-Bernoulli
/// restricted Boltzmann machines", eq. 1 with a per-unit sigma). A joint state is (v, h), visible first.
/// dE/dv_i = (v_i - b_i) / sigma_i^2 - (W h)_i / sigma_i.
/// </remarks>
public sealed partial record GaussianBernoulliRbm
{
    /// <summary>E(v,h) of one joint state (v then h, length nv + nh).</summary>
    public double Energy(ReadOnlySpan<double> state)
    {
        if (state.Length != Dimension) throw new ArgumentException($"expected a state of {Dimension} values (nv + nh), got {state.Length}", nameof(state));
        return Energy(state[..Visible], state[Visible..]);
    }

    /// <summary>E(v,h) for a visible vector and a hidden vector.</summary>
    public double Energy(ReadOnlySpan<double> visible, ReadOnlySpan<double> hidden)
    {
        CheckLayers(visible, hidden);
        var w = Weights.Span;
        var energy = 0.0;
        for (var i = 0; i < Visible; i++)
        {
            var s = Sigma[i];
            var d = visible[i] - VisibleBias[i];
            var coupling = 0.0;
            var row = w.Slice(i * Hidden, Hidden);
            for (var j = 0; j < Hidden; j++) coupling += row[j] * hidden[j];
            energy += d * d / (2.0 * s * s) - visible[i] / s * coupling;
        }

        for (var j = 0; j < Hidden; j++) energy -= HiddenBias[j] * hidden[j];
        return energy;
    }

    /// <summary>E of every row of an n x (nv + nh) batch of joint states.</summary>
    public Vec Energies(Mat states)
    {
        if (states.Columns != Dimension) throw new ArgumentException($"expected {Dimension} columns, got {states.Columns}", nameof(states));
        return Vec.Create(states.Rows, energies =>
        {
            for (var r = 0; r < states.Rows; r++) energies[r] = Energy(states.Row(r));
        });
    }

    /// <summary>Writes dE(v,h)/dv_i = (v_i - b_i) / sigma_i^2 - (W h)_i / sigma_i into <paramref name="gradient"/> (length nv).</summary>
    public void EnergyVisibleGradient(ReadOnlySpan<double> visible, ReadOnlySpan<double> hidden, Span<double> gradient)
    {
        CheckLayers(visible, hidden);
        if (gradient.Length != Visible) throw new ArgumentException($"expected a destination of {Visible} values, got {gradient.Length}", nameof(gradient));
        var w = Weights.Span;
        for (var i = 0; i < Visible; i++)
        {
            var s = Sigma[i];
            var coupling = 0.0;
            var row = w.Slice(i * Hidden, Hidden);
            for (var j = 0; j < Hidden; j++) coupling += row[j] * hidden[j];
            gradient[i] = (visible[i] - VisibleBias[i]) / (s * s) - coupling / s;
        }
    }

    private void CheckLayers(ReadOnlySpan<double> visible, ReadOnlySpan<double> hidden)
    {
        if (visible.Length != Visible || hidden.Length != Hidden)
            throw new ArgumentException($"expected {Visible} visible and {Hidden} hidden values, got {visible.Length} and {hidden.Length}");
    }
}
