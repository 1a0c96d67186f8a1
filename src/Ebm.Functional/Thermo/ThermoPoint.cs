using LanguageExt;

namespace Ebm.Functional.Thermo;

/// <summary>
/// Thermodynamics of a model at one inverse temperature, each quantity with its standard error; totals over the
/// model, as <see cref="Exact.ExactResult"/> has them.
/// </summary>
/// <remarks>
/// U = &lt;E&gt; = -d log Z / d beta, F = -log Z / beta, S = beta (U - F), C = beta^2 Var(E). Methods that sample
/// anchor log Z at beta = 0, where it is known exactly for a discrete model (n log q), so log Z is absolute.
/// <see cref="HeatCapacityFromSlope"/> is C = -beta^2 dU/d beta estimated from U at neighbouring points, where the
/// method gives it: the two forms of C agreeing within their errors is a check of the run.
/// </remarks>
/// <param name="Method">The method that produced the numbers ("exact", "pt", "reweighting", "wang-landau", "ais", ...).</param>
/// <param name="Beta">Inverse temperature.</param>
/// <param name="LogZ">log Z(beta).</param>
/// <param name="MeanEnergy">U = &lt;E&gt;.</param>
/// <param name="FreeEnergy">F = -log Z / beta.</param>
/// <param name="Entropy">S = beta (U - F).</param>
/// <param name="HeatCapacity">C = beta^2 Var(E).</param>
/// <param name="HeatCapacityFromSlope">C = -beta^2 dU / d beta, where the method gives it.</param>
/// <param name="Order">|m|, chi and U_4 for spin models, where the method gives them.</param>
public sealed record ThermoPoint(
    string Method,
    double Beta,
    Measured LogZ,
    Measured MeanEnergy,
    Measured FreeEnergy,
    Measured Entropy,
    Measured HeatCapacity,
    Option<Measured> HeatCapacityFromSlope,
    Option<OrderMoments> Order)
{
    /// <summary>T = 1 / beta (infinite at beta = 0).</summary>
    public double Temperature => 1.0 / Beta;
}
