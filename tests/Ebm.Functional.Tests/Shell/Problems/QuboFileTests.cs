using Ebm.Functional.Shell.Problems;

namespace Ebm.Functional.Tests.Shell.Problems;

/// <summary>QUBO files: the rows of a square symmetric matrix; every bad input is an expected error naming the file and line.</summary>
public sealed class QuboFileTests
{
    [Fact]
    public void The_rows_of_a_symmetric_matrix_are_read_across_separators_and_comments()
    {
        var qubo = QuboFile.Parse("q.txt", "# one unit on\n-1 2 0\n\n2,-1,0.5\n0\t0.5\t3e0\n")
            .Match(q => q, e => throw new InvalidOperationException(e.Message));
        Assert.Equal(3, qubo.Variables);
        Assert.Equal(0.5, qubo.Matrix[2, 1]);
        // x = (1, 0, 1): Q_00 + Q_22 + 2 Q_02 = -1 + 3 + 0 = 2.
        Assert.Equal(2.0, qubo.Objective([1, 0, 1]));
    }

    public static TheoryData<string, int, string> BadFiles() => new()
    {
        { "", ProblemFileErrors.EmptyCode, "q.txt: holds no values; expected the rows of a square symmetric matrix Q" },
        { "1 2\n2\n", ProblemFileErrors.BadRowCode, "q.txt: line 2: row 2 has 1 values, expected 2 like row 1" },
        { "1 2 3\n2 1 0\n", ProblemFileErrors.NotSquareCode, "q.txt: Q has 2 rows of 3 values; a QUBO matrix is square" },
        { "1\n2\n", ProblemFileErrors.NotSquareCode, "Q has 2 rows of 1 values" },
        { "1 2\n# c\n3 1\n", ProblemFileErrors.AsymmetricCode, "q.txt: Q is not symmetric: row 1, column 2 is 2 (line 1) but row 2, column 1 is 3 (line 3)" },
        { "1 0\n0 1,5\n", ProblemFileErrors.BadRowCode, "line 2: row 2 has 3 values" },
        { "1 0\n0 x\n", ProblemFileErrors.NotANumberCode, "q.txt: line 2: \"x\" is not a finite number" },
        { "1 0\n0 Infinity\n", ProblemFileErrors.NotANumberCode, "\"Infinity\" is not a finite number" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_files_are_expected_errors_naming_the_file_and_line(string text, int code, string message)
    {
        var error = QuboFile.Parse("q.txt", text).Match(_ => throw new InvalidOperationException("parsed"), e => e);
        Assert.Equal(code, error.Code);
        Assert.True(error.IsExpected);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
