using System.IO.Compression;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Data;
using Ebm.Functional.Shell.Io;
using Ebm.Functional.Shell.ModelFiles;
using Ebm.Fuzz;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Fuzz;

/// <summary>
/// The binary readers are total on bytes: NumPy .npy and .npz, IDX and gzip data files, and .npz model archives give a
/// value or expected errors of their catalogues, each message one line, whatever the mutation of a valid file
/// (bit flips, insertions, deletions, truncations, splices). A model read from any archive saves and reads back equal.
/// </summary>
public sealed class ArrayFileFuzzProperties
{
    private static readonly IReadOnlySet<int> DataCodes =
        DataSetErrors.Codes.Concat(DataFileErrors.Codes).Concat(ArrayFileErrors.Codes).Append(TextErrors.NotUtf8Code).ToHashSet();

    private static readonly IReadOnlySet<int> ModelCodes =
        ReaderCatalogues.Model.Concat(ArrayFileErrors.Codes).ToHashSet();

    private static readonly byte[] Idx = [0, 0, 0x08, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2, 0, 255, 255, 0, 1, 1, 0, 0];

    /// <summary>Valid data files, each with the name that picks its format.</summary>
    private static readonly IReadOnlyList<(string Name, byte[] Bytes)> DataFiles =
    [
        ("d.npy", NpyFormat.Write(NpyArray.Of([3, 2], [0, 1, 1, 0, 1, 1]))),
        ("d.npz", NpzArchive.Write([("x", NpyArray.Of([2, 2], [1, 0, 0, 1]))])),
        ("d.idx", Idx),
        ("d-idx3-ubyte.gz", Gzip(Idx)),
        ("d.csv.gz", Gzip("1 0 1\n0 1 1\n"u8.ToArray())),
    ];

    private static readonly IReadOnlyList<byte[]> ModelArchives =
    [
        ModelNpz.Serialize(BernoulliRbm.Create(Mat.FromRows([[0.5, -1.0], [0.25, 2.0]]), Vec.From([0.1, 0.2]), Vec.From([-0.3, 0.4])).Match(m => m, _ => throw new InvalidOperationException())).Match(b => b, e => throw new InvalidOperationException(e.Message)),
        ModelNpz.Serialize(BoltzmannMachine.Create(Mat.FromRows([[0.0, 0.5], [0.5, 0.0]]), Vec.From([0.1, -0.1]), StateConvention.Spin).Match(m => m, _ => throw new InvalidOperationException())).Match(b => b, e => throw new InvalidOperationException(e.Message)),
    ];

    [Property(MaxTest = 1500)]
    public Property Binary_data_files_give_a_matrix_or_expected_errors() =>
        Prop.ForAll(
            Arb.From(from index in Gen.Choose(0, DataFiles.Count - 1)
                     from input in ByteMutations.Mutations([DataFiles[index].Bytes])
                     select (DataFiles[index].Name, Input: input)),
            file =>
            {
                foreach (var data in ReaderOutcome.Check(DataSets.Parse(file.Name, file.Input.Bytes, DataRequest.Binary(4)), DataCodes, "binary data file"))
                    if (data.Columns != 4 || data.Span.ToArray().Any(x => x is not (0.0 or 1.0))) throw new FuzzFinding($"binary data file: read {data.Rows} x {data.Columns} not all 0/1");
            });

    [Property(MaxTest = 1000)]
    public Property Model_archives_give_a_model_that_reads_back_equal_or_expected_errors() =>
        Prop.ForAll(Arb.From(ByteMutations.Mutations(ModelArchives)), input =>
        {
            foreach (var model in ReaderOutcome.Check(ModelNpz.Parse(input.Bytes, "m.npz"), ModelCodes, "model archive"))
            {
                var saved = ModelNpz.Serialize(model).Match(b => b, e => throw new FuzzFinding($"model archive: a loaded {model.Kind} cannot be saved: {e.Message}"));
                if (!ReaderOutcome.Check(ModelNpz.Parse(saved, "again.npz"), ModelCodes, "saved model archive").Exists(m => m.Equals(model)))
                    throw new FuzzFinding($"model archive: a loaded {model.Kind} does not read back equal");
            }
        });

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
        return buffer.ToArray();
    }
}
