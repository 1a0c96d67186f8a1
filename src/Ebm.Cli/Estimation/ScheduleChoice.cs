using System.Globalization;
using Ebm.Functional.Annealing;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Io;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Estimation;

/// <summary>Turns the --schedule word (or file) and --steps into a <see cref="Schedule"/>.</summary>
internal static class ScheduleChoice
{
    /// <summary>The named schedules; anything else is read as a file of points.</summary>
    public static readonly string[] Names = ["linear", "geometric", "sigmoid", "adaptive", "salakhutdinov-murray"];

    /// <summary>Largest schedule file read, in bytes.</summary>
    public const long MaxFileBytes = 64L << 20;

    /// <summary>True when the choice is a pilot-run adaptive schedule.</summary>
    public static bool IsAdaptive(string choice) => choice == "adaptive";

    /// <summary>A fixed schedule of <paramref name="steps"/> steps, or the points of a file (then --steps is ignored).</summary>
    public static Fin<AnnealingSchedule> Fixed(string choice, int steps) => choice switch
    {
        "linear" => FinSucc(AnnealingSchedule.Linear(steps)),
        "geometric" => FinSucc(AnnealingSchedule.Geometric(steps)),
        "sigmoid" => FinSucc(AnnealingSchedule.Sigmoid(steps)),
        "salakhutdinov-murray" => FinSucc(AnnealingSchedule.SalakhutdinovMurray),
        _ => FromFile(choice),
    };

    /// <summary>Points 0 = t_0 &lt; ... &lt; t_K = 1, separated by commas, spaces or line breaks; '#' starts a comment line.</summary>
    public static Fin<AnnealingSchedule> FromFile(string path) =>
        BoundedFile.ReadAllBytes(path, MaxFileBytes).Bind(bytes =>
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            var points = new List<double>();
            foreach (var line in text.Split('\n'))
            {
                var trimmed = line.Trim();
                if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
                foreach (var field in trimmed.Split([',', ' ', '\t', ';'], StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var x))
                        return FinFail<AnnealingSchedule>(CliErrors.InvalidOption("--schedule", $"{path}: \"{field}\" is not a number"));
                    points.Add(x);
                }
            }

            return AnnealingSchedule.Create(Vec.Of([.. points]), "file").Match(
                s => FinSucc(s),
                errors => FinFail<AnnealingSchedule>(Error.Many(errors.Map(e => CliErrors.InvalidOption("--schedule", $"{path}: {e.Message}")))));
        });
}
