using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>
/// Free energies of a Bernoulli RBM: one layer summed out analytically.
/// </summary>
/// <remarks>
/// Visible: F(v) = -log sum_h exp(-E(v,h)) = -b^T v - sum_j softplus(c_j + (v^T W)_j).
/// Hidden (the symmetric case): F(h) = -log sum_v exp(-E(v,h)) = -c^T h - sum_i softplus(b_i + (W h)_i).
/// So p(v) = exp(-F(v)) / Z and p(h) = exp(-F(h)) / Z with the same Z (Hinton 2010, "A practical guide
/// to training restricted Boltzmann machines", sec. 16.1). Softplus is evaluated stably, so large
/// weights do not overflow.
/// </remarks>
public sealed partial record BernoulliRbm
{
    /// <summary>F(v) = -b^T v - sum_j softplus(c_j + (v^T W)_j) of one visible vector.</summary>
    public double FreeEnergy(ReadOnlySpan<double> visible)
    {
        if (visible.Length != Visible) throw new ArgumentException($"expected {Visible} visible values, got {visible.Length}", nameof(visible));
        var w = Weights.Span;
        Span<double> field = Hidden <= 256 ? stackalloc double[Hidden] : new double[Hidden];
        HiddenBias.Span.CopyTo(field);
        var energy = 0.0;
        for (var i = 0; i < Visible; i++)
        {
            if (visible[i] == 0) continue;
            energy -= VisibleBias[i] * visible[i];
            var row = w.Slice(i * Hidden, Hidden);
            for (var j = 0; j < Hidden; j++) field[j] += visible[i] * row[j];
        }

        for (var j = 0; j < Hidden; j++) energy -= LogSpace.Softplus(field[j]);
        return energy;
    }

    /// <summary>F(v) of every row of an n x nv batch; the pre-activations are one matrix product V W.</summary>
    public Vec FreeEnergies(Mat visible)
    {
        if (visible.Columns != Visible) throw new ArgumentException($"expected {Visible} columns, got {visible.Columns}", nameof(visible));
        var n = visible.Rows;
        var field = HiddenPreActivations(visible, 1.0);
        return Vec.Create(n, energies =>
        {
            for (var r = 0; r < n; r++)
            {
                var energy = 0.0;
                var row = visible.Row(r);
                for (var i = 0; i < Visible; i++) energy -= VisibleBias[i] * row[i];
                for (var j = 0; j < Hidden; j++) energy -= LogSpace.Softplus(field[r * Hidden + j]);
                energies[r] = energy;
            }
        });
    }

    /// <summary>F(h) = -c^T h - sum_i softplus(b_i + (W h)_i) of one hidden vector.</summary>
    public double HiddenFreeEnergy(ReadOnlySpan<double> hidden)
    {
        if (hidden.Length != Hidden) throw new ArgumentException($"expected {Hidden} hidden values, got {hidden.Length}", nameof(hidden));
        var w = Weights.Span;
        var energy = 0.0;
        for (var j = 0; j < Hidden; j++) energy -= HiddenBias[j] * hidden[j];
        for (var i = 0; i < Visible; i++)
        {
            var row = w.Slice(i * Hidden, Hidden);
            var field = VisibleBias[i];
            for (var j = 0; j < Hidden; j++) field += row[j] * hidden[j];
            energy -= LogSpace.Softplus(field);
        }

        return energy;
    }

    /// <summary>F(h) of every row of an n x nh batch; the pre-activations are one matrix product H W^T.</summary>
    public Vec HiddenFreeEnergies(Mat hidden)
    {
        if (hidden.Columns != Hidden) throw new ArgumentException($"expected {Hidden} columns, got {hidden.Columns}", nameof(hidden));
        var n = hidden.Rows;
        var field = VisiblePreActivations(hidden, 1.0);
        return Vec.Create(n, energies =>
        {
            for (var r = 0; r < n; r++)
            {
                var energy = 0.0;
                var row = hidden.Row(r);
                for (var j = 0; j < Hidden; j++) energy -= HiddenBias[j] * row[j];
                for (var i = 0; i < Visible; i++) energy -= LogSpace.Softplus(field[r * Visible + i]);
                energies[r] = energy;
            }
        });
    }
}
