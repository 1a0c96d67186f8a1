using Ebm.Functional.Annealing;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Io;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.Problems;

/// <summary>
/// Reads a QUBO matrix: the n rows of the symmetric n x n matrix Q, one line each, n numbers separated by spaces, tabs,
/// commas or semicolons (what <c>numpy.savetxt</c> writes); blank lines and lines starting with '#' are skipped; n is
/// the length of the first row. The problem is to minimise x^T Q x over x in {0,1}^n.
/// </summary>
/// <remarks>
/// Q must be symmetric: an upper-triangular matrix is refused rather than silently halved or doubled (its symmetric
/// equivalent is (Q + Q^T) / 2). Numbers are read with the invariant culture; every error names the file and the line
/// (<see cref="ProblemFileErrors"/>).
/// <example><code>
/// var qubo = QuboFile.Parse("pair.txt", "# one unit on\n-1 2\n2 -1\n");
/// qubo.Match(Succ: q =&gt; Console.WriteLine(q.Variables), Fail: e =&gt; Console.WriteLine(e.Message));   // 2
/// </code></example>
/// </remarks>
public static class QuboFile
{
    /// <summary>Largest file read, in bytes.</summary>
    public const long MaxBytes = 256L << 20;

    /// <summary>The problem in the file at <paramref name="path"/>.</summary>
    public static Fin<QuboProblem> Load(string path) =>
        BoundedFile.ReadAllBytes(path, MaxBytes).Bind(bytes => Utf8Text.Decode(bytes, path)).Bind(text => Parse(path, text));

    /// <summary>Parses the text of a QUBO file; <paramref name="path"/> only names the source in errors.</summary>
    public static Fin<QuboProblem> Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<double[]>();
        var lines = new List<int>();
        foreach (var (line, fields) in DelimitedLines.Of(text))
        {
            if (rows.Count > 0 && fields.Length != rows[0].Length)
                return FinFail<QuboProblem>(ProblemFileErrors.BadRow(path, line, rows.Count + 1, fields.Length, rows[0].Length));
            var row = new double[fields.Length];
            for (var j = 0; j < fields.Length; j++)
                if (!MaxCutFile.Real(fields[j], out row[j])) return FinFail<QuboProblem>(ProblemFileErrors.NotANumber(path, line, fields[j]));
            rows.Add(row);
            lines.Add(line);
            if (rows.Count > rows[0].Length) return FinFail<QuboProblem>(ProblemFileErrors.NotSquare(path, rows.Count, rows[0].Length));
        }

        if (rows.Count == 0) return FinFail<QuboProblem>(ProblemFileErrors.Empty(path, "the rows of a square symmetric matrix Q"));
        var n = rows[0].Length;
        if (rows.Count != n) return FinFail<QuboProblem>(ProblemFileErrors.NotSquare(path, rows.Count, n));
        for (var i = 0; i < n; i++)
        for (var j = i + 1; j < n; j++)
            if (rows[i][j] != rows[j][i])
                return FinFail<QuboProblem>(ProblemFileErrors.Asymmetric(path, i + 1, j + 1, rows[i][j], lines[i], rows[j][i], lines[j]));
        return QuboProblem.Create(Mat.FromRows(rows)).Match(
            FinSucc,
            errors => FinFail<QuboProblem>(Error.Many(errors.Map(e => ProblemFileErrors.InvalidProblem(path, e.Message)))));
    }
}
