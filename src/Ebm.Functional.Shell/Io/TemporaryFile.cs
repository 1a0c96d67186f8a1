namespace Ebm.Functional.Shell.Io;

/// <summary>
/// The temporary file of one atomic write, beside its target: created exclusively, renamed over the target
/// by <see cref="Commit"/>, deleted by <see cref="Dispose"/> when not committed and, at once, when the
/// cancellation token fires, even while the writer is still writing (on Unix the open handle keeps writing
/// into the unlinked file, and the commit then refuses).
/// </summary>
/// <remarks>
/// The lock makes the rename and the cancellation exclusive: either the rename happened first (the target
/// is complete) or the file was deleted first (the target was never touched). No partial target is possible.
/// </remarks>
internal sealed class TemporaryFile : IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationToken _cancellation;
    private CancellationTokenRegistration _registration;
    private bool _finished;

    private TemporaryFile(string path, FileStream stream, CancellationToken cancellation)
    {
        Path = path;
        Stream = stream;
        _cancellation = cancellation;
    }

    /// <summary>Where the temporary file is.</summary>
    public string Path { get; }

    /// <summary>The open file; <see cref="Commit"/> closes it.</summary>
    public FileStream Stream { get; }

    /// <summary>Creates ".NAME.GUID.tmp" in <paramref name="directory"/> (never an existing file).</summary>
    /// <exception cref="OperationCanceledException">The token is already cancelled.</exception>
    /// <exception cref="IOException">The file cannot be created.</exception>
    public static TemporaryFile Create(string directory, string targetName, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var path = System.IO.Path.Combine(directory, $".{targetName}.{Guid.NewGuid():N}.tmp");
        // FileShare.Delete lets cancellation delete the file while it is open on Windows too.
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Delete);
        var file = new TemporaryFile(path, stream, cancellation);
        file._registration = cancellation.Register(file.Abandon);
        return file;
    }

    /// <summary>Closes the file and renames it over <paramref name="target"/>, unless cancelled first.</summary>
    /// <exception cref="OperationCanceledException">Cancelled before the rename: the file is gone, the target untouched.</exception>
    public void Commit(string target)
    {
        Stream.Dispose();
        lock (_gate)
        {
            if (_finished || _cancellation.IsCancellationRequested) throw new OperationCanceledException(_cancellation);
            File.Move(Path, target, overwrite: true);
            _finished = true;
        }
    }

    /// <summary>Closes the file and deletes it unless it was committed.</summary>
    public void Dispose()
    {
        _registration.Dispose();
        Stream.Dispose();
        Abandon();
    }

    private void Abandon()
    {
        lock (_gate)
        {
            if (_finished) return;
            _finished = true;
            try
            {
                File.Delete(Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Nothing more can be done from here; the failed write is reported by the caller.
            }
        }
    }
}
