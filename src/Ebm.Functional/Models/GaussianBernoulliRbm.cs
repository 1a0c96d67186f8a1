using Ebm.Functional.Numerics;
using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Functional.Models;

/// <summary>
/// A Gaussian-Bernoulli RBM with a standard deviation per visible unit:
/// E(v,h) = sum_i (v_i - b_i)^2 / (2 sigma_i^2) - sum_ij (v_i / sigma_i) W_ij h_j - c^T h,
/// v in R^nv, h in {0,1}^nh, W of shape nv x nh.
/// </summary>
public sealed partial record GaussianBernoulliRbm : IEnergyModel
{
    private GaussianBernoulliRbm(Mat weights, Vec visibleBias, Vec hiddenBias, Vec sigma)
    {
        Weights = weights;
        VisibleBias = visibleBias;
        HiddenBias = hiddenBias;
        Sigma = sigma;
    }

    /// <summary>W, nv x nh.</summary>
    public Mat Weights { get; }

    /// <summary>Visible means b (nv).</summary>
    public Vec VisibleBias { get; }

    /// <summary>Hidden biases c (nh).</summary>
    public Vec HiddenBias { get; }

    /// <summary>Visible standard deviations sigma (nv), all positive.</summary>
    public Vec Sigma { get; }

    /// <summary>Number of visible units nv.</summary>
    public int Visible => VisibleBias.Length;

    /// <summary>Number of hidden units nh.</summary>
    public int Hidden => HiddenBias.Length;

    /// <inheritdoc />
    public string Kind => "gaussian-bernoulli-rbm";

    /// <inheritdoc />
    public int Dimension => Visible + Hidden;

    /// <summary>Validates and builds the model; every problem is reported.</summary>
    public static Validation<Error, GaussianBernoulliRbm> Create(Mat weights, Vec visibleBias, Vec hiddenBias, Vec sigma)
    {
        var errors = RbmChecks.Layers(weights, visibleBias, hiddenBias);
        FieldChecks.Length(errors, "sigma", sigma, visibleBias.Length, "one per visible unit");
        FieldChecks.Finite(errors, "sigma", sigma);
        for (var i = 0; i < sigma.Length; i++)
            if (sigma[i] <= 0)
            {
                errors.Add(ModelErrors.InvalidField("sigma", $"entry {i} = {sigma[i]}, expected a positive number"));
                break;
            }

        return FieldChecks.Result(errors, () => new GaussianBernoulliRbm(weights, visibleBias, hiddenBias, sigma));
    }
}
