using Ebm.Functional.Shell.Io;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Training;

/// <summary>
/// The output folder of <c>ebm train</c> and the files in it. A fresh run needs a folder that is missing or empty
/// (nothing is ever overwritten); <c>--resume</c> needs one that holds <see cref="Checkpoint"/>.
/// </summary>
/// <param name="Path">The folder.</param>
internal sealed record TrainFolder(string Path)
{
    /// <summary>The latest checkpoint, rewritten atomically after every evaluation.</summary>
    public const string Checkpoint = "checkpoint.json";

    /// <summary>The trained model as a model file.</summary>
    public const string ModelJson = "model.json";

    /// <summary>The trained model's arrays for NumPy.</summary>
    public const string ModelNpz = "model.npz";

    /// <summary>One line per evaluation.</summary>
    public const string Metrics = "metrics.csv";

    /// <summary>The log-likelihood against epochs.</summary>
    public const string LearningCurve = "learning-curve.png";

    /// <summary>A grid of the model's samples (image data), or a scatter of them over the data (2-D data).</summary>
    public const string Samples = "samples.png";

    /// <summary>A grid of the weights of each hidden unit (image data, RBMs).</summary>
    public const string Filters = "filters.png";

    /// <summary>The density exp(-E) / Z of a 2-D model on its box beside the data.</summary>
    public const string Density = "density.png";

    /// <summary>Seed, configuration, versions and final metrics.</summary>
    public const string Manifest = "manifest.json";

    /// <summary>Every file a run may write, in the order written.</summary>
    public static readonly string[] Files = [Checkpoint, Metrics, ModelJson, ModelNpz, LearningCurve, Samples, Filters, Density, Manifest];

    /// <summary>The full path of <paramref name="file"/> in the folder.</summary>
    public string File(string file) => System.IO.Path.Combine(Path, file);

    /// <summary>A folder a fresh run may write into: missing (it is created later) or empty; never one holding files.</summary>
    public static Fin<TrainFolder> ForFreshRun(string path)
    {
        if (System.IO.File.Exists(path)) return FinFail<TrainFolder>(TrainConfigErrors.FolderInUse(path, "is a file; --out names a folder"));
        if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
            return FinFail<TrainFolder>(TrainConfigErrors.FolderInUse(path,
                System.IO.File.Exists(System.IO.Path.Combine(path, Checkpoint))
                    ? "holds a training run already: continue it with --resume, or choose another --out"
                    : "is not empty: choose a new or empty folder, nothing is overwritten"));
        return FinSucc(new TrainFolder(path));
    }

    /// <summary>The folder of a run to resume: it must hold a checkpoint.</summary>
    public static Fin<TrainFolder> ForResume(string path) =>
        System.IO.File.Exists(System.IO.Path.Combine(path, Checkpoint))
            ? FinSucc(new TrainFolder(path))
            : FinFail<TrainFolder>(Functional.Shell.Io.FileErrors.NotFound(System.IO.Path.Combine(path, Checkpoint)));

    /// <summary>Creates the folder and checks every output in it against the run's inputs (an output never replaces an input).</summary>
    public Fin<RunOutputs> Prepare(CancellationToken cancellation, params (string Label, string? Path)[] inputs)
    {
        try
        {
            Directory.CreateDirectory(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return FinFail<RunOutputs>(FileErrors.Unwritable(Path, e.Message));
        }

        var files = inputs.Aggregate(new RunFiles(), (declared, input) => declared.Input(input.Label, input.Path));
        foreach (var file in Files)
            files = files.Output(file, File(file), file.EndsWith(".png", StringComparison.Ordinal) ? OutputFormat.Png : OutputFormat.Any);
        return files.Check(cancellation);
    }
}
