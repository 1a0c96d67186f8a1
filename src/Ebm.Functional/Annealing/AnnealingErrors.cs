using LanguageExt.Common;

namespace Ebm.Functional.Annealing;

/// <summary>Errors of annealing schedules and paths (codes 7001-7009); estimators use 7010-7099.</summary>
public static class AnnealingErrors
{
    /// <summary>Code of <see cref="InvalidSchedule"/>.</summary>
    public const int InvalidScheduleCode = 7001;

    /// <summary>A schedule that is not 0 = t_0 &lt; ... &lt; t_K = 1.</summary>
    public static Error InvalidSchedule(string why) => Error.New(InvalidScheduleCode, $"schedule: {why}");

    /// <summary>Code of <see cref="InvalidPath"/>.</summary>
    public const int InvalidPathCode = 7002;

    /// <summary>A path factory's arguments that do not make a path (beta, dimensions, base biases).</summary>
    public static Error InvalidPath(string why) => Error.New(InvalidPathCode, $"path: {why}");

    /// <summary>Code of <see cref="InvalidReference"/>.</summary>
    public const int InvalidReferenceCode = 7009;

    /// <summary>A Gaussian reference, or the pilot run that matches one, that cannot be built as asked.</summary>
    public static Error InvalidReference(string why) => Error.New(InvalidReferenceCode, $"reference: {why}");
}
