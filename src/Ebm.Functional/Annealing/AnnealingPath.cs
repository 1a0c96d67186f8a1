using Ebm.Functional.Mcmc;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Annealing;

/// <summary>
/// A path of unnormalised densities f_t, t in [0, 1], from a tractable base f_0 (exact draws, known
/// log Z_0) to the target f_1, with a Markov kernel leaving each f_t invariant. Every annealing
/// estimator (AIS, reverse AIS, SMC, linked importance sampling, thermodynamic integration) is a
/// function of a path, a schedule, a particle count and a key.
/// </summary>
/// <remarks>
/// The state is a batch of particles (chains): <c>LogDensity(t, s)</c> returns log f_t of every particle,
/// <c>Move(t)</c> is one transition of every particle leaving f_t invariant, <c>Select</c> builds a new batch
/// from particle indices (resampling). A path between two models with unknown normalisers has
/// <c>LogZ0 = 0</c>: its estimators then estimate log(Z_1 / Z_0).
/// </remarks>
/// <typeparam name="TState">The batch of particles.</typeparam>
/// <param name="Name">A short description for reports.</param>
/// <param name="TargetBeta">The inverse temperature of the target f_1 (log Z is reported at this beta).</param>
/// <param name="LogZ0">log of the normaliser of f_0.</param>
/// <param name="SampleBase">M exact, independent draws from f_0 / Z_0.</param>
/// <param name="LogDensity">log f_t of every particle.</param>
/// <param name="LogDensityDerivative">d/dt log f_t of every particle (thermodynamic integration).</param>
/// <param name="Move">The kernel at t: one transition of every particle leaving f_t invariant.</param>
/// <param name="Count">The number of particles in a state.</param>
/// <param name="Select">The batch whose particle i is particle <c>indices[i]</c> of the given batch.</param>
/// <param name="EvaluationsPerMove">Per-particle energy evaluations of one <c>Move</c> (a sweep of local updates counts as one);
/// the paths built from a <see cref="CostedKernel{TState,TInfo}"/> read it from the kernel, a composition's derived from its parts.</param>
public sealed record AnnealingPath<TState>(
    string Name,
    double TargetBeta,
    double LogZ0,
    Func<RngKey, int, TState> SampleBase,
    Func<double, TState, Vec> LogDensity,
    Func<double, TState, Vec> LogDensityDerivative,
    Func<double, KernelStep<TState, IAcceptanceInfo>> Move,
    Func<TState, int> Count,
    Func<TState, int[], TState> Select,
    int EvaluationsPerMove = 1);
