using LanguageExt;

namespace Ebm.Functional.Exact;

/// <summary>
/// The exact thermodynamics of a model at one inverse temperature, totals over the whole model.
/// </summary>
/// <remarks>
/// <para>With p_beta(x) = exp(-beta E(x)) / Z(beta):
/// U = &lt;E&gt; = -d log Z / d beta, F = -log Z / beta, S = beta (U - F) (in units of k_B),
/// C = beta^2 Var(E) = beta^2 d^2 log Z / d beta^2.</para>
/// <para>S and C are stored, not recomputed on each read: a method that knows a form without
/// cancellation or overflow sets them (the Gaussian's C = d/2 exactly, an enumeration's entropy as a
/// sum of non-negative terms, which stays accurate where beta U and log Z are both 1e200 and cancel);
/// otherwise they default to beta U + log Z and beta^2 Var(E), the latter formed so that beta^2 may
/// overflow or Var(E) underflow while their product is representable. Results that leave the exact
/// methods through <see cref="LogPartition"/> have every field finite (F is -infinity at beta = 0,
/// its exact value), checked by <see cref="ExactResultCheck.Finite(Ebm.Functional.Models.IEnergyModel, ExactResult)"/>.</para>
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
    /// <summary>F = -log Z / beta (-infinity at beta = 0, where log Z = n log 2 &gt; 0 for a discrete model).</summary>
    public double FreeEnergy => -LogZ / Beta;

    /// <summary>S = beta (U - F) = beta U + log Z, from the method's cancellation-free form where it has one.</summary>
    public double Entropy { get; init; } = ExactThermodynamics.Entropy(Beta, MeanEnergy, LogZ);

    /// <summary>C = beta^2 Var(E), from the method's closed form where it has one.</summary>
    public double HeatCapacity { get; init; } = ExactThermodynamics.HeatCapacity(Beta, EnergyVariance);
}
