using Ebm.Functional.Shell.Io;
using LanguageExt.Common;

namespace Ebm.Functional.Shell.Problems;

/// <summary>
/// Errors of Max-Cut and QUBO files (codes 3701-3749); each message starts with the path and, where one line is at
/// fault, its number (from 1). All are expected errors.
/// </summary>
public static class ProblemFileErrors
{
    /// <summary>Code of <see cref="Empty"/>.</summary>
    public const int EmptyCode = 3701;

    /// <summary>Code of <see cref="NotANumber"/>.</summary>
    public const int NotANumberCode = 3702;

    /// <summary>Code of <see cref="BadHeader"/>.</summary>
    public const int BadHeaderCode = 3703;

    /// <summary>Code of <see cref="BadEdge"/>.</summary>
    public const int BadEdgeCode = 3704;

    /// <summary>Code of <see cref="EdgeCount"/>.</summary>
    public const int EdgeCountCode = 3705;

    /// <summary>Code of <see cref="BadRow"/>.</summary>
    public const int BadRowCode = 3706;

    /// <summary>Code of <see cref="NotSquare"/>.</summary>
    public const int NotSquareCode = 3707;

    /// <summary>Code of <see cref="Asymmetric"/>.</summary>
    public const int AsymmetricCode = 3708;

    /// <summary>Code of <see cref="InvalidProblem"/>.</summary>
    public const int InvalidProblemCode = 3709;

    /// <summary>A file with no value lines (only blanks and comments).</summary>
    public static Error Empty(string path, string expected) => Error.New(EmptyCode, $"{path}: holds no values; expected {expected}");

    /// <summary>A field that is not a finite number in the invariant culture (quoted, shortened and escaped).</summary>
    public static Error NotANumber(string path, int line, string text) =>
        Error.New(NotANumberCode, $"{path}: line {line}: {EchoedText.Quote(text)} is not a finite number");

    /// <summary>A Max-Cut header that is not "VERTICES EDGES".</summary>
    public static Error BadHeader(string path, int line, string why) => Error.New(BadHeaderCode, $"{path}: line {line}: header: {why}");

    /// <summary>An edge line that is not "FROM TO [WEIGHT]" with distinct vertices in range.</summary>
    public static Error BadEdge(string path, int line, string why) => Error.New(BadEdgeCode, $"{path}: line {line}: {why}");

    /// <summary>A number of edge lines other than the header's.</summary>
    public static Error EdgeCount(string path, int promised, int found) =>
        Error.New(EdgeCountCode, $"{path}: the header promises {promised} edges, the file has {found} edge lines");

    /// <summary>A QUBO row whose length differs from the first row's.</summary>
    public static Error BadRow(string path, int line, int row, int values, int expected) =>
        Error.New(BadRowCode, $"{path}: line {line}: row {row} has {values} values, expected {expected} like row 1");

    /// <summary>A QUBO matrix whose row count differs from its column count.</summary>
    public static Error NotSquare(string path, int rows, int columns) =>
        Error.New(NotSquareCode, $"{path}: Q has {rows} rows of {columns} values; a QUBO matrix is square");

    /// <summary>A QUBO matrix with Q_ij != Q_ji (rows and columns from 1, as in the file).</summary>
    public static Error Asymmetric(string path, int row, int column, double value, int rowLine, double mirror, int columnLine) =>
        Error.New(AsymmetricCode,
            $"{path}: Q is not symmetric: row {row}, column {column} is {value} (line {rowLine}) but row {column}, column {row} is {mirror} (line {columnLine})");

    /// <summary>A problem the core refuses (too many vertices, say), with the core's reason.</summary>
    public static Error InvalidProblem(string path, string why) => Error.New(InvalidProblemCode, $"{path}: {why}");
}
