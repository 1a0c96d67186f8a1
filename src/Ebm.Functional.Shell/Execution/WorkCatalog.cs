using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.Execution;

/// <summary>The kinds of work a worker can run, by name.</summary>
/// <param name="Kinds">The kinds, by their names.</param>
public sealed record WorkCatalog(HashMap<string, IWorkKind> Kinds)
{
    /// <summary>A catalogue of <paramref name="kinds"/> (a later kind with an earlier one's name replaces it).</summary>
    /// <param name="kinds">The kinds of work.</param>
    public static WorkCatalog Of(params IWorkKind[] kinds) =>
        new(kinds.Aggregate(HashMap<string, IWorkKind>(), (map, kind) => map.AddOrUpdate(kind.Name, kind)));

    /// <summary>The kind called <paramref name="name"/>, or an error naming the kinds there are.</summary>
    /// <param name="name">The work's name.</param>
    public Fin<IWorkKind> Find(string name) =>
        Kinds.Find(name).ToFin(ExecutionErrors.UnknownWork(name, Kinds.Keys.OrderBy(k => k, StringComparer.Ordinal)));
}
