using Ebm.Functional.Annealing;
using Ebm.Functional.Data;
using Ebm.Functional.Shell.Io;
using Ebm.Functional.Shell.ModelFiles;

namespace Ebm.Functional.Benchmarks;

/// <summary>
/// The files of W2 for <c>ebm logz</c> (locally and with <c>--cluster</c>): the peers' 784 × 500 "random" RBM as a model
/// file and the 10,000 blob images as a .npy data set, the same bits as the in-process AIS benchmark builds.
/// </summary>
internal static class ClusterBenchmarks
{
    /// <summary>Writes <c>w2-random-784x500.json</c> and <c>w2-blobs.npy</c> into <paramref name="directory"/>.</summary>
    public static void WriteW2(TextWriter output, string directory)
    {
        Directory.CreateDirectory(directory);
        var model = Path.Combine(directory, "w2-random-784x500.json");
        var data = Path.Combine(directory, "w2-blobs.npy");
        ModelFile.Save(model, ReferenceRbms.Random()).Match(_ => { }, e => throw new InvalidOperationException(e.Message));
        var images = BlobImages.Generate();
        File.WriteAllBytes(data, NpyFormat.Write(NpyArray.Of([images.Rows, images.Columns], images.Span)));
        output.WriteLine($"model={model} data={data}");
    }
}
