namespace Ebm.Functional.Tests.Architecture;

/// <summary>
/// The stated order of the core's top-level folders, bottom first: a folder imports only folders on lower floors,
/// never one on its own floor or above. Folders share a floor only where they are meant to be independent
/// (Estimation, the floor of every estimate, knows no sampler, and Mcmc knows no estimate). A new folder takes a
/// floor here; a new import that points up or sideways is a design change, made here and in the README's layout
/// section, not in passing.
/// </summary>
internal static class Floors
{
    /// <summary>The floors of <c>src/Ebm.Functional</c>, bottom first.</summary>
    public static readonly IReadOnlyList<IReadOnlyList<string>> Core =
    [
        ["Numerics"],
        ["Prng"],
        ["Models", "Optim"],
        ["Diagnostics", "Data"],
        ["Estimation", "Mcmc"],
        ["Exact"],
        ["Annealing"],
        ["Estimators", "Catalogue"],
        ["Datasets", "Thermo"],
        ["Training"],
    ];

    /// <summary>
    /// The floors of <c>src/Ebm.Cli</c>, bottom first: option syntax and output (the streams, errors, exit codes and
    /// progress every command writes through), the sampler table, the cost of a run, the estimators of <c>ebm logz</c>,
    /// the showcase and training runs, the commands, and the root folder (the entry point that wires the commands together).
    /// </summary>
    public static readonly IReadOnlyList<IReadOnlyList<string>> Cli =
    [
        ["Options", "Output"],
        ["Sampling"],
        ["Cost"],
        ["Estimation", "Training", "Thermo", "Annealing"],
        ["Showcase", "Commands"],
        [""],
    ];

    /// <summary>The floors of <c>src/Ebm.Functional.Shell</c>, bottom first: atomic IO, progress, the choice of backends and the executors under the file readers and the runners, and the training runner above them.</summary>
    public static readonly IReadOnlyList<IReadOnlyList<string>> Shell =
    [
        ["Io", "Progress", "Backends", "Execution"],
        ["Data", "ModelFiles", "Schedules", "Estimation", "Sampling", "Problems"],
        ["Training"],
    ];

    /// <summary>The floor of <paramref name="folder"/> in <paramref name="floors"/> (0 at the bottom), or null when it has none.</summary>
    public static int? Of(IReadOnlyList<IReadOnlyList<string>> floors, string folder)
    {
        for (var i = 0; i < floors.Count; i++)
            if (floors[i].Contains(folder, StringComparer.Ordinal)) return i;
        return null;
    }

    /// <summary>Every import of <paramref name="imports"/> that does not point to a lower floor, as one line each.</summary>
    public static IReadOnlyList<string> Violations(IReadOnlyList<IReadOnlyList<string>> floors, FolderImports imports)
    {
        var problems = new List<string>();
        foreach (var folder in imports.Folders.Where(f => Of(floors, f) is null))
            problems.Add($"{Shown(folder)} has no floor: give it one in {nameof(Floors)} (bottom first) and in the README's layout section");
        foreach (var (from, to, files) in imports.Edges)
        {
            if (Of(floors, from) is not { } low || Of(floors, to) is not { } high || high < low) continue;
            var where = high == low ? "on its own floor" : "on a higher floor";
            problems.Add($"{FolderImports.Name(from)} (floor {low}) imports {FolderImports.Name(to)} (floor {high}, {where}) in {string.Join(", ", files)}: a folder imports only folders below it");
        }

        return problems;
    }

    private static string Shown(string folder) => folder.Length == 0 ? "the project's root folder" : $"folder {folder}";
}
