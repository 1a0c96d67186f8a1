using Ebm.Functional.Prng;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;
using Ebm.Functional.Annealing;

namespace Ebm.Functional.Estimators;

/// <summary>
/// A schedule chosen by a pilot run of adaptive tempering (<see cref="Smc"/> with conditional-ESS bisection,
/// Zhou, Johansen and Aston 2016), for estimators that need a fixed schedule, such as AIS with
/// <c>--schedule adaptive</c>.
/// </summary>
/// <remarks>
/// The pilot's particles decide the points; an estimate that reused the pilot's randomness would be weighted
/// with the same draws that placed its steps, and so be biased. <see cref="Build{TState}"/> therefore splits
/// the key it is given, runs the pilot on one half and returns the other half as the key for the estimate:
/// use that key (and not the one passed in) for the run that uses the schedule.
/// <example><code>
/// var estimate = from pilot in AdaptiveSchedule.Build(key, path, pilotOptions)
///                from run in Ais.Run(pilot.EstimateKey, path, pilot.Schedule, particles: 1000)
///                select run;
/// </code></example>
/// </remarks>
public static class AdaptiveSchedule
{
    /// <summary>The name of the schedules made here.</summary>
    public const string Name = "adaptive";

    /// <summary>
    /// Runs one adaptive SMC pilot and returns the points it visited, with a key independent of the pilot's for
    /// the estimate. The pilot resamples as <paramref name="pilot"/> says (threshold 0: no resampling, the pilot is
    /// then an AIS run whose steps each keep the conditional ESS at the target).
    /// </summary>
    /// <param name="key">The key; split here into the pilot's key and the returned estimate key.</param>
    /// <param name="path">The annealing path.</param>
    /// <param name="pilot">Adaptive settings (no fixed schedule); <see cref="SmcOptions.Repetitions"/> is ignored.</param>
    /// <param name="progress">Receives the pilot's steps, if given (its <see cref="AnnealingProgress.Point"/> is the fraction of the path placed); does not change the result.</param>
    /// <returns>The schedule and the estimate's key, or every problem found (<see cref="AnnealingEstimatorErrors"/>).</returns>
    public static Validation<Error, (AnnealingSchedule Schedule, RngKey EstimateKey)> Build<TState>(
        RngKey key, AnnealingPath<TState> path, SmcOptions pilot, IProgress<AnnealingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(pilot);
        if (!pilot.IsAdaptive) return Fail<Error, (AnnealingSchedule, RngKey)>(AnnealingEstimatorErrors.PilotNotAdaptive());
        var (pilotKey, estimateKey) = key.Split();
        return Smc.RunOnce(pilotKey, path, pilot, progress).Map(run => (run.Schedule, estimateKey));
    }
}
