using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Annealing;

/// <summary>
/// A Markov kernel at every temperature, as simulated annealing needs it: <see cref="AtBeta"/> builds the step that
/// leaves p_beta ∝ exp(-beta E) invariant, and the accessors read a batch state's cached energies and its states.
/// </summary>
/// <remarks>
/// The run builds the step of every sweep as it reaches it (a factory beta -&gt; kernel), so building one should be
/// cheap beside a sweep. <see cref="SaKernels"/> holds the library's kernels; any <see cref="Sampler{TPosition,TState,TInfo}"/>
/// family joins through <see cref="SaKernels.FromSamplers{TState,TInfo}"/>.
/// </remarks>
/// <typeparam name="TState">The batch state of the kernel (one chain per restart).</typeparam>
/// <typeparam name="TInfo">The kernel's diagnostics (not read by the run).</typeparam>
/// <param name="Name">The kernel's name in reports ("metropolis", "gibbs", "checkerboard").</param>
/// <param name="Init">Builds the batch state from starting states, one per row, units as doubles.</param>
/// <param name="AtBeta">The transition kernel at inverse temperature beta (finite, &gt;= 0).</param>
/// <param name="Energies">The cached energy E of every chain of a state.</param>
/// <param name="States">The states of every chain as rows of doubles.</param>
public sealed record SaKernel<TState, TInfo>(
    string Name,
    Func<Mat, TState> Init,
    Func<double, KernelStep<TState, TInfo>> AtBeta,
    Func<TState, Vec> Energies,
    Func<TState, Mat> States);
