using LanguageExt.Common;

namespace Ebm.Functional.Shell.Io;

/// <summary>
/// The catalogue of errors from reading and writing files (codes 3101-3119); each message starts with the path, or with the
/// option (the label of an output) when the problem is the choice of path rather than the file.
/// </summary>
/// <remarks>All are expected errors (a path the user gave), so the <c>ebm</c> tool maps them to exit code 2.</remarks>
public static class FileErrors
{
    /// <summary>Code of <see cref="NotFound"/>.</summary>
    public const int NotFoundCode = 3101;

    /// <summary>Code of <see cref="TooLarge"/>.</summary>
    public const int TooLargeCode = 3102;

    /// <summary>Code of <see cref="Unreadable"/>.</summary>
    public const int UnreadableCode = 3103;

    /// <summary>Code of <see cref="Unwritable"/>.</summary>
    public const int UnwritableCode = 3104;

    /// <summary>Code of <see cref="EmptyPath"/>.</summary>
    public const int EmptyPathCode = 3105;

    /// <summary>Code of <see cref="SameAsInput"/>.</summary>
    public const int SameAsInputCode = 3106;

    /// <summary>Code of <see cref="SameOutput"/>.</summary>
    public const int SameOutputCode = 3107;

    /// <summary>Code of <see cref="WrongExtension"/>.</summary>
    public const int WrongExtensionCode = 3108;

    /// <summary>Code of <see cref="Cancelled"/>.</summary>
    public const int CancelledCode = 3109;

    /// <summary>No file at the path.</summary>
    public static Error NotFound(string path) => Error.New(NotFoundCode, $"{path}: file not found");

    /// <summary>A file over the byte limit, rejected before it is read.</summary>
    public static Error TooLarge(string path, long bytes, long limit) =>
        Error.New(TooLargeCode, $"{path}: the file has {bytes} bytes, more than the limit of {limit} bytes");

    /// <summary>The path exists but cannot be read (a directory, permissions, an IO failure).</summary>
    public static Error Unreadable(string path, string reason) => Error.New(UnreadableCode, $"{path}: cannot be read: {reason}");

    /// <summary>The output cannot be written (missing directory, permissions, an IO failure).</summary>
    public static Error Unwritable(string path, string reason) => Error.New(UnwritableCode, $"{path}: cannot be written: {reason}");

    /// <summary>An output given as an empty (or blank) path.</summary>
    public static Error EmptyPath(string label) => Error.New(EmptyPathCode, $"{label}: the path is empty");

    /// <summary>An output that is the same file as one of the run's inputs, which it would overwrite.</summary>
    public static Error SameAsInput(string label, string path, string inputLabel, string inputPath) =>
        Error.New(SameAsInputCode, $"{label}: {path} is the same file as the input {inputLabel} ({inputPath}); an output never overwrites an input");

    /// <summary>Two outputs of one run that name the same file.</summary>
    public static Error SameOutput(string label, string path, string otherLabel, string otherPath) =>
        Error.New(SameOutputCode, $"{label}: {path} is the same file as {otherLabel} ({otherPath}); give each output its own file");

    /// <summary>An output whose format needs a file name ending (a PNG image in "plot.jpg").</summary>
    public static Error WrongExtension(string label, string path, string extension, string what) =>
        Error.New(WrongExtensionCode, $"{label}: \"{path}\" should end in {extension} (the file is {what})");

    /// <summary>The write was cancelled (Ctrl-C, SIGTERM); nothing was left at the path.</summary>
    public static Error Cancelled(string path) => Error.New(CancelledCode, $"{path}: not written: cancelled");
}
