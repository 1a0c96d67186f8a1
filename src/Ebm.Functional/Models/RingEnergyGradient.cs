namespace Ebm.Functional.Models;

/// <summary>
/// The gradient of the ring energy E(x, y) = scale (x^2 + y^2 - radius^2)^2 in its parameters, at
/// one point or averaged over a batch.
/// </summary>
/// <remarks>
/// With q = x^2 + y^2 - radius^2: dE/dradius = -4 scale radius q and dE/dscale = q^2. Both
/// parameters must stay positive; a training rule on log-parameters uses d/dlog(theta) = theta d/dtheta.
/// </remarks>
/// <param name="Radius">dE/dradius.</param>
/// <param name="Scale">dE/dscale.</param>
public sealed record RingEnergyGradient(double Radius, double Scale);
