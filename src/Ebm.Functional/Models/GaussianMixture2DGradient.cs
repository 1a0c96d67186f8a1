using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>
/// The gradient of the mixture energy E(x) = -log sum_k w_k N(x; mu_k, sigma_k^2 I) in its
/// parameters, at one point or averaged over a batch.
/// </summary>
/// <remarks>
/// With responsibilities r_k(x) = w_k N_k(x) / sum_j w_j N_j(x) (which sum to 1):
/// dE/dlog w_k = -r_k, dE/dw_k = -r_k / w_k, dE/dmu_k = -r_k (x - mu_k) / sigma_k^2 and
/// dE/dsigma_k = r_k (2 / sigma_k - |x - mu_k|^2 / sigma_k^3) (the 2 is the dimension).
/// The weights are not normalised (Z(1) = sum_k w_k), so every weight is a free parameter; the
/// log-weight form is the better-conditioned one for training.
/// </remarks>
/// <param name="LogWeights">dE/dlog w_k, length K.</param>
/// <param name="Weights">dE/dw_k, length K.</param>
/// <param name="Means">dE/dmu_k, K x 2.</param>
/// <param name="Sigmas">dE/dsigma_k, length K.</param>
public sealed record GaussianMixture2DGradient(Vec LogWeights, Vec Weights, Mat Means, Vec Sigmas);
