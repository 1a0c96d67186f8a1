using Ebm.Functional.Exact;
using LanguageExt;

namespace Ebm.Cli.Showcase;

/// <summary>
/// The infinite-lattice column of the showcase: Onsager's (1944) exact free energy of the square-lattice
/// Ising model at zero field, with its energy and specific heat, per spin, for coupling J = 1.
/// </summary>
/// <remarks>
/// -beta f = log(2 cosh 2K) + (1/2pi) int_0^pi log[(1 + sqrt(1 - k^2 sin^2 t)) / 2] dt with K = beta J and
/// k = 2 sinh 2K / cosh^2 2K (Onsager 1944). The showcase prints it beside the 4 x 4 torus to show how far
/// a small lattice is from the thermodynamic limit, most of all near beta_c = ln(1 + sqrt 2) / 2.
/// </remarks>
internal static class OnsagerReference
{
    /// <summary>log Z / N, U / N and C / N of the infinite lattice at <paramref name="beta"/>, where known.</summary>
    public static Option<IsingPerSpin> PerSpin(double beta) =>
        Onsager.Compute(coupling: 1.0, beta)
            .Map(r => new IsingPerSpin(r.LogZPerSite, r.EnergyPerSite, r.HeatCapacityPerSite))
            .ToOption();
}
