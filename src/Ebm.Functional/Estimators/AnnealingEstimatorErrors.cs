using LanguageExt.Common;

namespace Ebm.Functional.Estimators;

/// <summary>
/// Errors of the sequential Monte Carlo kernel and the estimators built on it: AIS, reverse AIS, the sandwich and
/// adaptive schedules (codes 7010-7019).
/// </summary>
public static class AnnealingEstimatorErrors
{
    /// <summary>Code of <see cref="InvalidParticles"/>.</summary>
    public const int InvalidParticlesCode = 7010;

    /// <summary>Code of <see cref="InvalidLogZ0"/>.</summary>
    public const int InvalidLogZ0Code = 7011;

    /// <summary>Code of <see cref="BaseSampleCount"/>.</summary>
    public const int BaseSampleCountCode = 7012;

    /// <summary>Code of <see cref="PilotNotAdaptive"/>.</summary>
    public const int PilotNotAdaptiveCode = 7013;

    /// <summary>Code of <see cref="LogDensityLength"/>.</summary>
    public const int LogDensityLengthCode = 7014;

    /// <summary>Code of <see cref="InvalidBlock"/>.</summary>
    public const int InvalidBlockCode = 7015;

    /// <summary>Code of <see cref="BlocksMismatch"/>.</summary>
    public const int BlocksMismatchCode = 7016;

    /// <summary>Fewer particles than the estimator needs.</summary>
    /// <param name="method">The estimator, as named in reports.</param>
    /// <param name="particles">The particle count given.</param>
    /// <param name="minimum">The least it accepts.</param>
    public static Error InvalidParticles(string method, int particles, int minimum) =>
        Error.New(InvalidParticlesCode, $"{method}: {particles} particle(s); at least {minimum} are needed");

    /// <summary>A path whose log Z_0 is not a finite number.</summary>
    public static Error InvalidLogZ0(string method, double logZ0) =>
        Error.New(InvalidLogZ0Code, $"{method}: the path's log Z_0 is {logZ0}, not a finite number");

    /// <summary>A path whose base sampler returned another number of particles than asked for.</summary>
    public static Error BaseSampleCount(string method, int returned, int asked) =>
        Error.New(BaseSampleCountCode, $"{method}: the path's base sampler returned {returned} particles, {asked} were asked for");

    /// <summary>An adaptive schedule asked of a pilot with a fixed schedule.</summary>
    public static Error PilotNotAdaptive() =>
        Error.New(PilotNotAdaptiveCode, "adaptive schedule: the pilot must temper adaptively (SMC options without a fixed schedule)");

    /// <summary>A path whose log density returned another number of values than there are particles.</summary>
    /// <param name="method">The estimator, as named in reports.</param>
    /// <param name="returned">How many values the log density returned.</param>
    /// <param name="particles">The particle count.</param>
    public static Error LogDensityLength(string method, int returned, int particles) =>
        Error.New(LogDensityLengthCode, $"{method}: the path's log density returned {returned} values for {particles} particles; it must return one per particle");

    /// <summary>A block index outside the particle count's layout.</summary>
    /// <param name="method">The estimator, as named in reports.</param>
    /// <param name="block">The block asked for.</param>
    /// <param name="blocks">The number of blocks of the layout.</param>
    public static Error InvalidBlock(string method, int block, int blocks) =>
        Error.New(InvalidBlockCode, $"{method}: block {block} does not exist; the layout has blocks 0..{blocks - 1}");

    /// <summary>Blocks handed to a combination that are not the layout's blocks, each once, in order.</summary>
    /// <param name="method">The estimator, as named in reports.</param>
    /// <param name="reason">What is wrong with them.</param>
    public static Error BlocksMismatch(string method, string reason) =>
        Error.New(BlocksMismatchCode, $"{method}: the blocks do not make up the run: {reason}");
}
