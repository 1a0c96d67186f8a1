using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Ebm.Functional.Tests.Architecture;

/// <summary>One C# file, parsed for its syntax only: where it lies, what it declares and which namespaces it names.</summary>
/// <param name="Path">The path inside its source root, with '/' separators.</param>
/// <param name="RootNamespace">The namespace of its source root.</param>
/// <param name="RootDirectory">Its source root, relative to the repository, for messages.</param>
/// <param name="Syntax">The parsed file, documentation comments included (their <c>cref</c>s name types too).</param>
internal sealed record SourceFile(string Path, string RootNamespace, string RootDirectory, CompilationUnitSyntax Syntax)
{
    // Preview: the parser must read every construct the compiler of the build accepts at LangVersion latest.
    private static readonly CSharpParseOptions Options = new(LanguageVersion.Preview, DocumentationMode.Parse);

    /// <summary>The folder inside the root ("" for a file at the root), with '/' separators.</summary>
    public string Folder => Path.Contains('/') ? Path[..Path.LastIndexOf('/')] : "";

    /// <summary>The first folder of <see cref="Folder"/> ("" for a file at the root).</summary>
    public string TopFolder => Folder.Split('/')[0];

    /// <summary>The file name without ".cs": "Paths.Rbm" for Paths.Rbm.cs.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>The path from the repository root, as messages print it.</summary>
    public string Shown => RootDirectory.Length == 0 ? Path : $"{RootDirectory}/{Path}";

    /// <summary>The namespace a file in this folder declares: the root's, then each folder's name.</summary>
    public string ExpectedNamespace => Folder.Length == 0 ? RootNamespace : $"{RootNamespace}.{Folder.Replace('/', '.')}";

    /// <summary>Every namespace the file declares (nested ones joined with '.').</summary>
    public IReadOnlyList<string> Namespaces =>
        Syntax.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<BaseNamespaceDeclarationSyntax>()
            .Select(n => string.Join('.', n.AncestorsAndSelf().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(a => a.Name.ToString())))
            .ToList();

    /// <summary>True for a file of top-level statements (a program's entry point), which has no namespace to declare.</summary>
    public bool HasTopLevelStatements => Syntax.Members.OfType<GlobalStatementSyntax>().Any();

    /// <summary>The types declared directly in a namespace or in the file, not inside another type.</summary>
    public IReadOnlyList<MemberDeclarationSyntax> TopLevelTypes =>
        Syntax.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .Where(n => n is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
            .Cast<MemberDeclarationSyntax>()
            .ToList();

    /// <summary>The name of a type declaration (without its type parameters).</summary>
    public static string TypeName(MemberDeclarationSyntax type) => type switch
    {
        BaseTypeDeclarationSyntax t => t.Identifier.Text,
        DelegateDeclarationSyntax d => d.Identifier.Text,
        _ => throw new ArgumentException($"not a type declaration: {type.Kind()}", nameof(type)),
    };

    /// <summary>
    /// Every name under <paramref name="prefix"/> that the file uses outside its own namespace declaration: using
    /// directives (whole) and qualified names, crefs included (the prefix and one more identifier).
    /// </summary>
    public IEnumerable<string> NamedNamespaces(string prefix)
    {
        foreach (var u in Syntax.DescendantNodes().OfType<UsingDirectiveSyntax>())
        {
            var name = u.NamespaceOrType.ToString().Replace("global::", "", StringComparison.Ordinal);
            if (name.StartsWith(prefix + ".", StringComparison.Ordinal)) yield return name;
        }

        // A qualified name is a run of identifiers joined by dots (Ebm.Functional.Exact.ExactMethod.Auto); only its
        // first identifiers matter, so a token scan finds it in code and in documentation alike.
        var parts = prefix.Split('.');
        var tokens = Syntax.DescendantTokens(descendIntoTrivia: true).ToList();
        for (var i = 0; i + 2 * parts.Length < tokens.Count; i++)
        {
            var match = true;
            for (var k = 0; k < parts.Length && match; k++)
                match = tokens[i + 2 * k].ValueText == parts[k] && tokens[i + 2 * k + 1].IsKind(SyntaxKind.DotToken);
            if (!match || (i > 0 && tokens[i - 1].IsKind(SyntaxKind.DotToken)) || InDeclarationOrUsing(tokens[i])) continue;
            var next = tokens[i + 2 * parts.Length];
            if (next.IsKind(SyntaxKind.IdentifierToken)) yield return $"{prefix}.{next.ValueText}";
        }
    }

    /// <summary>
    /// Every simple name the file uses where a type name may stand unqualified (code and documentation): not the
    /// right-hand part of a qualified name or member access, and not in a namespace declaration or using directive.
    /// </summary>
    public IEnumerable<string> NamedTypes() =>
        Syntax.DescendantNodes(descendIntoTrivia: true)
            .OfType<SimpleNameSyntax>()
            .Where(n => n.Parent switch
            {
                QualifiedNameSyntax q => q.Left == n,
                MemberAccessExpressionSyntax m => m.Expression == n,
                _ => true,
            })
            .Where(n => !InDeclarationOrUsing(n.Identifier))
            .Select(n => n.Identifier.Text)
            .Distinct(StringComparer.Ordinal);

    private static bool InDeclarationOrUsing(SyntaxToken token) =>
        token.Parent?.FirstAncestorOrSelf<UsingDirectiveSyntax>() is not null
        || token.Parent?.FirstAncestorOrSelf<NameSyntax>(n => n.Parent is BaseNamespaceDeclarationSyntax) is not null;

    /// <summary>Parses the file at <paramref name="fullPath"/>.</summary>
    public static SourceFile Parse(string path, string fullPath, string rootNamespace, string rootDirectory) =>
        FromText(path, File.ReadAllText(fullPath), rootNamespace, rootDirectory);

    /// <summary>Parses <paramref name="text"/> as if it were the file at <paramref name="path"/> of a root.</summary>
    public static SourceFile FromText(string path, string text, string rootNamespace, string rootDirectory = "") =>
        new(path, rootNamespace, rootDirectory, (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(text, Options).GetRoot());
}
