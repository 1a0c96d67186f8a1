using LanguageExt.Common;

namespace Ebm.Functional.Shell.Training;

/// <summary>Errors of training checkpoints (codes 3501-3519); each message starts with the path. All are expected errors.</summary>
public static class CheckpointErrors
{
    /// <summary>Code of <see cref="Malformed"/>.</summary>
    public const int MalformedCode = 3501;

    /// <summary>Code of <see cref="WrongModel"/>.</summary>
    public const int WrongModelCode = 3502;

    /// <summary>Code of <see cref="NotCheckpoint"/>.</summary>
    public const int NotCheckpointCode = 3503;

    /// <summary>The file is a checkpoint whose content cannot be read back (a field missing, of the wrong type or shape).</summary>
    public static Error Malformed(string path, string problem) => Error.New(MalformedCode, $"{path}: not a valid training checkpoint: {problem}");

    /// <summary>The checkpoint holds a model of another family than the run resumes.</summary>
    public static Error WrongModel(string path, string expected, string actual) =>
        Error.New(WrongModelCode, $"{path}: the checkpoint holds a {actual} model, the run trains a {expected}");

    /// <summary>The file is not a training checkpoint of this format version.</summary>
    public static Error NotCheckpoint(string path, string problem) => Error.New(NotCheckpointCode, $"{path}: not a training checkpoint ({problem})");
}
