using Ebm.Functional.Numerics;
using LanguageExt;

namespace Ebm.Functional.Thermo;

/// <summary>
/// What parallel tempering over a beta grid recorded: at every rung k and sweep t, the energy E of each chain and,
/// for spin models, its magnetisation per unit m = M / N (for Potts and clock lattices, their order parameter). The input of <see cref="ThermoSweep"/>'s per-point estimates
/// and of <see cref="Reweighting"/>.
/// </summary>
/// <param name="Betas">The rungs, strictly increasing; the first is 0, where log Z is known exactly.</param>
/// <param name="Units">The number of units N of the model.</param>
/// <param name="LogZAtZero">log Z(0) = N log q, q the number of values a unit takes.</param>
/// <param name="Energies">Energies[k]: chains x sweeps, the energies at rung k.</param>
/// <param name="Magnetisations">Magnetisations[k]: chains x sweeps, m = M / N at rung k, for spin models; for Potts and
/// clock lattices the order parameter of <see cref="ThermoSweep.CategoricalOrder"/>.</param>
public sealed record TemperingSamples(Arr<double> Betas, int Units, double LogZAtZero, Seq<Mat> Energies, Option<Seq<Mat>> Magnetisations)
{
    /// <summary>Chains per rung.</summary>
    public int Chains => Energies[0].Rows;

    /// <summary>Recorded sweeps per chain.</summary>
    public int Sweeps => Energies[0].Columns;
}
