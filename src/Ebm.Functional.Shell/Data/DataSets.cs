using System.Buffers.Binary;
using System.IO.Compression;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Io;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.Data;

/// <summary>
/// Loads a data set, one example per row, from text or binary files: CSV text (the 0/1-per-line format of
/// <c>--data</c>, and real values; commas, semicolons, spaces or tabs), NumPy <c>.npy</c> and <c>.npz</c>, and IDX (the
/// MNIST format), each also gzipped (<c>train-images-idx3-ubyte.gz</c>, one gzip member as gzip writes it).
/// </summary>
/// <remarks>
/// <para>The format comes from the name (<c>.npy</c>, <c>.npz</c>, <c>.idx</c> or an <c>idxN</c> / <c>-ubyte</c> name, else
/// text), after a <c>.gz</c> suffix is removed; a name without a known extension whose bytes start with the
/// <c>.npy</c>, zip or IDX magic is read as that format. Gzip data are recognised by their magic bytes whatever the name.</para>
/// <para>An array of 2 dimensions is examples x values; one of more dimensions (a stack of images) is flattened per
/// example in C order, so pixel (i, j) of a 28 x 28 image is value 28 i + j. Values are as stored: bytes 0..255 stay
/// 0..255 (divide, or binarise with <c>Binarisation.Threshold</c>, before training a binary model).</para>
/// <para>Every malformed file is an expected error naming the file and the problem (bad magic, truncated, ragged,
/// non-numeric, wrong width for the model, values outside {0,1} or {-1,+1} for a binary or spin model), from
/// <see cref="DataSetErrors"/>, <see cref="DataFileErrors"/>, <see cref="ArrayFileErrors"/>,
/// <see cref="TextErrors"/> or <see cref="FileErrors"/>; any byte string gives a matrix or such an error.</para>
/// <example><code>
/// var data = DataSets.Load("train-images-idx3-ubyte.gz", DataRequest.Any)
///     .Bind(pixels =&gt; Binarisation.Threshold(pixels, 127.5));
/// </code></example>
/// </remarks>
public static class DataSets
{
    /// <summary>The largest file read, and the largest expansion of a gzipped one, in bytes.</summary>
    public const long MaxBytes = 1L << 30;

    /// <summary>The examples in the file at <paramref name="path"/>, checked against <paramref name="request"/>.</summary>
    public static Fin<Mat> Load(string path, DataRequest request) =>
        BoundedFile.ReadAllBytes(path, MaxBytes).Bind(bytes => Parse(path, bytes, request));

    /// <summary>The examples in <paramref name="bytes"/>, read as the file <paramref name="path"/> would be; the path names the format and the source in errors.</summary>
    public static Fin<Mat> Parse(string path, byte[] bytes, DataRequest request)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(request);
        var name = path;
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) || IsGzip(bytes))
        {
            name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
            switch (Gunzip(bytes, path).Case)
            {
                case byte[] expanded:
                    bytes = expanded;
                    break;
                case var error:
                    return FinFail<Mat>((Error)error!);
            }
        }

        return FormatOf(name, bytes) switch
        {
            ".npy" => NpyFormat.Parse(bytes, path).Bind(a => Table(path, a, request)),
            ".npz" => NpzArchive.Parse(bytes, path, MaxBytes).Bind(arrays => Choose(path, arrays, request.ArrayName)).Bind(a => Table(path, a, request)),
            ".idx" => IdxFormat.Parse(bytes, path).Bind(a => Table(path, a, request)),
            _ => Text(path, bytes, request),
        };
    }

    private static string FormatOf(string name, ReadOnlySpan<byte> bytes)
    {
        var file = Path.GetFileName(name).ToLowerInvariant();
        var extension = Path.GetExtension(file);
        if (extension is ".npy" or ".npz" or ".idx") return extension;
        if (file.EndsWith("-ubyte", StringComparison.Ordinal) || System.Text.RegularExpressions.Regex.IsMatch(file, @"[.-]idx\d")) return ".idx";
        if (extension is ".csv" or ".txt" or ".tsv" or ".dat") return ".csv";
        if (NpyFormat.StartsWithMagic(bytes)) return ".npy";
        if (NpzArchive.StartsWithMagic(bytes)) return ".npz";
        return IdxFormat.StartsWithMagic(bytes) ? ".idx" : ".csv";
    }

    private static bool IsGzip(byte[] bytes) => bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B;

    private static Fin<byte[]> Gunzip(byte[] bytes, string path)
    {
        if (!IsGzip(bytes)) return FinFail<byte[]>(DataSetErrors.NotGzip(path, "it does not start with the gzip magic bytes 1f 8b"));
        try
        {
            using var input = new GZipStream(new MemoryStream(bytes, writable: false), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = input.Read(chunk)) > 0)
            {
                if (output.Length + read > MaxBytes) return FinFail<byte[]>(ArrayFileErrors.TooLarge($"{path} (expanded)", output.Length + read, MaxBytes));
                output.Write(chunk, 0, read);
            }

            // A cut gzip stream expands to a prefix without complaint; its trailer (CRC-32 and length of the data)
            // tells a whole file from a cut one.
            var expanded = output.ToArray();
            var trailer = bytes.AsSpan(Math.Max(0, bytes.Length - 8));
            var whole = trailer.Length == 8
                && BinaryPrimitives.ReadUInt32LittleEndian(trailer) == Crc32.Of(expanded)
                && BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]) == (uint)expanded.Length;
            return whole ? FinSucc(expanded) : FinFail<byte[]>(DataSetErrors.NotGzip(path, "truncated or corrupt: the data do not match the checksum and length at its end (one gzip member is read)"));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            return FinFail<byte[]>(DataSetErrors.NotGzip(path, EchoedText.OneLine(e.Message)));
        }
    }

    private static Fin<NpyArray> Choose(string path, Seq<(string Name, NpyArray Array)> arrays, string? name)
    {
        var names = arrays.Map(a => a.Name).ToList();
        if (name is null) return arrays.Count == 1 ? FinSucc(arrays.Head.Array) : FinFail<NpyArray>(DataSetErrors.WhichArray(path, null, names));
        return arrays.Find(a => a.Name == name).Match(
            Some: a => FinSucc(a.Array),
            None: () => FinFail<NpyArray>(DataSetErrors.WhichArray(path, name, names)));
    }

    private static Fin<Mat> Table(string path, NpyArray array, DataRequest request)
    {
        if (array.Shape.Count < 2) return FinFail<Mat>(DataSetErrors.WrongShape(path, array.Shape.Count == 0 ? "()" : array.ShapeText));
        var rows = array.Shape[0];
        var columns = rows == 0 ? 0 : array.Count / rows;
        if (array.Count == 0) return FinFail<Mat>(DataSetErrors.NoExamples(path, array.ShapeText));
        if (request.Width is { } width && width != columns) return FinFail<Mat>(DataSetErrors.WrongWidth(path, columns, width));
        return DataChecks.Values(path, Mat.From(rows, columns, array.Values), request.Values);
    }

    private static Fin<Mat> Text(string path, byte[] bytes, DataRequest request) =>
        Utf8Text.Decode(bytes, path)
            .Bind(text => DataChecks.Width(path, text, request.Width))
            .Bind(shape => DataFile.Parse(path, shape.Text, shape.Width))
            .Bind(m => DataChecks.Values(path, m, request.Values));
}
