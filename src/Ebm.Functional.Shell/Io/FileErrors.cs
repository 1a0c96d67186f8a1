using LanguageExt.Common;

namespace Ebm.Functional.Shell.Io;

/// <summary>The catalogue of errors from reading and writing files; each message starts with the path.</summary>
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

    /// <summary>No file at the path.</summary>
    public static Error NotFound(string path) => Error.New(NotFoundCode, $"{path}: file not found");

    /// <summary>A file over the byte limit, rejected before it is read.</summary>
    public static Error TooLarge(string path, long bytes, long limit) =>
        Error.New(TooLargeCode, $"{path}: the file has {bytes} bytes, more than the limit of {limit} bytes");

    /// <summary>The path exists but cannot be read (a directory, permissions, an IO failure).</summary>
    public static Error Unreadable(string path, string reason) => Error.New(UnreadableCode, $"{path}: cannot be read: {reason}");

    /// <summary>The output cannot be written (missing directory, permissions, an IO failure).</summary>
    public static Error Unwritable(string path, string reason) => Error.New(UnwritableCode, $"{path}: cannot be written: {reason}");
}
