using Ebm.Functional.Shell.Data;
using Ebm.Functional.Shell.Io;
using Ebm.Functional.Shell.ModelFiles;
using Ebm.Functional.Shell.Schedules;
using Ebm.Functional.Models;

namespace Ebm.Fuzz;

/// <summary>The error codes each reader may return on bad bytes.</summary>
public static class ReaderCatalogues
{
    /// <summary>Model files: their own catalogue, the model constructors' field errors, and invalid UTF-8.</summary>
    public static IReadOnlySet<int> Model { get; } =
        ModelFileErrors.Codes.Concat([ModelErrors.InvalidFieldCode, ModelErrors.TooLargeCode, ModelErrors.NotFiniteCode, TextErrors.NotUtf8Code]).ToHashSet();

    /// <summary>Data files and invalid UTF-8.</summary>
    public static IReadOnlySet<int> Data { get; } = DataFileErrors.Codes.Append(TextErrors.NotUtf8Code).ToHashSet();

    /// <summary>Schedule files and invalid UTF-8.</summary>
    public static IReadOnlySet<int> Schedule { get; } = ScheduleFileErrors.Codes.Append(TextErrors.NotUtf8Code).ToHashSet();
}
