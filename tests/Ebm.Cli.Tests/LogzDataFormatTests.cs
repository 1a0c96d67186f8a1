using System.IO.Compression;
using Ebm.Functional.Shell.Io;

namespace Ebm.Cli.Tests;

/// <summary>
/// <c>ebm logz --data</c> reads the data formats <c>ebm train</c> reads (CSV, .npy, .npz, IDX, gzipped): the same
/// examples in another format give the same base rate and so, with the same seed, the same estimate to the bit.
/// </summary>
public sealed class LogzDataFormatTests : IDisposable
{
    private static readonly double[] Examples = [1, 0, 1, 1, 1, 0, 0, 0, 1, 1, 0, 0];

    private readonly string _root = Directory.CreateTempSubdirectory("ebm-logz-data-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static double Estimate(string data) =>
        CliRun.Invoke("logz", CliRun.Example("bernoulli-rbm-3x2.json"), "--method", "ais", "--data", data, "--particles", "50", "--steps", "50", "--seed", "3", "--json")
            .Json().GetProperty("logZ").GetDouble();

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal)) gzip.Write(bytes);
        return output.ToArray();
    }

    [Fact]
    public void The_same_examples_as_csv_npy_npz_and_gzipped_npy_give_the_same_estimate()
    {
        var csv = Write("data.csv", "1 0 1\n1 1 0\n0 0 1\n1 0 0\n"u8.ToArray());
        var npy = NpyFormat.Write(NpyArray.Of([4, 3], Examples));

        var fromCsv = Estimate(csv);

        Assert.Equal(fromCsv, Estimate(Write("data.npy", npy)));
        Assert.Equal(fromCsv, Estimate(Write("data.npz", NpzArchive.Write([("x", NpyArray.Of([4, 3], Examples))]))));
        Assert.Equal(fromCsv, Estimate(Write("data.npy.gz", Gzip(npy))));
    }

    [Fact]
    public void A_npy_file_of_the_wrong_width_is_refused_naming_it()
    {
        var path = Write("wide.npy", NpyFormat.Write(NpyArray.Of([3, 4], Examples)));

        var run = CliRun.Invoke("logz", CliRun.Example("bernoulli-rbm-3x2.json"), "--method", "ais", "--data", path);

        Assert.Equal(2, run.Code);
        Assert.False(run.HasStackTrace, run.Err);
        Assert.Contains("wide.npy", run.Err);
    }
}
