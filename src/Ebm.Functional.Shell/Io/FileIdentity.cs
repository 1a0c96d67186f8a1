namespace Ebm.Functional.Shell.Io;

/// <summary>
/// Which file a path names, so that two different spellings of one file (a symbolic link, a hard link,
/// "./a" and "a") compare equal.
/// </summary>
/// <param name="Device">The device holding the file (or the directory of a file not yet created); 0 off Linux.</param>
/// <param name="Inode">The inode of the file (or of that directory); 0 off Linux.</param>
/// <param name="Name">Empty for an existing file; the file name inside the directory for one not yet created;
/// off Linux the full path with its links resolved (case-folded where the file system ignores case).</param>
internal readonly record struct FileIdentity(ulong Device, ulong Inode, string Name)
{
    /// <summary>The identity of a file that does not exist yet: its directory and its name there.</summary>
    public static FileIdentity InDirectory(FileIdentity directory, string name) =>
        directory.Device == 0 && directory.Inode == 0
            ? OfPath(Path.Combine(directory.Name, name))
            : directory with { Name = name };

    /// <summary>The fallback where the system gives no inode numbers: the full path.</summary>
    public static FileIdentity OfPath(string fullPath) =>
        new(0, 0, OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? fullPath.ToUpperInvariant() : fullPath);
}
