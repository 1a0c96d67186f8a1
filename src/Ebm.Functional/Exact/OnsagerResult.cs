namespace Ebm.Functional.Exact;

/// <summary>
/// Thermodynamics per site of the infinite square-lattice Ising model at zero field (Onsager 1944, Yang 1952).
/// </summary>
/// <param name="Coupling">J; a negative J gives the same numbers as |J| (the square lattice is bipartite).</param>
/// <param name="Beta">Inverse temperature (k_B = 1).</param>
/// <param name="LogZPerSite">-beta f = lim (log Z) / N.</param>
/// <param name="EnergyPerSite">u = lim U / N.</param>
/// <param name="HeatCapacityPerSite">c = lim C / N = beta^2 lim Var(E) / N; +infinity exactly at T_c.</param>
/// <param name="SpontaneousMagnetisation">
/// Yang's m = (1 - sinh^-4 2K)^(1/8) below T_c and 0 above; for J &lt; 0 it is the staggered magnetisation.
/// </param>
public sealed record OnsagerResult(
    double Coupling,
    double Beta,
    double LogZPerSite,
    double EnergyPerSite,
    double HeatCapacityPerSite,
    double SpontaneousMagnetisation)
{
    /// <summary>f = -(log Z / N) / beta (infinite at beta = 0).</summary>
    public double FreeEnergyPerSite => -LogZPerSite / Beta;

    /// <summary>s = beta u + log Z / N.</summary>
    public double EntropyPerSite => Beta * EnergyPerSite + LogZPerSite;
}
