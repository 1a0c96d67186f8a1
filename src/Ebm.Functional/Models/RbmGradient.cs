using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>
/// A gradient with respect to the parameters (W, b, c) of a <see cref="BernoulliRbm"/>, shaped like them.
/// </summary>
/// <remarks>
/// Maximum-likelihood training uses d(-log p(v))/dtheta = &lt;dF(v)/dtheta&gt;_data - &lt;dE(v,h)/dtheta&gt;_model:
/// the first term is <see cref="BernoulliRbm.FreeEnergyGradient"/> averaged over a data batch (the positive
/// phase), the second <see cref="BernoulliRbm.EnergyGradient(Mat, Mat)"/> averaged over model samples
/// (the negative phase).
/// </remarks>
/// <param name="Weights">dX/dW, nv x nh.</param>
/// <param name="VisibleBias">dX/db, nv.</param>
/// <param name="HiddenBias">dX/dc, nh.</param>
public sealed record RbmGradient(Mat Weights, Vec VisibleBias, Vec HiddenBias);
