using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Ebm.Functional.Tests.Architecture;

/// <summary>
/// One error catalogue as its source declares it: a static class named <c>*Errors</c>, its <c>const int ...Code</c>
/// fields, the ranges its summary reserves ("(codes 7050-7059)", or several: "codes 7030-7031, 7034-7049"), and what
/// does not follow the convention.
/// </summary>
/// <param name="File">The file that declares it.</param>
/// <param name="Name">The class name.</param>
/// <param name="Codes">Every <c>const int</c> field with a literal value.</param>
/// <param name="Ranges">The ranges the class summary reserves, empty when it states none.</param>
/// <param name="Problems">Departures from the convention found while reading it.</param>
internal sealed partial record ErrorCatalogue(
    SourceFile File,
    string Name,
    IReadOnlyList<(string Name, int Value)> Codes,
    IReadOnlyList<(int First, int Last)> Ranges,
    IReadOnlyList<string> Problems)
{
    /// <summary>Every catalogue declared in <paramref name="file"/>.</summary>
    public static IEnumerable<ErrorCatalogue> In(SourceFile file) =>
        file.TopLevelTypes.OfType<ClassDeclarationSyntax>()
            .Where(c => c.Identifier.Text.EndsWith("Errors", StringComparison.Ordinal))
            .Select(c => Read(file, c));

    /// <summary>True when <paramref name="code"/> lies in one of the reserved ranges.</summary>
    public bool Reserves(int code) => Ranges.Any(r => r.First <= code && code <= r.Last);

    private static ErrorCatalogue Read(SourceFile file, ClassDeclarationSyntax type)
    {
        var name = type.Identifier.Text;
        var problems = new List<string>();
        if (!type.Modifiers.Any(SyntaxKind.StaticKeyword)) problems.Add($"{name} is not a static class");

        var codes = new List<(string, int)>();
        foreach (var field in type.Members.OfType<FieldDeclarationSyntax>().Where(f => f.Modifiers.Any(SyntaxKind.ConstKeyword)))
        {
            if (field.Declaration.Type.ToString() != "int") continue;
            foreach (var v in field.Declaration.Variables)
            {
                var id = v.Identifier.Text;
                if (!id.EndsWith("Code", StringComparison.Ordinal)) problems.Add($"{name}.{id} is a code whose name does not end in Code");
                if (v.Initializer?.Value is LiteralExpressionSyntax { Token.Value: int value }) codes.Add((id, value));
                else problems.Add($"{name}.{id} is not an integer literal");
            }
        }

        foreach (var call in NewErrors(type))
        {
            var first = call.ArgumentList.Arguments.FirstOrDefault()?.Expression;
            if (first is not IdentifierNameSyntax id || !id.Identifier.Text.EndsWith("Code", StringComparison.Ordinal))
                problems.Add($"{name}: Error.New({first}, ...) does not name one of the catalogue's ...Code constants");
        }

        var ranges = RangesOf(type);
        if (ranges.Count == 0) problems.Add($"{name}: the class summary reserves no range, \"(codes FIRST-LAST)\"");
        foreach (var (first, last) in ranges.Where(r => r.First > r.Last))
            problems.Add($"{name}: the range {first}-{last} is empty");
        return new ErrorCatalogue(file, name, codes, ranges, problems);
    }

    /// <summary>The <c>Error.New(code, ...)</c> calls of a node that pass a code (a first argument that is not a message).</summary>
    public static IEnumerable<InvocationExpressionSyntax> NewErrors(SyntaxNode node) =>
        node.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression.ToString() is "Error.New" or "LanguageExt.Common.Error.New" && i.ArgumentList.Arguments.Count >= 2);

    private static List<(int First, int Last)> RangesOf(ClassDeclarationSyntax type)
    {
        var summary = type.GetLeadingTrivia()
            .Select(t => t.GetStructure())
            .OfType<DocumentationCommentTriviaSyntax>()
            .SelectMany(d => d.Content.OfType<XmlElementSyntax>())
            .FirstOrDefault(e => e.StartTag.Name.ToString() == "summary");
        if (summary is null) return [];
        var text = Whitespace().Replace(summary.Content.ToFullString().Replace("///", " ", StringComparison.Ordinal), " ");
        var stated = RangeList().Match(text);
        if (!stated.Success) return [];
        return OneRange().Matches(stated.Groups[1].Value)
            .Select(m => (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value)))
            .ToList();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\bcodes (\d+-\d+(?:(?:, | and )\d+-\d+)*)")]
    private static partial Regex RangeList();

    [GeneratedRegex(@"(\d+)-(\d+)")]
    private static partial Regex OneRange();
}
