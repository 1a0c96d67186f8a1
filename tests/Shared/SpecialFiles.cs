using System.Diagnostics;

namespace Ebm.Tests.Shared;

/// <summary>
/// Device nodes, FIFOs and links made in a test's own directory, so that a writer that wrongly replaced
/// them could never harm the real /dev/null.
/// </summary>
internal static class SpecialFiles
{
    /// <summary>A private null device (character device 1:3), the same device as /dev/null.</summary>
    public static string NullDevice(string path) => Made(path, "mknod", path, "c", "1", "3");

    /// <summary>A private full device (character device 1:7): every write fails with "no space left".</summary>
    public static string FullDevice(string path) => Made(path, "mknod", path, "c", "1", "7");

    /// <summary>A named pipe.</summary>
    public static string Fifo(string path) => Made(path, "mkfifo", path);

    /// <summary>What the path itself is, as stat(1) says: "character special file", "fifo", "symbolic link", "regular file".</summary>
    public static string KindOf(string path) => Command("stat", "-c", "%F", path).Trim();

    /// <summary>Reads the FIFO to its end in the background (opening it waits for a writer).</summary>
    public static Task<byte[]> ReadFifo(string path) => Task.Factory.StartNew(() =>
    {
        using var fifo = new FileStream(path, FileMode.Open, FileAccess.Read);
        using var content = new MemoryStream();
        fifo.CopyTo(content);
        return content.ToArray();
    }, TaskCreationOptions.LongRunning);

    private static string Made(string path, string program, params string[] args)
    {
        Command(program, args);
        return path;
    }

    private static string Command(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)}: {error}");
        return output;
    }
}
