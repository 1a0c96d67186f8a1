using System.Text;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.Io;

/// <summary>
/// Writes files atomically: the content goes to a temporary file in the same directory, is flushed
/// to disk, then renamed over the target, so a reader sees the old file or the new one, never a torn one.
/// </summary>
/// <remarks>
/// The rename is atomic on POSIX file systems and on NTFS within one volume, which is why the
/// temporary file lives beside the target rather than in the system temp directory. On failure the
/// temporary file is removed and the target is left untouched.
/// <example><code>
/// var written = AtomicFile.WriteAllText("results.csv", "beta,logZ\n1,2.5\n");
/// written.IfFail(e => Console.Error.WriteLine(e.Message));
/// </code></example>
/// </remarks>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a byte-order mark.</summary>
    public static Fin<Unit> WriteAllText(string path, string text) => WriteAllBytes(path, Utf8NoBom.GetBytes(text));

    /// <summary>Writes <paramref name="bytes"/>.</summary>
    public static Fin<Unit> WriteAllBytes(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));

    /// <summary>Lets <paramref name="write"/> fill the temporary file, then renames it over <paramref name="path"/>.</summary>
    public static Fin<Unit> Write(string path, Action<Stream> write)
    {
        string target;
        try
        {
            target = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return FinFail<Unit>(FileErrors.Unwritable(path, e.Message));
        }

        var directory = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(directory)) return FinFail<Unit>(FileErrors.Unwritable(path, $"the directory {directory} does not exist"));
        if (Directory.Exists(target)) return FinFail<Unit>(FileErrors.Unwritable(path, "it is a directory"));

        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
            return FinSucc(unit);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return FinFail<Unit>(FileErrors.Unwritable(path, e.Message));
        }
        finally
        {
            if (File.Exists(temporary)) TryDelete(temporary);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The write already failed; a leftover temporary file is reported by that failure, not this one.
        }
    }
}
