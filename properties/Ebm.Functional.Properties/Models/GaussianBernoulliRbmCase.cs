using Ebm.Functional.Models;

namespace Ebm.Functional.Properties.Models;

/// <summary>A small Gaussian-Bernoulli RBM with one joint state (v, h).</summary>
public sealed record GaussianBernoulliRbmCase(GaussianBernoulliRbm Model, double[] Visible, double[] Hidden)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"W={string.Join(",", Model.Weights.Span.ToArray())} b={Model.VisibleBias} c={Model.HiddenBias} sigma={Model.Sigma} v=[{string.Join(",", Visible)}] h=[{string.Join(",", Hidden)}]";
}
