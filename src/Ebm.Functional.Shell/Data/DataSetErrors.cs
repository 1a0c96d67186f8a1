using Ebm.Functional.Shell.Io;
using LanguageExt.Common;

namespace Ebm.Functional.Shell.Data;

/// <summary>
/// Errors of data sets read from NumPy, IDX and gzip files, and of their shape and values (codes 3210-3229). Each
/// message starts with the file; rows and values count from 1. All are expected errors (bad input).
/// </summary>
public static class DataSetErrors
{
    /// <summary>Code of <see cref="WrongShape"/>.</summary>
    public const int WrongShapeCode = 3210;

    /// <summary>Code of <see cref="WrongWidth"/>.</summary>
    public const int WrongWidthCode = 3211;

    /// <summary>Code of <see cref="NotFinite"/>.</summary>
    public const int NotFiniteCode = 3212;

    /// <summary>Code of <see cref="NotSpin"/>.</summary>
    public const int NotSpinCode = 3213;

    /// <summary>Code of <see cref="Ragged"/>.</summary>
    public const int RaggedCode = 3214;

    /// <summary>Code of <see cref="NoExamples"/>.</summary>
    public const int NoExamplesCode = 3215;

    /// <summary>Code of <see cref="WhichArray"/>.</summary>
    public const int WhichArrayCode = 3216;

    /// <summary>Code of <see cref="NotGzip"/>.</summary>
    public const int NotGzipCode = 3217;

    /// <summary>Every code of this catalogue.</summary>
    public static IReadOnlyList<int> Codes { get; } =
        [WrongShapeCode, WrongWidthCode, NotFiniteCode, NotSpinCode, RaggedCode, NoExamplesCode, WhichArrayCode, NotGzipCode];

    /// <summary>An array that is not a table of examples (a scalar, a 1-d vector).</summary>
    public static Error WrongShape(string path, string shape) =>
        Error.New(WrongShapeCode, $"{path}: an array of shape {shape} is not a data set; it needs 2 dimensions (examples x values) or more (images, flattened per example)");

    /// <summary>Examples of another width than the model's.</summary>
    public static Error WrongWidth(string path, int found, int expected) =>
        Error.New(WrongWidthCode, $"{path}: each example has {found} values; the model needs {expected}");

    /// <summary>A NaN or infinite value.</summary>
    public static Error NotFinite(string path, int row, int column, double value) =>
        Error.New(NotFiniteCode, $"{path}: data row {row}, value {column} is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}; data must be finite numbers");

    /// <summary>A value other than -1 or +1 where spins are needed.</summary>
    public static Error NotSpin(string path, int row, int column, double value) =>
        Error.New(NotSpinCode, $"{path}: data row {row}, value {column} is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}; spin data hold only -1 and +1");

    /// <summary>A text line whose number of values differs from the first line's.</summary>
    public static Error Ragged(string path, int line, int found, int firstLine, int expected) =>
        Error.New(RaggedCode, $"{path}: line {line} has {found} values, but line {firstLine} has {expected}; every example needs the same number");

    /// <summary>An array with no examples or no values per example.</summary>
    public static Error NoExamples(string path, string shape) => Error.New(NoExamplesCode, $"{path}: the array of shape {shape} holds no data");

    /// <summary>An archive of several arrays, none of them named as the data.</summary>
    /// <remarks>Names come from the file, so each is quoted and escaped, and at most ten are listed.</remarks>
    public static Error WhichArray(string path, string? asked, IReadOnlyList<string> names)
    {
        var listed = string.Join(", ", names.Take(10).Select(EchoedText.Quote)) + (names.Count > 10 ? $" and {names.Count - 10} more" : "");
        return Error.New(WhichArrayCode, asked is null
            ? $"{path}: the archive holds the arrays {listed}; name the one that holds the data"
            : $"{path}: no array {EchoedText.Quote(asked)}; the archive holds {listed}");
    }

    /// <summary>A file named .gz that is not gzip data, or corrupt gzip data.</summary>
    public static Error NotGzip(string path, string reason) => Error.New(NotGzipCode, $"{path}: not readable gzip data: {reason}");
}
