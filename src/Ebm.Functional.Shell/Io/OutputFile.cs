using System.Text;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.Io;

/// <summary>
/// An output location checked before any work: the one way the shell writes a result file. A regular file
/// (or a new one) is written atomically through a temporary file beside the file a symbolic link resolves to,
/// then renamed over it; a character device (/dev/null, /dev/stdout) or a FIFO is written through, so it
/// stays what it is.
/// </summary>
/// <remarks>
/// <para><see cref="Check(string, OutputFormat, CancellationToken)"/> refuses, naming the path: an empty path, a
/// directory, a block device or socket, a missing parent directory or one that is a regular file, a directory
/// where no file can be created (read-only, /proc), an existing file this process may not write, and a PNG
/// output whose name does not end in ".png". It creates
/// and deletes a temporary file to prove the location is writable. <see cref="RunFiles"/> adds the checks
/// between files: an output never names an input, nor another output.</para>
/// <para>The write deletes its temporary file when it fails or is cancelled: cancelling the token deletes it at
/// once (even while the writer is still writing) and a rename can no longer happen, so the target keeps its old
/// content; there is never a partial file at the target. A device or FIFO receives bytes as they are written.</para>
/// <example><code>
/// var written = OutputFile.Check("samples.csv").Bind(o =&gt; o.Write(stream =&gt; stream.Write("x\n"u8)));
/// written.IfFail(e =&gt; Console.Error.WriteLine(e.Message));
/// </code></example>
/// </remarks>
public sealed class OutputFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly CancellationToken _cancellation;

    private OutputFile(string label, string path, string target, bool writesThrough, FileIdentity identity, CancellationToken cancellation)
    {
        Label = label;
        Path = path;
        Target = target;
        WritesThrough = writesThrough;
        Identity = identity;
        _cancellation = cancellation;
    }

    /// <summary>What names the output in messages: the option (for example "--out"), or "output".</summary>
    public string Label { get; }

    /// <summary>The path as given.</summary>
    public string Path { get; }

    /// <summary>The full path of the file that receives the bytes: the end of a chain of symbolic links.</summary>
    public string Target { get; }

    /// <summary>True for a character device or FIFO, written in place; false for a regular file, replaced atomically.</summary>
    public bool WritesThrough { get; }

    /// <summary>The file (or, not yet created, its directory and name) for comparing with inputs and other outputs.</summary>
    internal FileIdentity Identity { get; }

    /// <summary>Checks <paramref name="path"/> as an output; the error names the path.</summary>
    public static Fin<OutputFile> Check(string path, OutputFormat format = OutputFormat.Any, CancellationToken cancellation = default) =>
        Check("output", path, format, cancellation);

    /// <summary>Checks <paramref name="path"/> as the output <paramref name="label"/>.</summary>
    internal static Fin<OutputFile> Check(string label, string path, OutputFormat format, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(path)) return FinFail<OutputFile>(FileErrors.EmptyPath(label));
        try
        {
            var full = System.IO.Path.GetFullPath(path);
            if (System.IO.Path.EndsInDirectorySeparator(path)) return FinFail<OutputFile>(FileErrors.Unwritable(path, "it names a directory"));
            var facts = FileFacts.Of(full);
            switch (facts.Kind)
            {
                case FileKind.Directory:
                    return FinFail<OutputFile>(FileErrors.Unwritable(path, "it is a directory"));
                case FileKind.BlockDevice or FileKind.Socket:
                    return FinFail<OutputFile>(FileErrors.Unwritable(path,
                        $"it is a {(facts.Kind == FileKind.Socket ? "socket" : "block device")}; an output is a regular file, a character device such as /dev/null, or a FIFO"));
                case FileKind.CharacterDevice or FileKind.Fifo:
                    return UnixFileStatus.MayWrite(full)
                        ? FinSucc(new OutputFile(label, path, full, writesThrough: true, facts.Identity, cancellation))
                        : FinFail<OutputFile>(FileErrors.Unwritable(path, "permission denied"));
            }

            if (format == OutputFormat.Png && !path.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
                return FinFail<OutputFile>(FileErrors.WrongExtension(label, path, ".png", "a PNG image"));
            var target = FileFacts.FinalTarget(full);
            // The rename could replace a file its owner made read-only; like cp, respect that (root may still write).
            if (facts.Kind == FileKind.Regular && !UnixFileStatus.MayWrite(target))
                return FinFail<OutputFile>(FileErrors.Unwritable(path, "permission denied (the file is read-only)"));
            var directory = System.IO.Path.GetDirectoryName(target)!;
            var parent = FileFacts.Of(directory);
            if (parent.Kind == FileKind.Missing) return FinFail<OutputFile>(FileErrors.Unwritable(path, $"the directory {directory} does not exist"));
            if (parent.Kind != FileKind.Directory) return FinFail<OutputFile>(FileErrors.Unwritable(path, $"{directory} is not a directory"));
            if (CannotCreateIn(directory, System.IO.Path.GetFileName(target)) is { } reason)
                return FinFail<OutputFile>(FileErrors.Unwritable(path, $"no file can be created in {directory} ({reason})"));

            var identity = facts.Kind == FileKind.Regular ? facts.Identity : FileIdentity.InDirectory(parent.Identity, System.IO.Path.GetFileName(target));
            return FinSucc(new OutputFile(label, path, target, writesThrough: false, identity, cancellation));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return FinFail<OutputFile>(FileErrors.Unwritable(path, e.Message));
        }
    }

    /// <summary>
    /// Creates and deletes a temporary file beside the target, which proves before the work that the rename
    /// will be possible (a read-only file system, a permission, /proc); null when it worked, else why not.
    /// </summary>
    private static string? CannotCreateIn(string directory, string name)
    {
        try
        {
            using (TemporaryFile.Create(directory, name, CancellationToken.None))
            {
                return null;
            }
        }
        catch (UnauthorizedAccessException)
        {
            return "permission denied";
        }
        catch (IOException e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return "the file system does not accept new files there";
        }
        catch (IOException e)
        {
            // .NET appends the temporary file's path, which means nothing to the user.
            var cut = e.Message.IndexOf(" : '", StringComparison.Ordinal);
            return cut > 0 ? e.Message[..cut] : e.Message;
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark.</summary>
    public Fin<Unit> WriteAllText(string text) => WriteAllBytes(Utf8NoBom.GetBytes(text));

    /// <summary>Writes <paramref name="bytes"/>.</summary>
    public Fin<Unit> WriteAllBytes(byte[] bytes) => Write(stream => stream.Write(bytes));

    /// <summary>
    /// Lets <paramref name="write"/> stream the content, then makes it the file's content (a regular file) or
    /// leaves it sent (a device or FIFO). An IO failure or cancellation is an error naming the path; any other
    /// exception from <paramref name="write"/> propagates, with the temporary file deleted.
    /// </summary>
    public Fin<Unit> Write(Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            if (WritesThrough) WriteThrough(write);
            else WriteAtomically(write);
            return FinSucc(unit);
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            return FinFail<Unit>(FileErrors.Cancelled(Path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return FinFail<Unit>(FileErrors.Unwritable(Path, e.Message));
        }
    }

    private void WriteThrough(Action<Stream> write)
    {
        _cancellation.ThrowIfCancellationRequested();
        // Open, never create or truncate: a device or FIFO is written to, not replaced.
        using var file = new FileStream(Target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        write(new CancellableStream(file, _cancellation));
        file.Flush();
    }

    private void WriteAtomically(Action<Stream> write)
    {
        using var temporary = TemporaryFile.Create(System.IO.Path.GetDirectoryName(Target)!, System.IO.Path.GetFileName(Target), _cancellation);
        KeepMode(temporary.Path);
        write(new CancellableStream(temporary.Stream, _cancellation));
        temporary.Stream.Flush(flushToDisk: true);
        temporary.Commit(Target);
    }

    /// <summary>A replaced file keeps its permissions (a script's execute bit, a private file's 0600).</summary>
    private void KeepMode(string temporary)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(Target)) return;
        File.SetUnixFileMode(temporary, File.GetUnixFileMode(Target));
    }
}
