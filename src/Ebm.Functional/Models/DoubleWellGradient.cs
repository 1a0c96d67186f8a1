namespace Ebm.Functional.Models;

/// <summary>
/// The gradient of the double-well energy E(x, y) = barrier (x^2 - 1)^2 + stiffness y^2 / 2 in its
/// parameters, at one point or averaged over a batch.
/// </summary>
/// <remarks>
/// dE/dbarrier = (x^2 - 1)^2 and dE/dstiffness = y^2 / 2. Both parameters must stay positive; a
/// training rule on log-parameters uses d/dlog(theta) = theta d/dtheta.
/// </remarks>
/// <param name="Barrier">dE/dbarrier.</param>
/// <param name="Stiffness">dE/dstiffness.</param>
public sealed record DoubleWellGradient(double Barrier, double Stiffness);
