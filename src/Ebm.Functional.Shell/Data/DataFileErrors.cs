using Ebm.Functional.Shell.Io;
using LanguageExt.Common;

namespace Ebm.Functional.Shell.Data;

/// <summary>Errors of data files (codes 3201-3209).</summary>
public static class DataFileErrors
{
    /// <summary>Code of <see cref="Malformed"/>.</summary>
    public const int MalformedCode = 3201;

    /// <summary>Code of <see cref="WrongWidth"/>.</summary>
    public const int WrongWidthCode = 3202;

    /// <summary>Code of <see cref="NotBinary"/>.</summary>
    public const int NotBinaryCode = 3203;

    /// <summary>Code of <see cref="Empty"/>.</summary>
    public const int EmptyCode = 3204;

    /// <summary>Every code of this catalogue (invalid UTF-8 is <see cref="TextErrors.NotUtf8Code"/>).</summary>
    public static IReadOnlyList<int> Codes { get; } = [MalformedCode, WrongWidthCode, NotBinaryCode, EmptyCode];

    /// <summary>A value that is not a finite number (quoted, shortened and escaped).</summary>
    public static Error Malformed(string path, int line, int column, string text) =>
        Error.New(MalformedCode, $"{path}: line {line}, value {column}: {EchoedText.Quote(text)} is not a finite number");

    /// <summary>A row whose length differs from the model's.</summary>
    public static Error WrongWidth(string path, int line, int found, int expected) =>
        Error.New(WrongWidthCode, $"{path}: line {line} has {found} values; the model needs {expected} per row");

    /// <summary>A value other than 0 or 1 where binary data are needed.</summary>
    public static Error NotBinary(string path, int row, int column, double value) =>
        Error.New(NotBinaryCode, $"{path}: data row {row}, value {column} is {value}; binary data hold only 0 and 1");

    /// <summary>A file without data rows.</summary>
    public static Error Empty(string path) => Error.New(EmptyCode, $"{path}: no data rows (one vector per line, values separated by commas or spaces)");
}
