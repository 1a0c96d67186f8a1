using LanguageExt;

namespace Ebm.Functional.Shell.Io;

/// <summary>
/// Writes a file without ever leaving a torn one: a regular file is written to a temporary file beside it
/// (beside the file a symbolic link points to), flushed to disk and renamed over it, so a reader sees the old
/// file or the new one; a character device (/dev/null) or FIFO is written through and stays what it is.
/// </summary>
/// <remarks>
/// A shorthand for <see cref="OutputFile.Check(string, OutputFormat, CancellationToken)"/> followed by a write:
/// the same checks and the same writer. The rename is atomic on POSIX file systems and on NTFS within one volume,
/// which is why the temporary file lives beside the target rather than in the system temp directory. On failure
/// or cancellation the temporary file is removed and the target is left untouched. To check a run's outputs
/// against its inputs before the work, declare them with <see cref="RunFiles"/>.
/// <example><code>
/// var written = AtomicFile.WriteAllText("results.csv", "beta,logZ\n1,2.5\n");
/// written.IfFail(e => Console.Error.WriteLine(e.Message));
/// </code></example>
/// </remarks>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark.</summary>
    public static Fin<Unit> WriteAllText(string path, string text) => OutputFile.Check(path).Bind(o => o.WriteAllText(text));

    /// <summary>Writes <paramref name="bytes"/>.</summary>
    public static Fin<Unit> WriteAllBytes(string path, byte[] bytes) => OutputFile.Check(path).Bind(o => o.WriteAllBytes(bytes));

    /// <summary>Lets <paramref name="write"/> stream the content, then makes it the content of <paramref name="path"/>.</summary>
    public static Fin<Unit> Write(string path, Action<Stream> write) => Write(path, write, CancellationToken.None);

    /// <summary>As <see cref="Write(string, Action{Stream})"/>; cancelling the token stops the writer's next write and deletes the temporary file.</summary>
    public static Fin<Unit> Write(string path, Action<Stream> write, CancellationToken cancellation) =>
        OutputFile.Check(path, OutputFormat.Any, cancellation).Bind(o => o.Write(write));
}
