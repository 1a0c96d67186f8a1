using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>
/// The gradient of the Gaussian energy E(x) = 1/2 (x - mu)^T P (x - mu) in its parameters, at one
/// point or averaged over a batch.
/// </summary>
/// <remarks>
/// With r = x - mu: dE/dmu = -P r and dE/dP = 1/2 r r^T. The precision entry is the derivative
/// with every P_ij treated as a free entry; when P is parameterised as a symmetric matrix whose
/// off-diagonal pair (i, j), (j, i) is one parameter, its derivative is the sum of both entries,
/// r_i r_j. Training updates P through this gradient must keep P positive definite (for instance by
/// parameterising through a Cholesky factor, dE/dL = (dE/dP + dE/dP^T) L).
/// </remarks>
/// <param name="Mean">dE/dmu, length d.</param>
/// <param name="Precision">dE/dP, d x d and symmetric.</param>
public sealed record GaussianGradient(Vec Mean, Mat Precision);
