using Ebm.Functional.Prng;
using Ebm.Functional.Models;
using LanguageExt;

namespace Ebm.Functional.Thermo;

/// <summary>
/// One block of a run of <see cref="ThermoSweep.Annealed"/> (<see cref="ThermoSweep.AnnealBlock(RngKey, IEnergyModel, IReadOnlyList{double}, AnnealedSettings, int, IProgress{double}?)"/>):
/// its particles' values at every grid point, in grid order.
/// </summary>
/// <param name="Block">The block's index in the layout.</param>
/// <param name="Points">One entry per grid point, increasing beta.</param>
public sealed record AnnealedBlock(int Block, Seq<AnnealedPoint> Points);
