using System.Runtime.CompilerServices;

namespace Ebm.Functional.Properties.Testing;

/// <summary>
/// The README's example of checking a user's own kernel is <see cref="BarkerRuleLaws"/> itself (its source without
/// the namespace line), so the example compiles and runs; and it stays under 30 lines.
/// </summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void The_readme_shows_the_barker_property_verbatim_in_under_30_lines()
    {
        var here = Path.GetDirectoryName(SourcePath())!;
        var example = File.ReadAllText(Path.Combine(here, "BarkerRuleLaws.cs")).ReplaceLineEndings("\n")
            .Replace("namespace Ebm.Functional.Properties.Testing;\n\n", "");
        var root = new DirectoryInfo(here);
        while (!File.Exists(Path.Combine(root.FullName, "README.md"))) root = root.Parent!;
        var readme = File.ReadAllText(Path.Combine(root.FullName, "README.md")).ReplaceLineEndings("\n");
        Assert.Contains("```csharp\n" + example + "```", readme);
        Assert.True(example.TrimEnd('\n').Split('\n').Length < 30);
    }

    private static string SourcePath([CallerFilePath] string path = "") => path;
}
