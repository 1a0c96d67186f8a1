using Ebm.Functional.Estimation;

namespace Ebm.Functional.Estimators;

/// <summary>The result of <see cref="Smc.Run{TState}"/>: the combined estimate and what the runs did.</summary>
/// <param name="Estimate">The estimate (over repetitions: their mean, with the runs in <see cref="LogZEstimate.Parts"/>).</param>
/// <param name="ResamplingEvents">Resampling events, summed over the runs.</param>
/// <param name="Steps">Reweighting steps, summed over the runs.</param>
/// <param name="FinalEss">The ESS of the final weights, (sum w)^2 / sum w^2, averaged over the runs (out of <see cref="SmcOptions.Particles"/>).</param>
public sealed record SmcResult(LogZEstimate Estimate, int ResamplingEvents, int Steps, double FinalEss);
