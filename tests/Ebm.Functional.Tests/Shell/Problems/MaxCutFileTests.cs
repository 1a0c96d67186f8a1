using Ebm.Functional.Shell.Problems;

namespace Ebm.Functional.Tests.Shell.Problems;

/// <summary>Max-Cut files: a header, 1-based weighted edges; every bad input is an expected error naming the file and line.</summary>
public sealed class MaxCutFileTests
{
    [Fact]
    public void A_cycle_with_comments_separators_and_a_default_weight_is_read()
    {
        var graph = MaxCutFile.Parse("g.txt", "# a 4-cycle\n\n4 4\r\n1 2\n2,3\t0.5\n3;4 -1\n# last edge\n4 1 2.5\n")
            .Match(g => g, e => throw new InvalidOperationException(e.Message));
        Assert.Equal(4, graph.Vertices);
        Assert.Equal(3.0, graph.TotalWeight);
        Assert.Equal(new Ebm.Functional.Annealing.WeightedEdge(3, 0, 2.5), graph.Edges[3]);
        // s = (+, -, +, -) cuts every edge: 1 + 0.5 - 1 + 2.5 = 3.
        Assert.Equal(3.0, graph.Cut([1, -1, 1, -1]));
    }

    public static TheoryData<string, int, string> BadFiles() => new()
    {
        { "", ProblemFileErrors.EmptyCode, "g.txt: holds no values; expected a header \"VERTICES EDGES\"" },
        { "# nothing\n", ProblemFileErrors.EmptyCode, "holds no values" },
        { "4\n1 2\n", ProblemFileErrors.BadHeaderCode, "g.txt: line 1: header: expected two whole numbers \"VERTICES EDGES\", found \"4\"" },
        { "four 1\n1 2\n", ProblemFileErrors.BadHeaderCode, "line 1: header" },
        { "0 0\n", ProblemFileErrors.BadHeaderCode, "at least 1 vertex, not 0" },
        { "3 2\n1 2\n2 x\n", ProblemFileErrors.BadEdgeCode, "g.txt: line 3: vertices are whole numbers 1..3, found \"2\" and \"x\"" },
        { "3 2\n1 2\n2 3 y\n", ProblemFileErrors.NotANumberCode, "g.txt: line 3: \"y\" is not a finite number" },
        { "3 1\n1 2 NaN\n", ProblemFileErrors.NotANumberCode, "\"NaN\" is not a finite number" },
        { "3 2\n1 2\n0 3\n", ProblemFileErrors.BadEdgeCode, "g.txt: line 3: vertex 0 is outside 1..3 (vertices count from 1)" },
        { "3 1\n# c\n1 4\n", ProblemFileErrors.BadEdgeCode, "g.txt: line 3: vertex 4 is outside 1..3" },
        { "3 1\n2 2\n", ProblemFileErrors.BadEdgeCode, "line 2: the edge 2 2 is a loop" },
        { "3 1\n1 2 1 7\n", ProblemFileErrors.BadEdgeCode, "found 4 fields" },
        { "3 3\n1 2\n2 3\n", ProblemFileErrors.EdgeCountCode, "g.txt: the header promises 3 edges, the file has 2 edge lines" },
        { "3 1\n1 2\n2 3\n", ProblemFileErrors.EdgeCountCode, "promises 1 edges, the file has 2" },
        { "5000 1\n1 2\n", ProblemFileErrors.InvalidProblemCode, "g.txt: max-cut: a graph has 1 to 4096 vertices, not 5000" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_files_are_expected_errors_naming_the_file_and_line(string text, int code, string message)
    {
        var error = MaxCutFile.Parse("g.txt", text).Match(_ => throw new InvalidOperationException("parsed"), e => e);
        Assert.Equal(code, error.Code);
        Assert.True(error.IsExpected);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_an_expected_error_naming_it()
    {
        var error = MaxCutFile.Load("/nonexistent/graph.txt").Match(_ => throw new InvalidOperationException("loaded"), e => e);
        Assert.True(error.IsExpected);
        Assert.Contains("/nonexistent/graph.txt", error.Message, StringComparison.Ordinal);
    }
}
