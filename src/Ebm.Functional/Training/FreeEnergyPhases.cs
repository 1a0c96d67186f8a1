using System.Numerics.Tensors;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Training;

/// <summary>
/// The sampled likelihood gradient of both RBM families, &lt;dF/dtheta&gt;_data - &lt;dF/dtheta&gt;_samples, and the
/// starting states of their persistent chains.
/// </summary>
/// <remarks>
/// The negative phase uses the free-energy gradient at the samples' visible states, which sums the hidden units out:
/// E[dE(v,h)/dtheta | v] = dF(v)/dtheta, so it has the same expectation as the energy gradient at (v, h) and less
/// variance (Rao-Blackwellisation over h).
/// </remarks>
internal static class FreeEnergyPhases
{
    /// <summary>The Bernoulli RBM's loss gradient estimate, in the layout of <see cref="RbmTraining.Parameters"/>.</summary>
    public static Vec Difference(BernoulliRbm model, Mat data, Mat samples)
    {
        var gradient = RbmTraining.Flatten(model.FreeEnergyGradient(data)).ToArray();
        TensorPrimitives.Subtract<double>(gradient, RbmTraining.Flatten(model.FreeEnergyGradient(samples)).Span, gradient);
        return Vec.Wrap(gradient);
    }

    /// <summary>The Gaussian-Bernoulli RBM's gradient records, data minus samples (sigma in dX/dsigma, not yet in the trained coordinate).</summary>
    public static GaussianBernoulliRbmGradient Difference(GaussianBernoulliRbm model, Mat data, Mat samples) =>
        Subtract(model.FreeEnergyGradient(data), model.FreeEnergyGradient(samples));

    /// <summary>a - b, part by part.</summary>
    public static GaussianBernoulliRbmGradient Subtract(GaussianBernoulliRbmGradient a, GaussianBernoulliRbmGradient b) => new(
        Mat.Wrap(a.Weights.Rows, a.Weights.Columns, Minus(a.Weights.Span, b.Weights.Span)),
        Vec.Wrap(Minus(a.VisibleBias.Span, b.VisibleBias.Span)),
        Vec.Wrap(Minus(a.HiddenBias.Span, b.HiddenBias.Span)),
        Vec.Wrap(Minus(a.Sigma.Span, b.Sigma.Span)));

    /// <summary>Binary joint states with every unit 1 with probability 1/2.</summary>
    public static Mat UniformStates(RngKey key, int rows, int width) => Mat.Create(rows, width, d =>
    {
        key.Uniform(d);
        for (var k = 0; k < d.Length; k++) d[k] = d[k] < 0.5 ? 1.0 : 0.0;
    });

    /// <summary>
    /// Gaussian-Bernoulli joint states: visible unit i drawn from Normal(b_i, sigma_i^2), the data's scale before
    /// training, hidden units 1 with probability 1/2.
    /// </summary>
    public static Mat GaussianStates(RngKey key, GaussianBernoulliRbm model, int rows) => Mat.Create(rows, model.Dimension, d =>
    {
        int nv = model.Visible, width = model.Dimension;
        key.FoldIn(0).Normal(d);
        var uniforms = new double[d.Length];
        key.FoldIn(1).Uniform(uniforms);
        for (var r = 0; r < rows; r++)
        for (var u = 0; u < width; u++)
        {
            var k = r * width + u;
            d[k] = u < nv ? model.VisibleBias[u] + model.Sigma[u] * d[k] : uniforms[k] < 0.5 ? 1.0 : 0.0;
        }
    });

    private static double[] Minus(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var result = new double[a.Length];
        TensorPrimitives.Subtract<double>(a, b, result);
        return result;
    }
}
