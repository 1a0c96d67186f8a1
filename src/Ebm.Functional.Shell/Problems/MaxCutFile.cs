using System.Globalization;
using Ebm.Functional.Annealing;
using Ebm.Functional.Shell.Io;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.Problems;

/// <summary>
/// Reads a weighted Max-Cut graph: a header line "VERTICES EDGES", then one line "FROM TO [WEIGHT]" per edge, vertices
/// numbered from 1 (the convention of the Gset instances of Helmberg and Rendl), a missing weight meaning 1; fields are
/// separated by spaces, tabs, commas or semicolons; blank lines and lines starting with '#' are skipped.
/// </summary>
/// <remarks>
/// Parallel edges add their weights; a loop (FROM = TO) is refused. Numbers are read with the invariant culture. Every
/// error names the file and the line (<see cref="ProblemFileErrors"/>); the first error stops the reading.
/// <example><code>
/// var graph = MaxCutFile.Parse("square.txt", "# a 4-cycle\n4 4\n1 2\n2 3\n3 4\n4 1 2.5\n");
/// graph.Match(Succ: g =&gt; Console.WriteLine(g.TotalWeight), Fail: e =&gt; Console.WriteLine(e.Message));   // 5.5
/// </code></example>
/// </remarks>
public static class MaxCutFile
{
    /// <summary>Largest file read, in bytes.</summary>
    public const long MaxBytes = 256L << 20;

    private const string Expected = "a header \"VERTICES EDGES\" and one \"FROM TO [WEIGHT]\" line per edge";

    /// <summary>The graph in the file at <paramref name="path"/>.</summary>
    public static Fin<MaxCutProblem> Load(string path) =>
        BoundedFile.ReadAllBytes(path, MaxBytes).Bind(bytes => Utf8Text.Decode(bytes, path)).Bind(text => Parse(path, text));

    /// <summary>Parses the text of a Max-Cut file; <paramref name="path"/> only names the source in errors.</summary>
    public static Fin<MaxCutProblem> Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int vertices = 0, promised = 0;
        var header = true;
        var edges = new List<WeightedEdge>();
        foreach (var (line, fields) in DelimitedLines.Of(text))
        {
            if (header)
            {
                if (fields.Length != 2 || !Whole(fields[0], out vertices) || !Whole(fields[1], out promised))
                    return FinFail<MaxCutProblem>(ProblemFileErrors.BadHeader(path, line,
                        $"expected two whole numbers \"VERTICES EDGES\", found {EchoedText.Quote(string.Join(' ', fields))}"));
                if (vertices < 1) return FinFail<MaxCutProblem>(ProblemFileErrors.BadHeader(path, line, $"a graph has at least 1 vertex, not {vertices}"));
                header = false;
                continue;
            }

            var edge = Edge(path, line, fields, vertices);
            if (edge.IsFail) return FinFail<MaxCutProblem>((Error)edge);
            edges.Add((WeightedEdge)edge);
        }

        if (header) return FinFail<MaxCutProblem>(ProblemFileErrors.Empty(path, Expected));
        if (edges.Count != promised) return FinFail<MaxCutProblem>(ProblemFileErrors.EdgeCount(path, promised, edges.Count));
        return MaxCutProblem.Create(vertices, edges.ToSeq()).Match(
            FinSucc,
            errors => FinFail<MaxCutProblem>(Error.Many(errors.Map(e => ProblemFileErrors.InvalidProblem(path, e.Message)))));
    }

    private static Fin<WeightedEdge> Edge(string path, int line, string[] fields, int vertices)
    {
        if (fields.Length is < 2 or > 3)
            return FinFail<WeightedEdge>(ProblemFileErrors.BadEdge(path, line, $"an edge is \"FROM TO [WEIGHT]\", found {fields.Length} fields"));
        if (!Whole(fields[0], out var from) || !Whole(fields[1], out var to))
            return FinFail<WeightedEdge>(ProblemFileErrors.BadEdge(path, line,
                $"vertices are whole numbers 1..{vertices}, found {EchoedText.Quote(fields[0])} and {EchoedText.Quote(fields[1])}"));
        foreach (var vertex in new[] { from, to })
            if (vertex < 1 || vertex > vertices)
                return FinFail<WeightedEdge>(ProblemFileErrors.BadEdge(path, line, $"vertex {vertex} is outside 1..{vertices} (vertices count from 1)"));
        if (from == to) return FinFail<WeightedEdge>(ProblemFileErrors.BadEdge(path, line, $"the edge {from} {to} is a loop, which no cut separates"));
        var weight = 1.0;
        if (fields.Length == 3 && !Real(fields[2], out weight)) return FinFail<WeightedEdge>(ProblemFileErrors.NotANumber(path, line, fields[2]));
        return FinSucc(new WeightedEdge(from - 1, to - 1, weight));
    }

    private static bool Whole(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>A finite number in the invariant culture.</summary>
    internal static bool Real(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
