using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Io;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.Data;

/// <summary>The checks every loaded data set passes: one width for all examples, finite values, and the model's state values. At most ten problems are reported.</summary>
internal static class DataChecks
{
    private const int MaxReported = 10;

    /// <summary>
    /// The width of a text data set: <paramref name="width"/> when the model fixes it (each line is then checked
    /// against it), otherwise the first line's, with every line of another width reported as ragged.
    /// </summary>
    public static Fin<(string Text, int Width)> Width(string path, string text, int? width)
    {
        if (width is { } fixedWidth) return FinSucc((text, fixedWidth));
        var errors = new List<Error>();
        (int Line, int Width)? first = null;
        foreach (var (line, fields) in DelimitedLines.Of(text))
        {
            if (first is not { } f) first = (line, fields.Length);
            else if (fields.Length != f.Width) errors.Add(DataSetErrors.Ragged(path, line, fields.Length, f.Line, f.Width));
            if (errors.Count >= MaxReported) break;
        }

        if (errors.Count > 0) return FinFail<(string, int)>(Error.Many(errors.ToSeq()));
        return first is { } found ? FinSucc((text, found.Width)) : FinFail<(string, int)>(DataFileErrors.Empty(path));
    }

    /// <summary>Every value finite, and for binary or spin data every value a state of the model.</summary>
    public static Fin<Mat> Values(string path, Mat data, DataValues values)
    {
        var errors = new List<Error>();
        var all = data.Span;
        for (var i = 0; i < all.Length && errors.Count < MaxReported; i++)
        {
            var x = all[i];
            var finite = double.IsFinite(x);
            if (finite && values switch { DataValues.Binary => x is 0.0 or 1.0, DataValues.Spin => x is -1.0 or 1.0, _ => true }) continue;
            var (row, column) = (i / data.Columns + 1, i % data.Columns + 1);
            errors.Add(!finite ? DataSetErrors.NotFinite(path, row, column, x)
                : values == DataValues.Binary ? DataFileErrors.NotBinary(path, row, column, x)
                : DataSetErrors.NotSpin(path, row, column, x));
        }

        return errors.Count == 0 ? FinSucc(data) : FinFail<Mat>(Error.Many(errors.ToSeq()));
    }
}
