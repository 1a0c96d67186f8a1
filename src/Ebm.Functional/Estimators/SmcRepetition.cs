using Ebm.Functional.Estimation;

namespace Ebm.Functional.Estimators;

/// <summary>
/// One repetition of an SMC run (<see cref="Smc.RunRepetition{TState}"/>) without its particles: what
/// <see cref="Smc.Combine"/> needs from it. A plain value, so it can travel between machines.
/// </summary>
/// <param name="Estimate">The repetition's estimate.</param>
/// <param name="ResamplingEvents">How many times it resampled.</param>
/// <param name="Steps">The reweighting steps it took.</param>
public sealed record SmcRepetition(LogZEstimate Estimate, int ResamplingEvents, int Steps);
