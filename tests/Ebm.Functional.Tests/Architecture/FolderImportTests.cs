namespace Ebm.Functional.Tests.Architecture;

/// <summary>
/// The core's folders form floors: no folder imports a folder that imports it back, and every import points down
/// the stated order of <see cref="Floors.Core"/>. The checks are first shown to catch a planted circle and a planted
/// upward import, so that a pass on the real sources means something.
/// </summary>
public sealed class FolderImportTests
{
    private const string Core = "Ebm.Functional";

    [Fact]
    public void No_folder_of_the_core_imports_a_folder_that_imports_it_back()
    {
        var imports = FolderImports.Of(SourceRoot.Core.Files, Core);

        var circle = imports.FindCircle();

        Assert.True(circle.Count == 0, $"import circle in src/Ebm.Functional: {(circle.Count == 0 ? "" : imports.Describe(circle))}");
    }

    /// <summary>Every project of src/ besides the core, with the stated order of its folders, bottom first.</summary>
    public static TheoryData<string> Projects => new(ProjectFloors.Keys);

    private static readonly Dictionary<string, IReadOnlyList<IReadOnlyList<string>>> ProjectFloors = new(StringComparer.Ordinal)
    {
        ["src/Ebm.Cli"] = Floors.Cli,
        ["src/Ebm.Functional.Shell"] = Floors.Shell,
        ["src/Ebm.Functional.Plots"] = [[""]],
        ["src/Ebm.Functional.Cluster"] = [[""]],
        ["src/Ebm.Functional.Testing"] = [[""]],
    };

    [Theory]
    [MemberData(nameof(Projects))]
    public void No_folder_of_a_project_imports_a_folder_that_imports_it_back(string project)
    {
        var root = SourceRoot.All.Single(r => r.Directory == project);
        var imports = FolderImports.Of(root.Files, root.Namespace);

        var circle = imports.FindCircle();

        Assert.True(circle.Count == 0, $"import circle in {project}: {(circle.Count == 0 ? "" : imports.Describe(circle))}");
        if (imports.Folders.Count > 1) Assert.NotEmpty(imports.Edges);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Every_folder_of_a_project_imports_only_folders_on_lower_floors(string project)
    {
        var root = SourceRoot.All.Single(r => r.Directory == project);
        var imports = FolderImports.Of(root.Files, root.Namespace);

        var problems = Floors.Violations(ProjectFloors[project], imports);
        var named = ProjectFloors[project].SelectMany(f => f).ToList();

        Assert.True(problems.Count == 0, $"{project}:\n" + string.Join("\n", problems));
        Assert.Equal(named.Order(StringComparer.Ordinal), imports.Folders.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_src_project_has_a_stated_floor_order()
    {
        var projects = SourceRoot.All.Where(r => r.Directory.StartsWith("src/", StringComparison.Ordinal) && r != SourceRoot.Core).Select(r => r.Directory);

        Assert.Equal(projects.Order(StringComparer.Ordinal), ProjectFloors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_folder_of_the_core_imports_only_folders_on_lower_floors()
    {
        var imports = FolderImports.Of(SourceRoot.Core.Files, Core);

        var problems = Floors.Violations(Floors.Core, imports);

        Assert.True(problems.Count == 0, "src/Ebm.Functional:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Every_floor_names_a_folder_that_exists_once()
    {
        var folders = SourceRoot.Core.Files.Select(f => f.TopFolder).ToHashSet(StringComparer.Ordinal);
        var named = Floors.Core.SelectMany(f => f).ToList();

        var missing = named.Where(f => !folders.Contains(f)).ToList();
        Assert.True(missing.Count == 0, $"Floors.Core names folders that src/Ebm.Functional does not have: {string.Join(", ", missing)}");
        Assert.Equal(named.Count, named.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_imports_are_read_from_the_core_itself()
    {
        var imports = FolderImports.Of(SourceRoot.Core.Files, Core);

        // Every estimator reads LogZEstimate: if this edge is missing, the reader of imports is broken, not the layout sound.
        Assert.Contains(imports.Edges, e => e.From == "Estimators" && e.To == "Estimation");
        Assert.True(imports.Edges.Count() > 10, $"only {imports.Edges.Count()} imports found");
    }

    [Fact]
    public void A_planted_circle_is_found_and_printed_with_its_files()
    {
        var imports = FolderImports.Of(
        [
            Planted("A/One.cs", "using Ebm.Functional.B;\nnamespace Ebm.Functional.A;\npublic static class One;"),
            Planted("B/Two.cs", "namespace Ebm.Functional.B;\n/// <summary>See <see cref=\"Ebm.Functional.C.Three\"/>.</summary>\npublic static class Two;"),
            Planted("C/Three.cs", "namespace Ebm.Functional.C;\npublic static class Three { public static int X => Ebm.Functional.A.One.Y; }"),
            Planted("D/Four.cs", "using Ebm.Functional.A;\nnamespace Ebm.Functional.D;\npublic static class Four;"),
        ], Core);

        var circle = imports.FindCircle();

        Assert.Equal(["A", "B", "C"], circle);
        Assert.Equal("A -> B -> C -> A: A imports B in A/One.cs; B imports C in B/Two.cs; C imports A in C/Three.cs", imports.Describe(circle));
    }

    [Fact]
    public void Imports_without_a_circle_have_none()
    {
        var imports = FolderImports.Of(
        [
            Planted("A/One.cs", "using Ebm.Functional.B;\nusing static Ebm.Functional.C.Three;\nnamespace Ebm.Functional.A;\npublic static class One;"),
            Planted("B/Two.cs", "using C3 = Ebm.Functional.C.Three;\nnamespace Ebm.Functional.B;\npublic static class Two;"),
            Planted("C/Three.cs", "namespace Ebm.Functional.C;\npublic static class Three;"),
        ], Core);

        Assert.Empty(imports.FindCircle());
        Assert.Equal(3, imports.Edges.Count());
    }

    [Fact]
    public void A_planted_upward_import_and_a_folder_without_a_floor_are_reported()
    {
        IReadOnlyList<IReadOnlyList<string>> floors = [["Numerics"], ["Models", "Exact"]];
        var imports = FolderImports.Of(
        [
            Planted("Numerics/Vec.cs", "namespace Ebm.Functional.Numerics;\npublic static class Vec { public static object M => global::Ebm.Functional.Models.Model.X; }"),
            Planted("Models/Model.cs", "using Ebm.Functional.Numerics;\nusing Ebm.Functional.Exact;\nnamespace Ebm.Functional.Models;\npublic static class Model;"),
            Planted("Exact/Sum.cs", "namespace Ebm.Functional.Exact;\npublic static class Sum;"),
            Planted("Thermo/Heat.cs", "using Ebm.Functional.Exact;\nnamespace Ebm.Functional.Thermo;\npublic static class Heat;"),
        ], Core);

        var problems = Floors.Violations(floors, imports);

        Assert.Equal(
        [
            "folder Thermo has no floor: give it one in Floors (bottom first) and in the README's layout section",
            "Models (floor 1) imports Exact (floor 1, on its own floor) in Models/Model.cs: a folder imports only folders below it",
            "Numerics (floor 0) imports Models (floor 1, on a higher floor) in Numerics/Vec.cs: a folder imports only folders below it",
        ], problems);
    }

    [Fact]
    public void A_root_type_used_from_a_folder_that_the_root_imports_is_a_circle()
    {
        var imports = FolderImports.Of(
        [
            Planted("Cli.cs", "using Ebm.Functional.Commands;\nnamespace Ebm.Functional;\ninternal static class Cli { public static int Run() => Logz.Run(); }"),
            Planted("ExitCodes.cs", "namespace Ebm.Functional;\ninternal static class ExitCodes { public const int Ok = 0; }"),
            Planted("Commands/Logz.cs", "namespace Ebm.Functional.Commands;\n/// <summary>See <see cref=\"Ebm.Functional.Cli\"/>.</summary>\ninternal static class Logz { public static int Run() => ExitCodes.Ok; }"),
            Planted("Output/Json.cs", "namespace Ebm.Functional.Output;\ninternal static class Json { public static int Cli => 1; public static int X => Other.Cli; }"),
        ], Core);

        var circle = imports.FindCircle();

        Assert.Equal("(root) -> Commands -> (root): (root) imports Commands in Cli.cs; Commands imports (root) in Commands/Logz.cs", imports.Describe(circle));
        Assert.DoesNotContain(imports.Edges, e => e.From == "Output");
    }

    private static SourceFile Planted(string path, string text) => SourceFile.FromText(path, text, Core);
}
