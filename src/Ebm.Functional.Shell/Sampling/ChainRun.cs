using Ebm.Functional.Numerics;

namespace Ebm.Functional.Shell.Sampling;

/// <summary>
/// The outcome of <see cref="ChainRunner.Run{TPosition,TState,TInfo}"/>: the final state, the energy of
/// every chain at every kept step, the kept states themselves, and the mean acceptance rate per chain.
/// </summary>
/// <param name="Seed">The seed the run was derived from; the same seed reproduces every bit.</param>
/// <param name="Final">The state after the last step.</param>
/// <param name="Energies">Kept steps x chains: E of chain c at kept step t.</param>
/// <param name="Samples">One C x d matrix of states per kept step.</param>
/// <param name="AcceptanceRates">Mean acceptance rate of each chain over the kept steps (burn-in excluded; with thinning, the kept step of each group).</param>
public sealed record ChainRun<TState>(ulong Seed, TState Final, Mat Energies, IReadOnlyList<Mat> Samples, Vec AcceptanceRates)
{
    /// <summary>Chain c's energy trace (one value per kept step), the layout the diagnostics take after a transpose.</summary>
    public Mat EnergiesByChain => Energies.Transpose();
}
