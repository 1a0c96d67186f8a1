using Ebm.Functional.Numerics;

namespace Ebm.Functional.Shell.Sampling;

/// <summary>
/// The outcome of a <see cref="ChainRunner"/> run: the final state, the scalar traces of the kept steps and the mean
/// acceptance rate per chain. It holds no kept state: those went to the run's sink.
/// </summary>
/// <param name="Seed">The seed the run was derived from; the same seed reproduces every bit.</param>
/// <param name="Final">The state after the last step.</param>
/// <param name="Traces">The traced scalars (the energy and the observables, or the run's named scalars) of every chain at every kept step.</param>
/// <param name="AcceptanceRates">
/// Mean acceptance rate of each chain over the kept steps (burn-in excluded; with thinning, the kept step of each group)
/// whose infos report one (<see cref="Mcmc.IAcceptanceInfo"/>); empty when the kernel's infos report none.
/// </param>
public sealed record ChainRun<TState>(ulong Seed, TState Final, ChainTraces Traces, Vec AcceptanceRates)
{
    /// <summary>Kept steps x chains: quantity 0 (the energy) of chain c at kept step t (a copy).</summary>
    public Mat Energies => EnergiesByChain.Transpose();

    /// <summary>Chain c's trace of quantity 0, the energy (one value per kept step), the layout the diagnostics take (a copy).</summary>
    public Mat EnergiesByChain => Traces.Energies();
}
