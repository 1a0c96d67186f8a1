using Ebm.Functional.Models;
using LanguageExt;

namespace Ebm.Functional.Thermo;

/// <summary>
/// A checked tempering run (<see cref="ThermoSweep.Plan"/>): the model, every rung (the grid and the rungs down to beta = 0,
/// <see cref="ThermoSweep.Rungs"/>) and the settings; what the blocks of a run open with (<see cref="TemperingBlocks.Open(Prng.RngKey, TemperingPlan, RungRange)"/>).
/// </summary>
/// <param name="Model">An Ising, Potts or clock lattice, or another discrete model.</param>
/// <param name="Ladder">The rungs, strictly increasing, the first 0.</param>
/// <param name="Settings">Chains, sweeps and burn-in.</param>
public sealed record TemperingPlan(IEnergyModel Model, Arr<double> Ladder, TemperingSettings Settings)
{
    /// <summary>Burn-in and recorded sweeps together: the steps of the run.</summary>
    public int Steps => Settings.BurnIn + Settings.Sweeps;
}
