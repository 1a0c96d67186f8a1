using Ebm.Functional.Numerics;

namespace Ebm.Functional.Annealing;

/// <summary>
/// What a simulated-annealing run found: the lowest-energy state seen over every sweep of every restart, each
/// restart's best and final energies, and the energy trace.
/// </summary>
/// <remarks>
/// Every reported energy is E recomputed from the state (<see cref="Models.IDiscreteModel.Energy"/>), never the
/// kernel's running sum, so a drift of cached energies cannot make a state look better than it is. Ties between
/// restarts go to the lowest restart index, so the result is a function of the key alone.
/// </remarks>
/// <param name="Kernel">The kernel's name.</param>
/// <param name="Schedule">The cooling schedule every restart ran.</param>
/// <param name="BestEnergy">E of <see cref="BestState"/>, the lowest over all restarts.</param>
/// <param name="BestState">The best state seen (units as doubles).</param>
/// <param name="BestRestart">The restart that found it (0-based).</param>
/// <param name="BestSweep">The sweep of that restart after which it was first seen (1-based; 0: the random start).</param>
/// <param name="RestartBestEnergies">E of each restart's best state.</param>
/// <param name="FinalEnergies">E of each restart's state after its last sweep.</param>
/// <param name="TraceSweeps">The sweeps (1-based) after which <see cref="Trace"/> kept the energy.</param>
/// <param name="Trace">The current (cached) energy of each restart (row) after each kept sweep (column).</param>
public sealed record SaResult(
    string Kernel,
    CoolingSchedule Schedule,
    double BestEnergy,
    Vec BestState,
    int BestRestart,
    int BestSweep,
    Vec RestartBestEnergies,
    Vec FinalEnergies,
    Vec TraceSweeps,
    Mat Trace)
{
    /// <summary>The number of restarts R.</summary>
    public int Restarts => RestartBestEnergies.Length;

    /// <summary>Sweeps per restart K.</summary>
    public int SweepsPerRestart => Schedule.Sweeps;

    /// <summary>Sweeps run in all, R K.</summary>
    public long TotalSweeps => (long)Restarts * SweepsPerRestart;
}
