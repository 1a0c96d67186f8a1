using Ebm.Cli.Training;
using Ebm.Functional.Shell.Io;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Showcase;

/// <summary>
/// The folder the showcase writes its PNGs into, always one that held nothing before: by default a new folder
/// ebm-showcase-XXXXXX under the system's temporary folder; with <c>--out DIR</c>, DIR when it is missing (it is created)
/// or empty. A folder holding anything is refused, so the showcase never overwrites a file.
/// </summary>
/// <param name="Path">The folder, created.</param>
internal sealed record ShowcaseFolder(string Path)
{
    /// <summary>The heat capacity against T: sampled with error bars, exact and Onsager's curve.</summary>
    public const string HeatCapacity = "heat-capacity.png";

    /// <summary>The training run's exact log-likelihood against the epoch.</summary>
    public const string LearningCurve = "learning-curve.png";

    /// <summary>The annealing run's energy against the sweep, with the exact ground state.</summary>
    public const string Annealing = "annealing.png";

    /// <summary>Every file the showcase writes, in the order written.</summary>
    public static readonly string[] Files = [HeatCapacity, LearningCurve, Annealing];

    /// <summary>The prefix of the default folder's name.</summary>
    public const string TemporaryPrefix = "ebm-showcase-";

    /// <summary>The full path of <paramref name="file"/> in the folder.</summary>
    public string File(string file) => System.IO.Path.Combine(Path, file);

    /// <summary>Creates the folder: a new temporary one when <paramref name="path"/> is null, else the missing or empty <paramref name="path"/>.</summary>
    public static Fin<ShowcaseFolder> Create(string? path)
    {
        try
        {
            if (path is null) return FinSucc(new ShowcaseFolder(Directory.CreateTempSubdirectory(TemporaryPrefix).FullName));
            if (path.Length == 0) return FinFail<ShowcaseFolder>(FileErrors.EmptyPath("--out"));
            if (System.IO.File.Exists(path)) return FinFail<ShowcaseFolder>(TrainConfigErrors.FolderInUse(path, "is a file; --out names a folder"));
            if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
                return FinFail<ShowcaseFolder>(TrainConfigErrors.FolderInUse(path, "is not empty: choose a new or empty folder, nothing is overwritten"));
            return FinSucc(new ShowcaseFolder(Directory.CreateDirectory(path).FullName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return FinFail<ShowcaseFolder>(FileErrors.Unwritable(path ?? System.IO.Path.GetTempPath(), e.Message));
        }
    }

    /// <summary>Writes <paramref name="png"/> to <paramref name="file"/> in the folder, atomically.</summary>
    public Fin<Unit> Write(string file, Func<byte[]> png, CancellationToken cancellation) =>
        OutputFile.Check(File(file), OutputFormat.Png, cancellation).Bind(o => o.WriteAllBytes(png()));
}
