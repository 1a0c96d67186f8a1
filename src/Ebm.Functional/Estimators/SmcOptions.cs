using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;
using Ebm.Functional.Annealing;

namespace Ebm.Functional.Estimators;

/// <summary>
/// The settings of a sequential Monte Carlo run (<see cref="Smc"/>); only <see cref="Create"/> makes one, so
/// every instance is valid.
/// </summary>
public sealed record SmcOptions
{
    /// <summary>The default target conditional ESS of adaptive tempering, as a fraction of the particles.</summary>
    public const double DefaultTargetConditionalEss = 0.9;

    /// <summary>The default resampling threshold: resample when the ESS falls below half the particles.</summary>
    public const double DefaultResampleThreshold = 0.5;

    /// <summary>The default number of independent runs (the standard error comes from their spread).</summary>
    public const int DefaultRepetitions = 8;

    /// <summary>The default step limit of adaptive tempering.</summary>
    public const int DefaultMaxSteps = 10_000;

    private SmcOptions(int particles, AnnealingSchedule? schedule, double targetConditionalEss, double resampleThreshold,
        ResamplingScheme scheme, int movesPerStep, int repetitions, int maxSteps)
    {
        Particles = particles;
        Schedule = schedule;
        TargetConditionalEss = targetConditionalEss;
        ResampleThreshold = resampleThreshold;
        Scheme = scheme;
        MovesPerStep = movesPerStep;
        Repetitions = repetitions;
        MaxSteps = maxSteps;
    }

    /// <summary>Particles N per run.</summary>
    public int Particles { get; }

    /// <summary>The fixed schedule, or null for adaptive tempering.</summary>
    public AnnealingSchedule? Schedule { get; }

    /// <summary>Whether the next point is chosen by conditional-ESS bisection (no fixed schedule).</summary>
    public bool IsAdaptive => Schedule is null;

    /// <summary>Adaptive tempering's target conditional ESS as a fraction of N (ignored with a fixed schedule).</summary>
    public double TargetConditionalEss { get; }

    /// <summary>Resample when the ESS is below this fraction of N; 0 never resamples (AIS), 1 resamples at every step.</summary>
    public double ResampleThreshold { get; }

    /// <summary>The resampling scheme.</summary>
    public ResamplingScheme Scheme { get; }

    /// <summary>Kernel transitions after each reweighting (and resampling).</summary>
    public int MovesPerStep { get; }

    /// <summary>Independent runs whose spread gives the standard error.</summary>
    public int Repetitions { get; }

    /// <summary>Adaptive tempering's step limit; on reaching it the run jumps to t = 1 and warns.</summary>
    public int MaxSteps { get; }

    /// <summary>Checks the settings and reports every problem at once.</summary>
    /// <param name="particles">Particles per run, at least 2.</param>
    /// <param name="schedule">A fixed schedule, or null for adaptive tempering.</param>
    /// <param name="targetConditionalEss">Adaptive tempering's target, in (0, 1).</param>
    /// <param name="resampleThreshold">The ESS fraction in [0, 1] below which to resample.</param>
    /// <param name="scheme">The resampling scheme.</param>
    /// <param name="movesPerStep">Kernel transitions per step, at least 1.</param>
    /// <param name="repetitions">Independent runs, at least 1.</param>
    /// <param name="maxSteps">Adaptive tempering's step limit, at least 1.</param>
    public static Validation<Error, SmcOptions> Create(
        int particles,
        AnnealingSchedule? schedule = null,
        double targetConditionalEss = DefaultTargetConditionalEss,
        double resampleThreshold = DefaultResampleThreshold,
        ResamplingScheme scheme = ResamplingScheme.Systematic,
        int movesPerStep = 1,
        int repetitions = DefaultRepetitions,
        int maxSteps = DefaultMaxSteps)
    {
        var errors = Seq<Error>();
        if (particles < 2) errors = errors.Add(SmcErrors.InvalidParticles(particles));
        if (!(resampleThreshold >= 0 && resampleThreshold <= 1)) errors = errors.Add(SmcErrors.InvalidResampleThreshold(resampleThreshold));
        if (!Enum.IsDefined(scheme)) errors = errors.Add(SmcErrors.InvalidScheme((int)scheme));
        if (schedule is null && !(targetConditionalEss > 0 && targetConditionalEss < 1))
            errors = errors.Add(SmcErrors.InvalidTargetConditionalEss(targetConditionalEss));
        if (movesPerStep < 1) errors = errors.Add(SmcErrors.InvalidMovesPerStep(movesPerStep));
        if (repetitions < 1) errors = errors.Add(SmcErrors.InvalidRepetitions(repetitions));
        if (maxSteps < 1) errors = errors.Add(SmcErrors.InvalidMaxSteps(maxSteps));
        return errors.IsEmpty
            ? Success<Error, SmcOptions>(new SmcOptions(particles, schedule, targetConditionalEss, resampleThreshold, scheme, movesPerStep, repetitions, maxSteps))
            : Fail<Error, SmcOptions>(errors);
    }
}
