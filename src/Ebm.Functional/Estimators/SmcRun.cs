using Ebm.Functional.Estimation;
using Ebm.Functional.Numerics;
using Ebm.Functional.Annealing;

namespace Ebm.Functional.Estimators;

/// <summary>One sequential Monte Carlo run: its estimate, final particles and what the run did.</summary>
/// <typeparam name="TState">The batch of particles.</typeparam>
/// <param name="Estimate">The run's estimate (trace: the running log Z along t).</param>
/// <param name="Final">The final weighted particles (their normalised weights are <c>exp(Estimate.LogWeights)</c> rescaled).</param>
/// <param name="ResamplingEvents">How many times the particles were resampled.</param>
/// <param name="Schedule">The points the run visited (the adaptive schedule when tempering adaptively).</param>
/// <param name="ConditionalEss">The conditional ESS of each step as a fraction of N (Zhou, Johansen and Aston 2016).</param>
public sealed record SmcRun<TState>(
    LogZEstimate Estimate, TState Final, int ResamplingEvents, AnnealingSchedule Schedule, Vec ConditionalEss);
