namespace Ebm.Functional.Shell.Io;

/// <summary>The kind and identity of a path, from <see cref="UnixFileStatus"/> on Linux and from .NET elsewhere.</summary>
/// <param name="Kind">What the path names.</param>
/// <param name="Identity">Which file it is (meaningless for <see cref="FileKind.Missing"/>).</param>
/// <param name="IsLink">The path itself is a symbolic link (only when asked not to follow links).</param>
internal readonly record struct FileFacts(FileKind Kind, FileIdentity Identity, bool IsLink)
{
    /// <summary>The facts of <paramref name="fullPath"/>, through symbolic links unless <paramref name="followLinks"/> is false.</summary>
    /// <exception cref="IOException">The path cannot be examined (permissions, a loop of links).</exception>
    public static FileFacts Of(string fullPath, bool followLinks)
    {
        if (UnixFileStatus.IsAvailable)
        {
            var (kind, identity, isLink) = UnixFileStatus.Stat(fullPath, followLinks);
            return new FileFacts(kind, identity, isLink);
        }

        var info = new FileInfo(fullPath);
        if (!followLinks && info.LinkTarget is not null) return new FileFacts(FileKind.Missing, default, true);
        if (Directory.Exists(fullPath)) return new FileFacts(FileKind.Directory, FileIdentity.OfPath(FinalTarget(fullPath)), false);
        if (!File.Exists(fullPath)) return new FileFacts(FileKind.Missing, default, false);
        // Without stat, devices are recognised by where Unix keeps them, so /dev/null is never replaced by a file.
        var device = !OperatingSystem.IsWindows() && fullPath.StartsWith("/dev/", StringComparison.Ordinal);
        return new FileFacts(device ? FileKind.CharacterDevice : FileKind.Regular, FileIdentity.OfPath(FinalTarget(fullPath)), false);
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
