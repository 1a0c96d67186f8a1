using Ebm.Functional.Shell.Io;
using LanguageExt.Common;

namespace Ebm.Functional.Shell.Schedules;

/// <summary>Errors of annealing-schedule files (codes 3301-3302); each message starts with the path. All are expected errors.</summary>
public static class ScheduleFileErrors
{
    /// <summary>Code of <see cref="NotANumber"/>.</summary>
    public const int NotANumberCode = 3301;

    /// <summary>Code of <see cref="InvalidSchedule"/>.</summary>
    public const int InvalidScheduleCode = 3302;

    /// <summary>Every code of this catalogue (invalid UTF-8 is <see cref="TextErrors.NotUtf8Code"/>).</summary>
    public static IReadOnlyList<int> Codes { get; } = [NotANumberCode, InvalidScheduleCode];

    /// <summary>A field that is not a number (quoted, shortened and escaped); lines count from 1.</summary>
    public static Error NotANumber(string path, int line, string text) =>
        Error.New(NotANumberCode, $"{path}: line {line}: {EchoedText.Quote(text)} is not a number");

    /// <summary>Points that do not form a schedule 0 = t_0 &lt; ... &lt; t_K = 1 (the problem as the schedule states it).</summary>
    public static Error InvalidSchedule(string path, string problem) => Error.New(InvalidScheduleCode, $"{path}: {problem}");
}
