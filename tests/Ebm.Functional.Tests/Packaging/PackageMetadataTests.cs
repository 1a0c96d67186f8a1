using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Ebm.Functional.Tests.Packaging;

/// <summary>
/// Every project under src/ is a package with complete metadata, as MSBuild evaluates it (so that props, conditions
/// and overrides all count): an id, a description of its own, authors, a licence, tags, the README packed as its
/// readme, the repository's type (git; the commit is recorded when packing), and XML documentation for the libraries. Plots stay out of the shell: only the plots package refers to ScottPlot.
/// </summary>
public sealed class PackageMetadataTests
{
    private static readonly string[] Properties =
        ["IsPackable", "PackageId", "Description", "Authors", "PackageLicenseExpression", "PackageReadmeFile", "PackageTags", "RepositoryType", "OutputType", "GenerateDocumentationFile"];

    public static TheoryData<string> Projects => new(
        Directory.GetFiles(Path.Combine(Root(), "src"), "*.csproj", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(Root(), p)).Order());

    [Theory]
    [MemberData(nameof(Projects))]
    public void Each_package_has_complete_metadata_and_packs_the_readme(string project)
    {
        var (properties, packed) = Evaluate(project);
        Assert.Equal("true", properties["IsPackable"]);
        Assert.Equal(Path.GetFileNameWithoutExtension(project), properties["PackageId"]);
        Assert.True(properties["Description"].Length >= 40, $"{project}: description '{properties["Description"]}'");
        Assert.NotEqual("Package Description", properties["Description"]);
        Assert.Equal("Ebm.Functional contributors", properties["Authors"]);
        Assert.Equal("MIT", properties["PackageLicenseExpression"]);
        Assert.Contains("energy-based-models", properties["PackageTags"].Split(';'));
        Assert.Equal("README.md", properties["PackageReadmeFile"]);
        Assert.Equal("git", properties["RepositoryType"]);
        Assert.Contains(packed, item => Path.GetFileName(item) == "README.md" && File.Exists(item));
        if (properties["OutputType"] == "Library") Assert.Equal("true", properties["GenerateDocumentationFile"]);
    }

    [Fact]
    public void Only_the_plots_package_refers_to_ScottPlot()
    {
        var referring = Directory.GetFiles(Path.Combine(Root(), "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => File.ReadAllText(p).Contains("Include=\"ScottPlot\"", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension);
        Assert.Equal(["Ebm.Functional.Plots"], referring);
    }

    private static (Dictionary<string, string> Properties, List<string> Packed) Evaluate(string project)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Root(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "msbuild", project, "-getItem:None" }.Concat(Properties.Select(p => $"-getProperty:{p}")))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"dotnet msbuild {project}: {output} {process.StandardError.ReadToEnd()}");
        using var json = JsonDocument.Parse(output);
        var properties = json.RootElement.GetProperty("Properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "");
        var packed = json.RootElement.GetProperty("Items").TryGetProperty("None", out var none)
            ? none.EnumerateArray()
                .Where(i => i.TryGetProperty("Pack", out var pack) && pack.GetString() == "true")
                .Select(i => i.GetProperty("FullPath").GetString()!)
                .ToList()
            : [];
        return (properties, packed);
    }

    private static string Root([CallerFilePath] string path = "")
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(path)!);
        while (!File.Exists(Path.Combine(directory.FullName, "Ebm.Functional.sln"))) directory = directory.Parent!;
        return directory.FullName;
    }
}
