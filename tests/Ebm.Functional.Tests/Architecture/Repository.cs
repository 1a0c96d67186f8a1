namespace Ebm.Functional.Tests.Architecture;

/// <summary>The repository the tests were built from, found by walking up from the test assembly.</summary>
internal static class Repository
{
    private const string SolutionFile = "Ebm.Functional.sln";

    /// <summary>The folder that holds the solution file and <c>src/Ebm.Functional</c>.</summary>
    public static DirectoryInfo Root { get; } = FindRoot();

    /// <summary>The absolute path of <paramref name="relative"/> (with '/' separators) under the root.</summary>
    public static string PathOf(string relative) => Path.Combine(Root.FullName, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary><paramref name="path"/> relative to the root, with '/' separators whatever the platform.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root.FullName, path).Replace(Path.DirectorySeparatorChar, '/');

    // The assembly sits in tests/Ebm.Functional.Tests/bin/<configuration>/<framework>/ after a build, but a runner may
    // shadow-copy it elsewhere; AppContext.BaseDirectory is then the other place to start from.
    private static DirectoryInfo FindRoot()
    {
        var starts = new[] { Path.GetDirectoryName(typeof(Repository).Assembly.Location), AppContext.BaseDirectory }
            .Where(s => !string.IsNullOrEmpty(s))
            .Select(s => s!)
            .ToList();
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)) && Directory.Exists(Path.Combine(dir.FullName, "src", "Ebm.Functional")))
                    return dir;
            }
        }

        throw new InvalidOperationException(
            $"no folder holding {SolutionFile} and src/Ebm.Functional above {string.Join(" or ", starts)}: the architecture tests read the sources, so they run from a build inside the repository");
    }
}
