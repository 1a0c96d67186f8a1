using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Models;

/// <summary>
/// A Bernoulli-Bernoulli restricted Boltzmann machine: E(v,h) = -v^T W h - b^T v - c^T h with
/// v in {0,1}^nv, h in {0,1}^nh and W of shape nv x nh (row-major).
/// </summary>
/// <remarks>
/// Free energy of a visible vector: F(v) = -b^T v - sum_j softplus(c_j + (v^T W)_j), so
/// p(v) = exp(-F(v)) / Z. As an <see cref="IDiscreteModel"/> a state is the joint (v, h),
/// visible units first.
/// </remarks>
public sealed partial record BernoulliRbm : IEnergyModel
{
    private BernoulliRbm(Mat weights, Vec visibleBias, Vec hiddenBias)
    {
        Weights = weights;
        VisibleBias = visibleBias;
        HiddenBias = hiddenBias;
    }

    /// <summary>W, nv x nh.</summary>
    public Mat Weights { get; }

    /// <summary>Visible biases b (nv).</summary>
    public Vec VisibleBias { get; }

    /// <summary>Hidden biases c (nh).</summary>
    public Vec HiddenBias { get; }

    /// <summary>Number of visible units nv.</summary>
    public int Visible => VisibleBias.Length;

    /// <summary>Number of hidden units nh.</summary>
    public int Hidden => HiddenBias.Length;

    /// <inheritdoc />
    public string Kind => "bernoulli-rbm";

    /// <inheritdoc />
    public int Dimension => Visible + Hidden;

    /// <inheritdoc />
    public StateConvention States => StateConvention.Binary;

    /// <summary>Validates and builds an RBM; every problem is reported.</summary>
    public static Validation<Error, BernoulliRbm> Create(Mat weights, Vec visibleBias, Vec hiddenBias)
    {
        var errors = RbmChecks.Layers(weights, visibleBias, hiddenBias);
        return FieldChecks.Result(errors, () => new BernoulliRbm(weights, visibleBias, hiddenBias));
    }

    /// <summary>
    /// Builds an RBM from layers the caller has already checked (shapes of an existing model, every entry finite) and
    /// hands over: a trainer's step that tested finiteness while writing the new parameters skips a second pass.
    /// </summary>
    internal static BernoulliRbm FromCheckedLayers(Mat weights, Vec visibleBias, Vec hiddenBias) => new(weights, visibleBias, hiddenBias);
}
