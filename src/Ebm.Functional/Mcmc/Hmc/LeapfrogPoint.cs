using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Hmc;

/// <summary>A point of phase space with its cached energy and gradient, as the leapfrog integrator returns it.</summary>
/// <param name="Position">x (d).</param>
/// <param name="Momentum">p (d).</param>
/// <param name="Energy">E(x) (not beta E); NaN or infinite when the trajectory left the model's domain.</param>
/// <param name="Gradient">dE/dx at x (d).</param>
public sealed record LeapfrogPoint(Vec Position, Vec Momentum, double Energy, Vec Gradient);
