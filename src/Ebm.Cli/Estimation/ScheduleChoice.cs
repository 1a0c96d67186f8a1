using Ebm.Functional.Annealing;
using Ebm.Functional.Shell.Schedules;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;
using Ebm.Cli.Output;

namespace Ebm.Cli.Estimation;

/// <summary>Turns the --schedule word (or file) and --steps into a <see cref="Schedule"/>.</summary>
internal static class ScheduleChoice
{
    /// <summary>The named schedules; anything else is read as a file of points.</summary>
    public static readonly string[] Names = ["linear", "geometric", "sigmoid", "adaptive", "salakhutdinov-murray"];

    /// <summary>True when the choice is a pilot-run adaptive schedule.</summary>
    public static bool IsAdaptive(string choice) => choice == "adaptive";

    /// <summary>A fixed schedule of <paramref name="steps"/> steps, or the points of a file (then --steps is ignored).</summary>
    public static Fin<AnnealingSchedule> Fixed(string choice, int steps) => choice switch
    {
        "linear" => Steps(AnnealingSchedule.Linear(steps)),
        "geometric" => Steps(AnnealingSchedule.Geometric(steps)),
        "sigmoid" => Steps(AnnealingSchedule.Sigmoid(steps)),
        "salakhutdinov-murray" => FinSucc(AnnealingSchedule.SalakhutdinovMurray),
        _ => FromFile(choice),
    };

    // Only the number of steps comes from the command line (the start and width are the defaults), so a named
    // schedule's errors are --steps errors.
    private static Fin<AnnealingSchedule> Steps(Validation<Error, AnnealingSchedule> schedule) =>
        schedule.Match(FinSucc, errors => FinFail<AnnealingSchedule>(Error.Many(errors.Select(e => CliErrors.InvalidOption("--steps", e.Message)))));

    /// <summary>The points of a schedule file (see <see cref="ScheduleFile"/>); each message names the option and the file.</summary>
    public static Fin<AnnealingSchedule> FromFile(string path) =>
        ScheduleFile.Load(path).Match(
            FinSucc,
            error => FinFail<AnnealingSchedule>(Error.Many(ErrorReport.Flatten(error).Select(e => CliErrors.InvalidOption("--schedule", e.Message)).ToSeq())));
}
