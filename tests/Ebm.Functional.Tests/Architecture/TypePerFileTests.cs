using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Ebm.Functional.Tests.Architecture;

/// <summary>
/// One public top-level type per file, named after the file, in every project: <c>Hmc.cs</c> declares <c>Hmc</c>.
/// A partial type may spread over files named after it and a part, <c>Paths.Rbm.cs</c> beside <c>Paths.cs</c>.
/// </summary>
public sealed class TypePerFileTests
{
    public static TheoryData<string> Roots => new(SourceRoot.All.Select(r => r.Directory));

    [Theory]
    [MemberData(nameof(Roots))]
    public void Every_file_declares_at_most_one_public_top_level_type_named_after_it(string root)
    {
        var files = SourceRoot.All.Single(r => r.Directory == root).Files;

        var problems = files.SelectMany(Problems).ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Planted_files_with_two_public_types_a_misnamed_type_or_a_part_that_is_not_partial_are_reported()
    {
        var two = Planted("Models/Ising.cs", "public sealed record Ising;\npublic enum Boundary { Open }");
        var misnamed = Planted("Models/Ising.cs", "public sealed record IsingModel;");
        var notPartial = Planted("Annealing/Paths.Rbm.cs", "public static class Paths;");
        var otherPart = Planted("Annealing/Paths.Rbm.cs", "public static partial class RbmPaths;");
        var delegated = Planted("Mcmc/Sampler.cs", "public delegate int Sampler(int x);\npublic delegate int Other(int x);");

        Assert.Equal(["src/Ebm.Functional/Models/Ising.cs declares 2 public types (Ising, Boundary); one file declares one, named after it"], Problems(two));
        Assert.Equal(["src/Ebm.Functional/Models/Ising.cs declares public IsingModel; a file is named after its public type (IsingModel.cs)"], Problems(misnamed));
        Assert.Equal(["src/Ebm.Functional/Annealing/Paths.Rbm.cs declares public Paths, which is not partial; only a partial type has parts (Paths.Rbm.cs)"], Problems(notPartial));
        Assert.Equal(["src/Ebm.Functional/Annealing/Paths.Rbm.cs declares public RbmPaths; a file is named after its public type (RbmPaths.cs)"], Problems(otherPart));
        Assert.Equal(["src/Ebm.Functional/Mcmc/Sampler.cs declares 2 public types (Sampler, Other); one file declares one, named after it"], Problems(delegated));
    }

    [Fact]
    public void Internal_helpers_beside_a_public_type_and_partial_parts_pass()
    {
        Assert.Empty(Problems(Planted("Annealing/Paths.Rbm.cs", "public static partial class Paths;")));
        Assert.Empty(Problems(Planted("Models/Ising.cs", "public sealed record Ising;\ninternal static class IsingRows;")));
        Assert.Empty(Problems(Planted("Numerics/Vec.cs", "public readonly struct Vec<T>;")));
    }

    private static SourceFile Planted(string path, string types) =>
        SourceFile.FromText(path, $"namespace Ebm.Functional.{path[..path.LastIndexOf('/')].Replace('/', '.')};\n{types}", "Ebm.Functional", "src/Ebm.Functional");

    private static IReadOnlyList<string> Problems(SourceFile file)
    {
        var exposed = file.TopLevelTypes.Where(t => t.Modifiers.Any(SyntaxKind.PublicKeyword)).ToList();
        if (exposed.Count == 0) return [];
        if (exposed.Count > 1)
            return [$"{file.Shown} declares {exposed.Count} public types ({string.Join(", ", exposed.Select(SourceFile.TypeName))}); one file declares one, named after it"];

        var type = exposed[0];
        var name = SourceFile.TypeName(type);
        var dot = file.Name.IndexOf('.', StringComparison.Ordinal);
        var stem = dot < 0 ? file.Name : file.Name[..dot];
        if (name != stem) return [$"{file.Shown} declares public {name}; a file is named after its public type ({name}.cs)"];
        if (dot >= 0 && !(type is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword)))
            return [$"{file.Shown} declares public {name}, which is not partial; only a partial type has parts ({file.Name}.cs)"];
        return [];
    }
}
