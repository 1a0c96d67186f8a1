using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>
/// The free energy of a Gaussian-Bernoulli RBM (hidden units summed out) and its gradient in v.
/// </summary>
/// <remarks>
/// F(v) = -log sum_h exp(-E(v,h)) = sum_i (v_i - b_i)^2 / (2 sigma_i^2) - sum_j softplus(c_j + sum_i (v_i / sigma_i) W_ij),
/// so p(v) = exp(-F(v)) / Z. With p_j = sigmoid(c_j + sum_i (v_i / sigma_i) W_ij):
/// dF/dv_i = (v_i - b_i) / sigma_i^2 - (1 / sigma_i) sum_j W_ij p_j, the energy a continuous sampler
/// (Langevin, HMC) over v alone uses.
/// </remarks>
public sealed partial record GaussianBernoulliRbm
{
    /// <summary>F(v) of one visible vector.</summary>
    public double FreeEnergy(ReadOnlySpan<double> visible)
    {
        var field = HiddenField(visible);
        var energy = QuadraticTerm(visible);
        for (var j = 0; j < Hidden; j++) energy -= LogSpace.Softplus(field[j]);
        return energy;
    }

    /// <summary>F(v) of every row of an n x nv batch.</summary>
    public Vec FreeEnergies(Mat visible)
    {
        var field = HiddenPreActivations(visible, 1.0);
        return Vec.Create(visible.Rows, energies =>
        {
            for (var r = 0; r < visible.Rows; r++)
            {
                var energy = QuadraticTerm(visible.Row(r));
                for (var j = 0; j < Hidden; j++) energy -= LogSpace.Softplus(field[r * Hidden + j]);
                energies[r] = energy;
            }
        });
    }

    /// <summary>Writes dF(v)/dv into <paramref name="gradient"/> (length nv).</summary>
    public void FreeEnergyVisibleGradient(ReadOnlySpan<double> visible, Span<double> gradient)
    {
        if (gradient.Length != Visible) throw new ArgumentException($"expected a destination of {Visible} values, got {gradient.Length}", nameof(gradient));
        var probability = HiddenField(visible);
        for (var j = 0; j < Hidden; j++) probability[j] = LogSpace.Sigmoid(probability[j]);
        var w = Weights.Span;
        for (var i = 0; i < Visible; i++)
        {
            var s = Sigma[i];
            var coupling = 0.0;
            var row = w.Slice(i * Hidden, Hidden);
            for (var j = 0; j < Hidden; j++) coupling += row[j] * probability[j];
            gradient[i] = (visible[i] - VisibleBias[i]) / (s * s) - coupling / s;
        }
    }

    /// <summary>c_j + sum_i (v_i / sigma_i) W_ij for one visible vector.</summary>
    private double[] HiddenField(ReadOnlySpan<double> visible)
    {
        if (visible.Length != Visible) throw new ArgumentException($"expected {Visible} visible values, got {visible.Length}", nameof(visible));
        var w = Weights.Span;
        var field = HiddenBias.ToArray();
        for (var i = 0; i < Visible; i++)
        {
            var scaled = visible[i] / Sigma[i];
            var row = w.Slice(i * Hidden, Hidden);
            for (var j = 0; j < Hidden; j++) field[j] += scaled * row[j];
        }

        return field;
    }

    /// <summary>sum_i (v_i - b_i)^2 / (2 sigma_i^2).</summary>
    private double QuadraticTerm(ReadOnlySpan<double> visible)
    {
        var sum = 0.0;
        for (var i = 0; i < Visible; i++)
        {
            var z = (visible[i] - VisibleBias[i]) / Sigma[i];
            sum += 0.5 * z * z;
        }

        return sum;
    }
}
