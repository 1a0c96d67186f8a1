using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>
/// The joint energy of a Bernoulli RBM over a state x = (v, h), visible units first (indices 0..nv-1),
/// hidden units after (nv..nv+nh-1), all in {0,1}.
/// </summary>
/// <remarks>
/// E(v,h) = -v^T W h - b^T v - c^T h. Local fields (see <see cref="IDiscreteModel"/>):
/// f_i = b_i + (W h)_i for a visible unit, f_j = c_j + (v^T W)_j for a hidden one, and flipping unit k
/// changes the energy by -(x_k' - x_k) f_k, since no unit couples to its own layer.
/// </remarks>
public sealed partial record BernoulliRbm : IDiscreteModel
{
    /// <summary>E(v,h) of one joint state (v then h, length nv + nh).</summary>
    public double Energy(ReadOnlySpan<double> state)
    {
        CheckState(state);
        return Energy(state[..Visible], state[Visible..]);
    }

    /// <summary>E(v,h) = -v^T W h - b^T v - c^T h for a visible vector and a hidden vector.</summary>
    public double Energy(ReadOnlySpan<double> visible, ReadOnlySpan<double> hidden)
    {
        if (visible.Length != Visible || hidden.Length != Hidden)
            throw new ArgumentException($"expected {Visible} visible and {Hidden} hidden values, got {visible.Length} and {hidden.Length}");
        var w = Weights.Span;
        var energy = 0.0;
        for (var i = 0; i < Visible; i++)
        {
            if (visible[i] == 0) continue;
            var row = w.Slice(i * Hidden, Hidden);
            var field = VisibleBias[i];
            for (var j = 0; j < Hidden; j++) field += row[j] * hidden[j];
            energy -= visible[i] * field;
        }

        for (var j = 0; j < Hidden; j++) energy -= HiddenBias[j] * hidden[j];
        return energy;
    }

    /// <summary>E of every row of an n x (nv + nh) batch of joint states; the coupling term is one matrix product V W.</summary>
    public Vec Energies(Mat states)
    {
        if (states.Columns != Dimension) throw new ArgumentException($"expected {Dimension} columns, got {states.Columns}", nameof(states));
        var n = states.Rows;
        var visibleTimesWeights = new double[n * Hidden];
        MatrixProduct.Gemm(false, false, n, Hidden, Visible, 1.0, states.Span, Dimension, Weights.Span, Hidden, 0.0, visibleTimesWeights, Hidden);
        return Vec.Create(n, energies =>
        {
            for (var r = 0; r < n; r++)
            {
                var row = states.Row(r);
                var energy = 0.0;
                for (var i = 0; i < Visible; i++) energy -= VisibleBias[i] * row[i];
                for (var j = 0; j < Hidden; j++) energy -= (visibleTimesWeights[r * Hidden + j] + HiddenBias[j]) * row[Visible + j];
                energies[r] = energy;
            }
        });
    }

    /// <summary>E(x with unit <paramref name="site"/> flipped between 0 and 1) - E(x).</summary>
    public double FlipEnergyChange(ReadOnlySpan<double> state, int site) => -(1.0 - 2.0 * state[site]) * LocalField(state, site);

    /// <summary>
    /// The local field of unit <paramref name="site"/>: b_i + (W h)_i for a visible unit i = site,
    /// c_j + (v^T W)_j for a hidden unit j = site - nv.
    /// </summary>
    public double LocalField(ReadOnlySpan<double> state, int site)
    {
        CheckState(state);
        if ((uint)site >= (uint)Dimension) throw new ArgumentOutOfRangeException(nameof(site));
        var w = Weights.Span;
        if (site < Visible)
        {
            var row = w.Slice(site * Hidden, Hidden);
            var field = VisibleBias[site];
            for (var j = 0; j < Hidden; j++) field += row[j] * state[Visible + j];
            return field;
        }

        var hiddenUnit = site - Visible;
        var hiddenField = HiddenBias[hiddenUnit];
        for (var i = 0; i < Visible; i++) hiddenField += state[i] * w[i * Hidden + hiddenUnit];
        return hiddenField;
    }

    private void CheckState(ReadOnlySpan<double> state)
    {
        if (state.Length != Dimension) throw new ArgumentException($"expected a state of {Dimension} values (nv + nh), got {state.Length}", nameof(state));
    }
}
