using Ebm.Functional.Prng;
using Ebm.Functional.Annealing;

namespace Ebm.Functional.Estimators;

/// <summary>
/// A schedule chosen by a pilot run of adaptive tempering (<see cref="Smc"/> with conditional-ESS bisection,
/// Zhou, Johansen and Aston 2016), for estimators that need a fixed schedule, such as AIS with
/// <c>--schedule adaptive</c>.
/// </summary>
/// <remarks>
/// The pilot's particles decide the points; an estimate that reused the pilot's randomness would be weighted
/// with the same draws that placed its steps, and so be biased. <see cref="Build{TState}(AnnealingPath{TState}, SmcOptions, RngKey)"/> therefore splits
/// the key it is given, runs the pilot on one half and returns the other half as the key for the estimate:
/// use that key (and not the one passed in) for the run that uses the schedule.
/// <example><code>
/// var (schedule, estimateKey) = AdaptiveSchedule.Build(path, pilotOptions, key);
/// var estimate = Ais.Run(path, schedule, 1000, estimateKey);
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
    /// <param name="path">The annealing path.</param>
    /// <param name="pilot">Adaptive settings (no fixed schedule); <see cref="SmcOptions.Repetitions"/> is ignored.</param>
    /// <param name="key">The key; split here into the pilot's key and the returned estimate key.</param>
    /// <exception cref="ArgumentException"><paramref name="pilot"/> has a fixed schedule.</exception>
    public static (AnnealingSchedule Schedule, RngKey EstimateKey) Build<TState>(AnnealingPath<TState> path, SmcOptions pilot, RngKey key) =>
        Build(path, pilot, key, null);

    /// <summary>
    /// <see cref="Build{TState}(AnnealingPath{TState}, SmcOptions, RngKey)"/>, reporting each step of the pilot to
    /// <paramref name="progress"/> (its <see cref="AnnealingProgress.Point"/> is the fraction of the path placed).
    /// </summary>
    /// <param name="path">The annealing path.</param>
    /// <param name="pilot">Adaptive settings (no fixed schedule); <see cref="SmcOptions.Repetitions"/> is ignored.</param>
    /// <param name="key">The key; split here into the pilot's key and the returned estimate key.</param>
    /// <param name="progress">Receives the pilot's steps, if given; does not change the result.</param>
    /// <exception cref="ArgumentException"><paramref name="pilot"/> has a fixed schedule.</exception>
    public static (AnnealingSchedule Schedule, RngKey EstimateKey) Build<TState>(
        AnnealingPath<TState> path, SmcOptions pilot, RngKey key, IProgress<AnnealingProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(pilot);
        if (!pilot.IsAdaptive) throw new ArgumentException("the pilot of an adaptive schedule must temper adaptively (no fixed schedule)", nameof(pilot));
        var (pilotKey, estimateKey) = key.Split();
        return (Smc.RunOnce(path, pilot, pilotKey, progress).Schedule, estimateKey);
    }
}
