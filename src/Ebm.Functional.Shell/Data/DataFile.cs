using System.Globalization;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Io;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.Data;

/// <summary>
/// Reads a data set: one vector per line, values separated by commas, spaces or tabs; blank lines and
/// lines starting with '#' are skipped. The first problems found (up to ten) are all reported.
/// </summary>
/// <remarks>
/// Any byte string gives a matrix or expected errors of <see cref="DataFileErrors"/> (or
/// <see cref="TextErrors.NotUtf8"/> for bytes that are not UTF-8 text); values quoted in messages are
/// shortened and escaped, so each message is one line.
/// </remarks>
public static class DataFile
{
    /// <summary>Largest file read, in bytes.</summary>
    public const long MaxBytes = 1L << 30;

    /// <summary>The rows of <paramref name="path"/>, each of <paramref name="columns"/> finite numbers.</summary>
    public static Fin<Mat> Load(string path, int columns) =>
        BoundedFile.ReadAllBytes(path, MaxBytes).Bind(bytes => Parse(path, bytes, columns));

    /// <summary>As <see cref="Load"/>, and every value must be 0 or 1.</summary>
    public static Fin<Mat> LoadBinary(string path, int columns) =>
        Load(path, columns).Bind(m => CheckBinary(path, m));

    /// <summary>Parses the UTF-8 bytes of a data file (a leading byte-order mark is allowed); <paramref name="path"/> only names the source in errors.</summary>
    public static Fin<Mat> Parse(string path, ReadOnlyMemory<byte> utf8, int columns) =>
        Utf8Text.Decode(utf8, path).Bind(text => Parse(path, text, columns));

    /// <summary>As <see cref="Parse(string, ReadOnlyMemory{byte}, int)"/>, and every value must be 0 or 1 (the format of <c>--data</c>).</summary>
    public static Fin<Mat> ParseBinary(string path, ReadOnlyMemory<byte> utf8, int columns) =>
        Parse(path, utf8, columns).Bind(m => CheckBinary(path, m));

    /// <summary>Parses data text; <paramref name="path"/> only names the source in errors.</summary>
    public static Fin<Mat> Parse(string path, string text, int columns)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new List<double>();
        var lines = new List<int>();
        var errors = new List<Error>();
        foreach (var (lineNumber, fields) in DelimitedLines.Of(text))
        {
            if (fields.Length != columns)
            {
                errors.Add(DataFileErrors.WrongWidth(path, lineNumber, fields.Length, columns));
                if (errors.Count >= 10) break;
                continue;
            }

            for (var j = 0; j < fields.Length; j++)
            {
                if (double.TryParse(fields[j], NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x)) values.Add(x);
                else
                {
                    errors.Add(DataFileErrors.Malformed(path, lineNumber, j + 1, fields[j]));
                    values.Add(double.NaN);
                }
            }

            lines.Add(lineNumber);
            if (errors.Count >= 10) break;
        }

        if (errors.Count > 0) return FinFail<Mat>(Error.Many(errors.ToSeq()));
        return lines.Count == 0 ? FinFail<Mat>(DataFileErrors.Empty(path)) : FinSucc(Mat.From(lines.Count, columns, values.ToArray()));
    }

    private static Fin<Mat> CheckBinary(string path, Mat data)
    {
        var errors = new List<Error>();
        for (var r = 0; r < data.Rows && errors.Count < 10; r++)
        for (var j = 0; j < data.Columns && errors.Count < 10; j++)
            if (data[r, j] is not (0.0 or 1.0)) errors.Add(DataFileErrors.NotBinary(path, r + 1, j + 1, data[r, j]));
        return errors.Count == 0 ? FinSucc(data) : FinFail<Mat>(Error.Many(errors.ToSeq()));
    }
}
