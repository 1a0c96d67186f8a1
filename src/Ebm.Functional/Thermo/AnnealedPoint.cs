using Ebm.Functional.Numerics;
using LanguageExt;

namespace Ebm.Functional.Thermo;

/// <summary>A block's particles at one grid point of <see cref="ThermoSweep.Annealed"/>.</summary>
/// <param name="LogWeights">Each particle's log importance weight from beta = 0 (log Z(0) not included).</param>
/// <param name="Energies">Each particle's energy.</param>
/// <param name="Orders">Each particle's order parameter (m = M / N for spin models, <see cref="ThermoSweep.CategoricalOrder"/> for Potts and clock lattices), where the model has one.</param>
public sealed record AnnealedPoint(Vec LogWeights, Vec Energies, Option<Vec> Orders);
