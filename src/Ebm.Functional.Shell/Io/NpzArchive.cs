using System.IO.Compression;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.Io;

/// <summary>
/// Reads and writes NumPy <c>.npz</c> archives: a zip file of <c>.npy</c> members, one per array, named after the array
/// (<c>W.npy</c> holds the array <c>W</c>), stored (<c>np.savez</c>) or deflated (<c>np.savez_compressed</c>).
/// </summary>
/// <remarks>
/// Any byte string gives the arrays or an error of <see cref="ArrayFileErrors"/> naming the archive and the member;
/// nothing is thrown. A member's expanded size is checked against the limit before and while it is expanded, so a
/// small archive cannot expand into an unbounded one, and its CRC-32 is checked, so a corrupt member is an error, not
/// silently different numbers. Written archives are stored (not compressed), members in the
/// order given, every time stamp 1980-01-01 00:00 as NumPy writes it, so the same arrays give the same bytes.
/// </remarks>
public static class NpzArchive
{
    private static readonly DateTimeOffset ZipEpoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>True when <paramref name="bytes"/> starts like a zip file (a local file header or an empty archive's end record).</summary>
    public static bool StartsWithMagic(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && ((bytes[2] == 3 && bytes[3] == 4) || (bytes[2] == 5 && bytes[3] == 6));

    /// <summary>
    /// The arrays of the archive in <paramref name="bytes"/>, in archive order, each member's expanded size at most
    /// <paramref name="maxMemberBytes"/>; <paramref name="source"/> names the file in errors.
    /// </summary>
    public static Fin<Seq<(string Name, NpyArray Array)>> Parse(byte[] bytes, string source, long maxMemberBytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (!StartsWithMagic(bytes)) return FinFail<Seq<(string, NpyArray)>>(ArrayFileErrors.BadMagic(source, "NumPy .npz archive", "the zip signature PK\\x03\\x04"));
        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var arrays = new List<(string, NpyArray)>();
            foreach (var entry in archive.Entries)
            {
                if (entry.FullName.EndsWith('/')) continue;
                var name = entry.FullName.EndsWith(".npy", StringComparison.Ordinal) ? entry.FullName[..^4] : entry.FullName;
                var member = $"{source}: {EchoedText.Quote(entry.FullName)}";
                if (arrays.Any(a => a.Item1 == name)) return FinFail<Seq<(string, NpyArray)>>(ArrayFileErrors.DuplicateName(source, name));
                if (entry.Length > maxMemberBytes) return FinFail<Seq<(string, NpyArray)>>(ArrayFileErrors.TooLarge(member, entry.Length, maxMemberBytes));
                switch (Expand(entry, member, maxMemberBytes).Bind(content => NpyFormat.Parse(content, member)).Case)
                {
                    case NpyArray array:
                        arrays.Add((name, array));
                        break;
                    case var error:
                        return FinFail<Seq<(string, NpyArray)>>((Error)error!);
                }
            }

            return FinSucc(arrays.ToSeq());
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            return FinFail<Seq<(string, NpyArray)>>(ArrayFileErrors.NotZip(source, EchoedText.OneLine(e.Message)));
        }
    }

    /// <summary>The bytes of an archive holding <paramref name="arrays"/> as <c>NAME.npy</c> members, in order.</summary>
    /// <exception cref="ArgumentException">Two arrays share a name.</exception>
    public static byte[] Write(IEnumerable<(string Name, NpyArray Array)> arrays)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var names = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, array) in arrays)
            {
                if (!names.Add(name)) throw new ArgumentException($"the array {name} is given twice", nameof(arrays));
                var entry = archive.CreateEntry(name + ".npy", CompressionLevel.NoCompression);
                entry.LastWriteTime = ZipEpoch;
                using var stream = entry.Open();
                stream.Write(NpyFormat.Write(array));
            }
        }

        return buffer.ToArray();
    }

    private static Fin<byte[]> Expand(ZipArchiveEntry entry, string member, long limit)
    {
        using var input = entry.Open();
        using var output = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk)) > 0)
        {
            if (output.Length + read > limit) return FinFail<byte[]>(ArrayFileErrors.TooLarge(member, output.Length + read, limit));
            output.Write(chunk, 0, read);
        }

        // Zip readers need not check the CRC-32 of a member; a flipped bit in stored weights would load silently.
        var content = output.ToArray();
        var crc = Crc32.Of(content);
        return crc == entry.Crc32 ? FinSucc(content) : FinFail<byte[]>(ArrayFileErrors.Corrupt(member, entry.Crc32, crc));
    }
}
