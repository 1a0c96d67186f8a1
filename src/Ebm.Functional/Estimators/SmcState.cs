using Ebm.Functional.Numerics;

namespace Ebm.Functional.Estimators;

/// <summary>
/// The state of the sequential Monte Carlo kernel (<see cref="SmcKernel{TState}"/>): weighted particles at a point t of
/// an annealing path and the running estimate of log Z_t.
/// </summary>
/// <remarks>
/// The state carries only what the next step needs; what a step did (increments, ESS, resampling) is in
/// <see cref="SmcInfo"/>. <see cref="LogZ"/> is log Z_0 + sum_k log m_k, with m_k = sum_i W_{k-1,i} w_{k,i} the mean
/// incremental weight of step k under the incoming normalised weights (Del Moral, Doucet and Jasra 2006).
/// </remarks>
/// <typeparam name="TState">The batch of particles.</typeparam>
/// <param name="Particles">The N particles.</param>
/// <param name="LogWeights">Normalised log weights log W_i (log-sum-exp 0); -log N each after resampling.</param>
/// <param name="LogZ">The estimate of log Z_t so far (log Z_0 at the start; for a reverse run, of log Z_t - log Z_1).</param>
/// <param name="T">The path position t the particles target.</param>
public sealed record SmcState<TState>(TState Particles, Vec LogWeights, double LogZ, double T);
