using System.IO.Compression;
using Ebm.Functional.Prng;
using Ebm.Functional.Shell.Data;
using Ebm.Functional.Shell.Io;
using LanguageExt.Common;

namespace Ebm.Functional.Tests.Shell.Data;

/// <summary>
/// Broken binary files never throw: every truncation, and seeded corruptions of every byte region, of each NumPy,
/// zip, IDX and gzip file give a matrix or expected errors of the data catalogues, each message one line.
/// </summary>
public sealed class DataSetsHostileInputTests
{
    private const int CorruptionsPerFile = 400;

    private static readonly HashSet<int> Codes =
    [
        .. DataSetErrors.Codes, .. DataFileErrors.Codes, .. ArrayFileErrors.Codes, TextErrors.NotUtf8Code,
    ];

    private static IEnumerable<(string Name, byte[] Bytes)> Files()
    {
        foreach (var file in DataFixtures.All()) yield return file;
        var idx = IdxFormatTests.File(0x0D, [2, 3], Enumerable.Range(0, 24).Select(i => (byte)(i * 7)).ToArray());
        yield return ("images.idx", idx);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(idx);
        yield return ("images-idx3-ubyte.gz", buffer.ToArray());
    }

    [Fact]
    public void Every_truncation_gives_a_matrix_or_expected_errors()
    {
        foreach (var (name, bytes) in Files())
        for (var length = 0; length < bytes.Length; length++)
            Check(name, bytes[..length], $"{name} cut to {length} bytes");
    }

    [Fact]
    public void Seeded_byte_corruptions_give_a_matrix_or_expected_errors()
    {
        var key = RngKey.FromSeed(20261203);
        foreach (var (name, bytes) in Files())
        for (var n = 0; n < CorruptionsPerFile; n++)
        {
            var draws = key.FoldIn(name.GetHashCode(StringComparison.Ordinal)).FoldIn(n);
            var copy = bytes.ToArray();
            var at = (int)(draws.UniformAt(0) * copy.Length);
            copy[at] = (byte)(draws.UniformAt(1) * 256);
            Check(name, copy, $"{name} with byte {at} set to {copy[at]}");
        }
    }

    private static void Check(string name, byte[] bytes, string what)
    {
        foreach (var request in new[] { DataRequest.Any, DataRequest.Binary(3) })
        {
            var outcome = DataSets.Parse(name, bytes, request);
            outcome.IfFail(error =>
            {
                foreach (var e in Flatten(error))
                {
                    Assert.True(e.IsExpected, $"{what}: unexpected error {e.Message}");
                    Assert.True(Codes.Contains(e.Code), $"{what}: code {e.Code} outside the catalogues: {e.Message}");
                    Assert.False(e.Message.Contains('\n'), $"{what}: {e.Message}");
                }
            });
        }
    }

    private static IEnumerable<Error> Flatten(Error error) => error is ManyErrors many ? many.Errors.SelectMany(Flatten) : [error];
}
