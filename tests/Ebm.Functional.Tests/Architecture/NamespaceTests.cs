namespace Ebm.Functional.Tests.Architecture;

/// <summary>
/// In every project (src, tests, properties, and the shared test helpers) a file's namespace is its folder path:
/// the project's root namespace, then each folder's name, so that a type is found where its namespace says.
/// </summary>
public sealed class NamespaceTests
{
    public static TheoryData<string> Roots => new(SourceRoot.All.Select(r => r.Directory));

    [Theory]
    [MemberData(nameof(Roots))]
    public void Every_file_declares_the_namespace_of_its_folder(string root)
    {
        var files = SourceRoot.All.Single(r => r.Directory == root).Files;

        var problems = files.Select(Problem).OfType<string>().ToList();

        Assert.NotEmpty(files);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_project_is_checked()
    {
        var roots = SourceRoot.All.Select(r => r.Directory).ToList();

        Assert.Contains("src/Ebm.Functional", roots);
        Assert.Contains("src/Ebm.Cli", roots);
        Assert.Contains("tests/Ebm.Functional.Tests", roots);
        Assert.Contains("properties/Ebm.Functional.Properties", roots);
        Assert.Contains("tests/Shared", roots);
    }

    [Fact]
    public void A_planted_file_in_the_wrong_namespace_is_reported()
    {
        var wrong = SourceFile.FromText("Mcmc/Hmc/Leapfrog.cs", "namespace Ebm.Functional.Mcmc;\npublic static class Leapfrog;", "Ebm.Functional", "src/Ebm.Functional");
        var two = SourceFile.FromText("Prng/Key.cs", "namespace Ebm.Functional.Prng { }\nnamespace Ebm.Functional.Other { }", "Ebm.Functional", "src/Ebm.Functional");
        var none = SourceFile.FromText("Models/Plain.cs", "public static class Plain;", "Ebm.Functional", "src/Ebm.Functional");
        var right = SourceFile.FromText("Mcmc/Hmc/Hmc.cs", "namespace Ebm.Functional.Mcmc.Hmc;\npublic static class Hmc;", "Ebm.Functional", "src/Ebm.Functional");
        var program = SourceFile.FromText("Program.cs", "using Ebm.Cli;\nreturn Cli.Run(args);", "Ebm.Cli", "src/Ebm.Cli");

        Assert.Equal(
            "src/Ebm.Functional/Mcmc/Hmc/Leapfrog.cs declares namespace Ebm.Functional.Mcmc; its folder says Ebm.Functional.Mcmc.Hmc",
            Problem(wrong));
        Assert.Equal(
            "src/Ebm.Functional/Prng/Key.cs declares namespaces Ebm.Functional.Prng, Ebm.Functional.Other; one file declares one namespace, Ebm.Functional.Prng",
            Problem(two));
        Assert.Equal("src/Ebm.Functional/Models/Plain.cs declares no namespace; its folder says Ebm.Functional.Models", Problem(none));
        Assert.Null(Problem(right));
        Assert.Null(Problem(program));
    }

    private static string? Problem(SourceFile file)
    {
        var declared = file.Namespaces;
        var expected = file.ExpectedNamespace;
        return declared.Count switch
        {
            // A program's top-level statements live in no namespace, and declare no type of their own.
            0 when file.HasTopLevelStatements && file.TopLevelTypes.Count == 0 => null,
            0 => $"{file.Shown} declares no namespace; its folder says {expected}",
            1 when declared[0] == expected => null,
            1 => $"{file.Shown} declares namespace {declared[0]}; its folder says {expected}",
            _ => $"{file.Shown} declares namespaces {string.Join(", ", declared)}; one file declares one namespace, {expected}",
        };
    }
}
