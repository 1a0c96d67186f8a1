namespace Ebm.Functional.Shell.Io;

/// <summary>The kind and identity of a path, through symbolic links, from <see cref="UnixFileStatus"/> on Linux and from .NET elsewhere.</summary>
/// <param name="Kind">What the path names (the end of a chain of symbolic links).</param>
/// <param name="Identity">Which file it is (meaningless for <see cref="FileKind.Missing"/>).</param>
internal readonly record struct FileFacts(FileKind Kind, FileIdentity Identity)
{
    /// <summary>The facts of the file <paramref name="fullPath"/> names, through symbolic links.</summary>
    /// <exception cref="IOException">The path cannot be examined (permissions, a loop of links).</exception>
    public static FileFacts Of(string fullPath)
    {
        if (UnixFileStatus.IsAvailable)
        {
            var (kind, identity) = UnixFileStatus.Stat(fullPath);
            return new FileFacts(kind, identity);
        }

        if (Directory.Exists(fullPath)) return new FileFacts(FileKind.Directory, FileIdentity.OfPath(FinalTarget(fullPath)));
        if (!File.Exists(fullPath)) return new FileFacts(FileKind.Missing, default);
        // Without stat, devices are recognised by where Unix keeps them, so /dev/null is never replaced by a file.
        var device = !OperatingSystem.IsWindows() && fullPath.StartsWith("/dev/", StringComparison.Ordinal);
        return new FileFacts(device ? FileKind.CharacterDevice : FileKind.Regular, FileIdentity.OfPath(FinalTarget(fullPath)));
    }

    /// <summary>
    /// The file a chain of symbolic links ends at (the path itself when it is no link); the target may not exist.
    /// Links inside the directories above are left alone: the file's name in its own directory is what matters
    /// for a rename.
    /// </summary>
    /// <exception cref="IOException">A loop of links.</exception>
    public static string FinalTarget(string fullPath) =>
        new FileInfo(fullPath).LinkTarget is null
            ? fullPath
            : File.ResolveLinkTarget(fullPath, returnFinalTarget: true)?.FullName ?? fullPath;
}
