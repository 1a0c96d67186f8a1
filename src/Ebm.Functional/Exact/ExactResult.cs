using LanguageExt;

namespace Ebm.Functional.Exact;

/// <summary>
/// The exact thermodynamics of a model at one inverse temperature, totals over the whole model.
/// </summary>
/// <remarks>
/// With p_beta(x) = exp(-beta E(x)) / Z(beta):
/// U = &lt;E&gt; = -d log Z / d beta, F = -log Z / beta, S = beta (U - F) (in units of k_B),
/// C = beta^2 Var(E) = beta^2 d^2 log Z / d beta^2.
/// </remarks>
/// <param name="Method">The exact method that produced the numbers ("enumeration", "kaufman", ...).</param>
/// <param name="Beta">Inverse temperature.</param>
/// <param name="LogZ">log Z(beta).</param>
/// <param name="MeanEnergy">U = &lt;E&gt;.</param>
/// <param name="EnergyVariance">Var(E) = &lt;E^2&gt; - &lt;E&gt;^2.</param>
/// <param name="Magnetisation">Moments of M = sum_i x_i where the method gives them: the magnetisation for spins, the number of active units for {0,1} models.</param>
public sealed record ExactResult(
    string Method,
    double Beta,
    double LogZ,
    double MeanEnergy,
    double EnergyVariance,
    Option<MagnetisationMoments> Magnetisation)
{
    /// <summary>F = -log Z / beta (infinite at beta = 0).</summary>
    public double FreeEnergy => -LogZ / Beta;

    /// <summary>S = beta (U - F) = beta U + log Z.</summary>
    public double Entropy => Beta * MeanEnergy + LogZ;

    /// <summary>C = beta^2 Var(E).</summary>
    public double HeatCapacity => Beta * Beta * EnergyVariance;
}
