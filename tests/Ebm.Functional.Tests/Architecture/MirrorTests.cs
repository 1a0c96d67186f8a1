namespace Ebm.Functional.Tests.Architecture;

/// <summary>
/// The library's test projects mirror src folder for folder: tests of <c>src/Ebm.Functional/Mcmc/Tempering</c> live
/// in <c>Mcmc/Tempering</c>, tests of <c>src/Ebm.Functional.Shell/Io</c> in <c>Shell/Io</c>; a folder that mirrors
/// nothing is left behind by a move. (The <c>ebm</c> tests are end-to-end, one file per behaviour of the tool.)
/// </summary>
public sealed class MirrorTests
{
    // Folders that test the repository (its layout, its packages) or serve other tests rather than mirror one source folder.
    private static readonly Dictionary<string, string[]> Helpers = new()
    {
        ["tests/Ebm.Functional.Tests"] = ["Architecture", "Packaging", "TestModels"],
        ["properties/Ebm.Functional.Properties"] = ["Fuzz"],
    };

    public static TheoryData<string> Roots => new(Helpers.Keys);

    [Theory]
    [MemberData(nameof(Roots))]
    public void Every_test_folder_mirrors_a_source_folder(string root)
    {
        var folders = SourceRoot.All.Single(r => r.Directory == root).Files.Select(f => f.Folder).Where(f => f.Length > 0).Distinct();

        var orphans = folders
            .Where(f => !Helpers[root].Contains(f.Split('/')[0]) && Mirrored(f) is null)
            .Select(f => $"{root}/{f} mirrors no folder of src/Ebm.Functional (or src/Ebm.Functional.{f.Split('/')[0]})")
            .ToList();

        Assert.True(orphans.Count == 0, string.Join("\n", orphans));
    }

    [Fact]
    public void Core_and_package_folders_are_mirrored_and_others_are_not()
    {
        Assert.Equal("src/Ebm.Functional/Mcmc/Tempering", Mirrored("Mcmc/Tempering"));
        Assert.Equal("src/Ebm.Functional.Shell/Io", Mirrored("Shell/Io"));
        Assert.Equal("src/Ebm.Functional.Shell", Mirrored("Shell"));
        Assert.Null(Mirrored("Errors"));
        Assert.Null(Mirrored("Mcmc/Nowhere"));
    }

    /// <summary>The source folder a test folder mirrors, or null when there is none.</summary>
    private static string? Mirrored(string folder)
    {
        var first = folder.Split('/')[0];
        var package = SourceRoot.All.FirstOrDefault(r => r.Directory == $"src/Ebm.Functional.{first}");
        var candidate = package is null
            ? $"src/Ebm.Functional/{folder}"
            : (package.Directory + folder[first.Length..]);
        return Directory.Exists(Repository.PathOf(candidate)) ? candidate : null;
    }
}
