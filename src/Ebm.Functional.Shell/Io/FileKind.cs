namespace Ebm.Functional.Shell.Io;

/// <summary>What a path names, as far as writing to it is concerned.</summary>
internal enum FileKind
{
    /// <summary>Nothing at the path (or a symbolic link whose target is missing).</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A character device such as /dev/null, /dev/full or a terminal.</summary>
    CharacterDevice,

    /// <summary>A named pipe (mkfifo).</summary>
    Fifo,

    /// <summary>A block device: a disk, never an output.</summary>
    BlockDevice,

    /// <summary>A Unix-domain socket, never an output.</summary>
    Socket,
}
