using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Ebm.Functional.Tests.Architecture;

/// <summary>
/// One convention for the error catalogues of every src project (README, "Packages and layout"): a static class
/// <c>TopicErrors</c> beside the code that raises its errors, a <c>const int NameCode</c> per error used by
/// <c>Error.New</c>, the codes inside the ranges its summary reserves, and no range shared by two catalogues.
/// </summary>
public sealed class ErrorCatalogueTests
{
    private static readonly Lazy<IReadOnlyList<ErrorCatalogue>> Found = new(() =>
        Sources().SelectMany(ErrorCatalogue.In).ToList());

    private static IReadOnlyList<ErrorCatalogue> Catalogues => Found.Value;

    [Fact]
    public void Every_catalogue_follows_the_convention()
    {
        var problems = Catalogues.SelectMany(c => c.Problems.Select(p => $"{c.File.Shown}: {p}")).ToList();

        Assert.True(Catalogues.Count > 10, $"found only {Catalogues.Count} catalogues");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_code_lies_in_its_catalogues_reserved_ranges()
    {
        var outside = Catalogues.Where(c => c.Ranges.Count > 0)
            .SelectMany(c => c.Codes.Where(code => !c.Reserves(code.Value))
                .Select(code => $"{c.Name}.{code.Name} = {code.Value} is outside {Shown(c)}"))
            .ToList();

        Assert.True(outside.Count == 0, string.Join("\n", outside));
    }

    [Fact]
    public void No_two_catalogues_reserve_overlapping_ranges_or_share_a_code()
    {
        var clashes = new List<string>();
        foreach (var (a, i) in Catalogues.Select((c, i) => (c, i)))
        foreach (var b in Catalogues.Skip(i + 1))
        {
            if (a.Ranges.Any(r => b.Ranges.Any(s => r.First <= s.Last && s.First <= r.Last)))
                clashes.Add($"{a.Name} ({Shown(a)}) and {b.Name} ({Shown(b)}) overlap");
            foreach (var code in a.Codes.Select(c => c.Value).Intersect(b.Codes.Select(c => c.Value)))
                clashes.Add($"{code} is a code of both {a.Name} and {b.Name}");
        }

        Assert.True(clashes.Count == 0, string.Join("\n", clashes));
    }

    [Fact]
    public void Every_catalogue_lives_in_the_folder_whose_code_raises_its_errors()
    {
        var sources = Sources().ToList();
        var strays = Catalogues
            .Where(c => !sources.Any(f => f != c.File && f.RootDirectory == c.File.RootDirectory && f.Folder == c.File.Folder && Mentions(f, c.Name)))
            .Select(c => $"{c.File.Shown}: no other file of {c.File.RootDirectory}/{c.File.Folder} uses {c.Name}; move it to the folder that does")
            .ToList();

        Assert.True(strays.Count == 0, string.Join("\n", strays));
    }

    [Fact]
    public void Codes_come_only_from_catalogues()
    {
        var literal = Sources()
            .SelectMany(f => ErrorCatalogue.NewErrors(f.Syntax)
                .Where(call => call.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax l && l.IsKind(SyntaxKind.NumericLiteralExpression))
                .Select(call => $"{f.Shown}: {call}"))
            .ToList();

        Assert.True(literal.Count == 0, "error codes written as numbers instead of a catalogue's constant:\n" + string.Join("\n", literal));
    }

    [Fact]
    public void The_source_reader_finds_every_catalogue_the_library_assemblies_hold()
    {
        var compiled = new[] { typeof(Ebm.Functional.Models.ModelErrors).Assembly, typeof(Ebm.Functional.Shell.Io.AtomicFile).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: true, IsSealed: true, IsNested: false } && t.Name.EndsWith("Errors", StringComparison.Ordinal))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        var read = Catalogues.Where(c => c.File.RootDirectory is "src/Ebm.Functional" or "src/Ebm.Functional.Shell")
            .Select(c => c.Name)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(compiled, read);
        Assert.All(
            new[] { typeof(Ebm.Functional.Models.ModelErrors), typeof(Ebm.Functional.Estimators.SmcErrors) }.SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)).Where(f => f.IsLiteral && f.FieldType == typeof(int)),
            f => Assert.Contains(Catalogues, c => c.Codes.Contains((f.Name, (int)f.GetRawConstantValue()!))));
    }

    [Fact]
    public void Planted_catalogues_that_break_the_convention_are_reported()
    {
        var loose = Planted("Models/LooseErrors.cs", """
            /// <summary>Errors without a range.</summary>
            public sealed class LooseErrors
            {
                public const int First = 1001;
                public static Error Bad() => Error.New(1002, "bad");
            }
            """).Single();
        var ranged = Planted("Mcmc/RangedErrors.cs", """
            /// <summary>Errors of kernels (codes 6001-6009,
            /// 6020-6029).</summary>
            public static class RangedErrors
            {
                public const int InsideCode = 6021;
                public const int OutsideCode = 6010;
                public static Error Inside() => Error.New(InsideCode, "inside");
            }
            """).Single();

        Assert.Equal(
        [
            "LooseErrors is not a static class",
            "LooseErrors.First is a code whose name does not end in Code",
            "LooseErrors: Error.New(1002, ...) does not name one of the catalogue's ...Code constants",
            "LooseErrors: the class summary reserves no range, \"(codes FIRST-LAST)\"",
        ], loose.Problems);
        Assert.Empty(ranged.Problems);
        Assert.Equal([(6001, 6009), (6020, 6029)], ranged.Ranges);
        Assert.True(ranged.Reserves(6021));
        Assert.False(ranged.Reserves(6010));
    }

    private static IEnumerable<ErrorCatalogue> Planted(string path, string body) =>
        ErrorCatalogue.In(SourceFile.FromText(path, $"namespace Ebm.Functional.{path[..path.IndexOf('/')]};\n{body}", "Ebm.Functional", "src/Ebm.Functional"));

    private static IEnumerable<SourceFile> Sources() =>
        SourceRoot.All.Where(r => r.Directory.StartsWith("src/", StringComparison.Ordinal)).SelectMany(r => r.Files);

    private static bool Mentions(SourceFile file, string name) =>
        file.Syntax.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == name);

    private static string Shown(ErrorCatalogue c) =>
        c.Ranges.Count == 0 ? "no reserved range" : "codes " + string.Join(", ", c.Ranges.Select(r => $"{r.First}-{r.Last}"));
}
