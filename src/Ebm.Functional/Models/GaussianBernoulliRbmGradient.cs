using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>
/// A gradient with respect to the parameters (W, b, c, sigma) of a <see cref="GaussianBernoulliRbm"/>, shaped like them.
/// </summary>
/// <param name="Weights">dX/dW, nv x nh.</param>
/// <param name="VisibleBias">dX/db, nv.</param>
/// <param name="HiddenBias">dX/dc, nh.</param>
/// <param name="Sigma">dX/dsigma, nv.</param>
public sealed record GaussianBernoulliRbmGradient(Mat Weights, Vec VisibleBias, Vec HiddenBias, Vec Sigma);
