using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.Io;

/// <summary>Reads a whole file, refusing one larger than a stated limit before reading it.</summary>
public static class BoundedFile
{
    /// <summary>
    /// The bytes of <paramref name="path"/>, or an error for a missing, unreadable or too large file.
    /// The limit is enforced while reading too, so a file that grows after the size check is still refused.
    /// </summary>
    public static Fin<byte[]> ReadAllBytes(string path, long maxBytes)
    {
        try
        {
            if (Directory.Exists(path)) return FinFail<byte[]>(FileErrors.Unreadable(path, "it is a directory"));
            if (!File.Exists(path)) return FinFail<byte[]>(FileErrors.NotFound(path));
            var length = new FileInfo(path).Length;
            if (length > maxBytes) return FinFail<byte[]>(FileErrors.TooLarge(path, length, maxBytes));

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var buffer = new MemoryStream((int)Math.Min(length, int.MaxValue));
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk)) > 0)
            {
                if (buffer.Length + read > maxBytes) return FinFail<byte[]>(FileErrors.TooLarge(path, buffer.Length + read, maxBytes));
                buffer.Write(chunk, 0, read);
            }

            return FinSucc(buffer.ToArray());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return FinFail<byte[]>(FileErrors.Unreadable(path, e.Message));
        }
    }
}
