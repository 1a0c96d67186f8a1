namespace Ebm.Functional.Tests.Architecture;

/// <summary>
/// Which top-level folder of a project imports which: an edge A -> B for every file of A that names the namespace of
/// B in a using directive or a qualified name (code or documentation). IDE0005 is a build error in the core, so the
/// using directives are exactly the imports the compiler needs.
/// </summary>
internal sealed class FolderImports
{
    private readonly SortedDictionary<string, SortedDictionary<string, List<string>>> edges = new(StringComparer.Ordinal);

    private FolderImports(IReadOnlyCollection<string> folders) => Folders = folders;

    /// <summary>The top-level folders that hold source files.</summary>
    public IReadOnlyCollection<string> Folders { get; }

    /// <summary>Every import between two different folders, with the files that make it.</summary>
    public IEnumerable<(string From, string To, IReadOnlyList<string> Files)> Edges =>
        edges.SelectMany(e => e.Value.Select(t => (e.Key, t.Key, (IReadOnlyList<string>)t.Value)));

    /// <summary>The imports between the top-level folders of <paramref name="files"/>, a project whose namespace is <paramref name="rootNamespace"/>.</summary>
    public static FolderImports Of(IReadOnlyList<SourceFile> files, string rootNamespace)
    {
        var folders = files.Select(f => f.TopFolder).ToHashSet(StringComparer.Ordinal);
        var atRoot = files.Where(f => f.TopFolder.Length == 0)
            .SelectMany(f => f.TopLevelTypes.Select(SourceFile.TypeName))
            .ToHashSet(StringComparer.Ordinal);
        var imports = new FolderImports(folders.Order(StringComparer.Ordinal).ToList());
        foreach (var file in files)
        {
            foreach (var name in file.NamedNamespaces(rootNamespace))
            {
                var target = name[(rootNamespace.Length + 1)..].Split('.')[0];
                imports.Add(file, atRoot.Contains(target) ? "" : target);
            }

            if (file.TopFolder.Length == 0) continue;
            var own = files.Where(f => f.TopFolder == file.TopFolder).SelectMany(f => f.TopLevelTypes.Select(SourceFile.TypeName)).ToHashSet(StringComparer.Ordinal);
            if (file.NamedTypes().Any(t => atRoot.Contains(t) && !own.Contains(t))) imports.Add(file, "");
        }

        return imports;
    }

    private void Add(SourceFile file, string target)
    {
        if (target == file.TopFolder || !Folders.Contains(target)) return;
        if (!edges.TryGetValue(file.TopFolder, out var targets))
            edges[file.TopFolder] = targets = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        if (!targets.TryGetValue(target, out var by)) targets[target] = by = [];
        if (!by.Contains(file.Path)) by.Add(file.Path);
    }

    /// <summary>
    /// A shortest circle of imports A -> B -> ... -> A, as the list of its folders (A first, A not repeated), or an
    /// empty list when the imports form no circle.
    /// </summary>
    public IReadOnlyList<string> FindCircle()
    {
        IReadOnlyList<string> best = [];
        foreach (var start in edges.Keys)
        {
            // Breadth first from start: the first path back to start is the shortest circle through it.
            var cameFrom = new Dictionary<string, string>(StringComparer.Ordinal);
            var queue = new Queue<string>([start]);
            var closed = false;
            while (queue.Count > 0 && !closed)
            {
                var here = queue.Dequeue();
                foreach (var next in Targets(here))
                {
                    if (next == start)
                    {
                        var circle = new List<string> { here };
                        while (circle[^1] != start) circle.Add(cameFrom[circle[^1]]);
                        circle.Reverse();
                        if (best.Count == 0 || circle.Count < best.Count) best = circle;
                        closed = true;
                        break;
                    }

                    if (next != start && cameFrom.TryAdd(next, here)) queue.Enqueue(next);
                }
            }
        }

        return best;
    }

    /// <summary>A circle as a message: each import with the files that make it.</summary>
    public string Describe(IReadOnlyList<string> circle) =>
        string.Join(" -> ", circle.Append(circle[0]).Select(Name)) + ": "
        + string.Join("; ", circle.Select((from, i) =>
        {
            var to = circle[(i + 1) % circle.Count];
            return $"{Name(from)} imports {Name(to)} in {string.Join(", ", edges[from][to])}";
        }));

    /// <summary>A folder as messages name it: "(root)" for the project's root folder.</summary>
    public static string Name(string folder) => folder.Length == 0 ? "(root)" : folder;

    private IEnumerable<string> Targets(string folder) =>
        edges.TryGetValue(folder, out var targets) ? targets.Keys : [];
}
