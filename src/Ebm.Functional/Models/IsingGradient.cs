namespace Ebm.Functional.Models;

/// <summary>
/// The gradient of the Ising energy in its parameters, for one state or averaged over a batch.
/// </summary>
/// <remarks>
/// From E(s) = -J B(s) - h M(s), with B(s) = sum over bonds of s_i s_j and M(s) = sum_i s_i:
/// dE/dJ = -B(s) and dE/dh = -M(s). The log-likelihood gradient of a model at beta = 1 is then
/// &lt;dE/dtheta&gt;_model - &lt;dE/dtheta&gt;_data.
/// </remarks>
/// <param name="Coupling">dE/dJ = -sum over bonds of s_i s_j.</param>
/// <param name="Field">dE/dh = -sum_i s_i.</param>
public sealed record IsingGradient(double Coupling, double Field);
