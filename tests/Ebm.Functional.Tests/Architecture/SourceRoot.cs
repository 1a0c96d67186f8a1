using System.Xml.Linq;

namespace Ebm.Functional.Tests.Architecture;

/// <summary>
/// A folder of C# sources and the namespace its files start from: every project under src/, tests/ and
/// properties/ (its <c>RootNamespace</c>, or its file name), and the shared test helpers.
/// </summary>
/// <param name="Directory">The folder, relative to the repository root, with '/' separators.</param>
/// <param name="Namespace">The namespace of a file directly in the folder; a sub-folder adds its name.</param>
internal sealed record SourceRoot(string Directory, string Namespace)
{
    // Compiled into both test projects (<Compile Include="../Shared/**/*.cs">), so it is a root of its own.
    private static readonly SourceRoot SharedTestHelpers = new("tests/Shared", "Ebm.Tests.Shared");

    private readonly Lazy<IReadOnlyList<SourceFile>> files = new(() => Load(Directory, Namespace));

    /// <summary>Every source root of the repository, projects first.</summary>
    public static IReadOnlyList<SourceRoot> All { get; } = Discover();

    /// <summary>The pure core, <c>src/Ebm.Functional</c>.</summary>
    public static SourceRoot Core { get; } = All.Single(r => r.Directory == "src/Ebm.Functional");

    /// <summary>The C# files of this root (not those of bin/, obj/, hidden folders or a nested project), parsed.</summary>
    public IReadOnlyList<SourceFile> Files => files.Value;

    private static List<SourceRoot> Discover()
    {
        var roots = new[] { "src", "tests", "properties" }
            .Select(Repository.PathOf)
            .Where(System.IO.Directory.Exists)
            .SelectMany(d => System.IO.Directory.EnumerateFiles(d, "*.csproj", SearchOption.AllDirectories))
            .Where(p => !IsSkipped(Repository.Relative(p)))
            .Select(p => new SourceRoot(Repository.Relative(Path.GetDirectoryName(p)!), RootNamespaceOf(p)))
            .OrderBy(r => r.Directory, StringComparer.Ordinal)
            .ToList();
        if (System.IO.Directory.Exists(Repository.PathOf(SharedTestHelpers.Directory))) roots.Add(SharedTestHelpers);
        return roots;
    }

    private static string RootNamespaceOf(string project) =>
        XDocument.Load(project).Descendants("RootNamespace").Select(e => e.Value.Trim()).FirstOrDefault(v => v.Length > 0)
        ?? Path.GetFileNameWithoutExtension(project);

    private static bool IsSkipped(string relative) =>
        relative.Split('/').Any(s => s is "bin" or "obj" || s.StartsWith('.'));

    private static List<SourceFile> Load(string directory, string rootNamespace)
    {
        var top = Repository.PathOf(directory);
        var found = new List<SourceFile>();
        var pending = new Stack<string>([top]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var file in System.IO.Directory.EnumerateFiles(dir, "*.cs"))
                found.Add(SourceFile.Parse(Path.GetRelativePath(top, file).Replace(Path.DirectorySeparatorChar, '/'), file, rootNamespace, directory));
            foreach (var sub in System.IO.Directory.EnumerateDirectories(dir))
            {
                var name = Path.GetFileName(sub);
                if (name is "bin" or "obj" || name.StartsWith('.')) continue;
                if (System.IO.Directory.EnumerateFiles(sub, "*.csproj").Any()) continue;
                pending.Push(sub);
            }
        }

        return found.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }
}
