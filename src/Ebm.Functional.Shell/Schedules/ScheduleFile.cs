using System.Globalization;
using Ebm.Functional.Annealing;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Io;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.Schedules;

/// <summary>
/// Reads an annealing schedule from a file: the points 0 = t_0 &lt; t_1 &lt; ... &lt; t_K = 1, separated by
/// commas, semicolons, spaces, tabs or line breaks; blank lines and lines starting with '#' are skipped.
/// </summary>
/// <remarks>
/// Any byte string gives a schedule or expected errors of <see cref="ScheduleFileErrors"/> (or
/// <see cref="TextErrors.NotUtf8"/> for bytes that are not UTF-8 text). Numbers are read with the invariant
/// culture ("0.5", "1e-3"); the first field that is not a number stops the reading; the schedule's own checks
/// (first point 0, last point 1, strictly increasing, finite) report up to ten problems at once.
/// <example><code>
/// var schedule = ScheduleFile.Parse("points.txt", "# ten steps, finer near 0\n0 0.01 0.03 0.1 0.2\n0.35 0.5 0.65 0.8 0.9 1\n");
/// </code></example>
/// </remarks>
public static class ScheduleFile
{
    /// <summary>Largest schedule file read, in bytes.</summary>
    public const long MaxBytes = 64L << 20;

    /// <summary>The schedule in the file at <paramref name="path"/>.</summary>
    public static Fin<AnnealingSchedule> Load(string path) =>
        BoundedFile.ReadAllBytes(path, MaxBytes).Bind(bytes => Parse(path, bytes));

    /// <summary>Parses the UTF-8 bytes of a schedule file (a leading byte-order mark is allowed); <paramref name="path"/> only names the source in errors.</summary>
    public static Fin<AnnealingSchedule> Parse(string path, ReadOnlyMemory<byte> utf8) =>
        Utf8Text.Decode(utf8, path).Bind(text => Parse(path, text));

    /// <summary>Parses the text of a schedule file; <paramref name="path"/> only names the source in errors.</summary>
    public static Fin<AnnealingSchedule> Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var points = new List<double>();
        foreach (var (lineNumber, fields) in DelimitedLines.Of(text))
        {
            foreach (var field in fields)
            {
                if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var x))
                    return FinFail<AnnealingSchedule>(ScheduleFileErrors.NotANumber(path, lineNumber, field));
                points.Add(x);
            }
        }

        return AnnealingSchedule.Create(Vec.Of([.. points]), "file").Match(
            FinSucc,
            errors => FinFail<AnnealingSchedule>(Error.Many(errors.Map(e => ScheduleFileErrors.InvalidSchedule(path, e.Message)))));
    }
}
