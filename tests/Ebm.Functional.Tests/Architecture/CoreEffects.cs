using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Ebm.Functional.Tests.Architecture;

/// <summary>
/// The places where a file of the core reaches outside a pure function: threads it starts itself (a parallel loop,
/// a task, a thread, the processor count) and the process environment (read, written, or set through libc).
/// </summary>
internal static class CoreEffects
{
    private static readonly HashSet<string> ParallelMethods = ["For", "ForEach", "ForAsync", "ForEachAsync", "Invoke"];
    private static readonly HashSet<string> EnvironmentMethods = ["GetEnvironmentVariable", "GetEnvironmentVariables", "SetEnvironmentVariable"];
    private static readonly HashSet<string> LibcEnvironment = ["setenv", "putenv", "unsetenv"];

    /// <summary>Each thread the file starts or sizes itself, as "line N: code".</summary>
    public static IReadOnlyList<string> Threads(SourceFile file) =>
        file.Syntax.DescendantNodes()
            .Where(n => n switch
            {
                MemberAccessExpressionSyntax m => (Last(m.Expression) is "Parallel" && ParallelMethods.Contains(m.Name.Identifier.Text))
                                                  || (Last(m.Expression) is "Task" && m.Name.Identifier.Text == "Run")
                                                  || (Last(m.Expression) is "Environment" && m.Name.Identifier.Text == "ProcessorCount")
                                                  || Last(m.Expression) is "ThreadPool",
                BaseObjectCreationExpressionSyntax c => c is ObjectCreationExpressionSyntax { Type: var t } && Last(t) == "Thread",
                _ => false,
            })
            .Select(n => Shown(file, n))
            .ToList();

    /// <summary>Each read or change of the process environment, as "line N: code".</summary>
    public static IReadOnlyList<string> Environment(SourceFile file) =>
        file.Syntax.DescendantNodes()
            .Where(n => n switch
            {
                MemberAccessExpressionSyntax m => Last(m.Expression) is "Environment" && EnvironmentMethods.Contains(m.Name.Identifier.Text),
                LiteralExpressionSyntax l => l.IsKind(SyntaxKind.StringLiteralExpression) && LibcEnvironment.Contains(l.Token.ValueText)
                                             && l.FirstAncestorOrSelf<AttributeSyntax>() is not null,
                _ => false,
            })
            .Select(n => Shown(file, n))
            .ToList();

    private static string Last(SyntaxNode expression) => expression switch
    {
        MemberAccessExpressionSyntax m => m.Name.Identifier.Text,
        QualifiedNameSyntax q => q.Right.Identifier.Text,
        AliasQualifiedNameSyntax a => a.Name.Identifier.Text,
        SimpleNameSyntax s => s.Identifier.Text,
        _ => "",
    };

    private static string Shown(SourceFile file, SyntaxNode node) =>
        $"{file.Shown}, line {node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {node}";
}
