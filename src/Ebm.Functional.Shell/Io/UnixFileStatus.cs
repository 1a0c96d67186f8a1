using System.Runtime.InteropServices;

namespace Ebm.Functional.Shell.Io;

/// <summary>
/// The kind, device and inode of a path from Linux's <c>statx(2)</c>, whose result layout is the same on every
/// architecture (unlike <c>struct stat</c>), and <c>access(2)</c>. Exported by glibc since 2.28 and by musl;
/// where the call is missing (other systems, older C libraries) <see cref="IsAvailable"/> is false and
/// <see cref="FileFacts"/> falls back to what .NET reports.
/// </summary>
internal static partial class UnixFileStatus
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxTypeModeAndInode = 0x1 | 0x2 | 0x100;
    private const int WriteAccess = 2;
    private const int NoSuchFile = 2;
    private const int NotADirectory = 20;

    private static readonly Lazy<bool> Available = new(Probe);

    /// <summary>True on Linux when the C library exports statx.</summary>
    public static bool IsAvailable => Available.Value;

    /// <summary>
    /// The kind and identity of the file <paramref name="path"/> names, through symbolic links. A missing path (or one
    /// under a regular file, or a link to nothing) is <see cref="FileKind.Missing"/>.
    /// </summary>
    /// <exception cref="IOException">statx failed for another reason (permissions, a loop of links).</exception>
    public static (FileKind Kind, FileIdentity Identity) Stat(string path)
    {
        if (Statx(AtCurrentDirectory, path, 0, StatxTypeModeAndInode, out var status) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is NoSuchFile or NotADirectory) return (FileKind.Missing, default);
            throw new IOException(Marshal.GetPInvokeErrorMessage(errno));
        }

        var identity = new FileIdentity(((ulong)status.DeviceMajor << 32) | status.DeviceMinor, status.Inode, "");
        var kind = (status.Mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x2000 => FileKind.CharacterDevice,
            0x1000 => FileKind.Fifo,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Missing,
        };
        return (kind, identity);
    }

    /// <summary>Whether this process may write to <paramref name="path"/> (true where the call is missing).</summary>
    public static bool MayWrite(string path) => !IsAvailable || Access(path, WriteAccess) == 0;

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return Statx(AtCurrentDirectory, "/", 0, StatxTypeModeAndInode, out _) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, out StatxResult result);

    [LibraryImport("libc", EntryPoint = "access", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Access(string path, int mode);

    /// <summary>struct statx (linux/stat.h): 256 bytes, fixed offsets on every architecture.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxResult
    {
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(32)] public ulong Inode;
        [FieldOffset(136)] public uint DeviceMajor;
        [FieldOffset(140)] public uint DeviceMinor;
    }
}
