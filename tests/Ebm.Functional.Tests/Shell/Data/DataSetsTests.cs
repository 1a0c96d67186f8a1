using System.IO.Compression;
using System.Text;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Shell.Data;
using Ebm.Functional.Shell.Io;

namespace Ebm.Functional.Tests.Shell.Data;

/// <summary>Data sets from every format: the values stored, the model's width and state values checked, and each malformed file a named error.</summary>
public sealed class DataSetsTests
{
    private static readonly double[] Binary = [0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 0];

    private static Mat Parse(string path, byte[] bytes, DataRequest request) =>
        DataSets.Parse(path, bytes, request).Match(m => m, e => throw new InvalidOperationException(e.Message));

    private static Mat Load(string fixture, DataRequest request) =>
        DataSets.Load(DataFixtures.Data(fixture), request).Match(m => m, e => throw new InvalidOperationException(e.Message));

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(bytes);
        return buffer.ToArray();
    }

    [Fact]
    public void Csv_reads_the_binary_format_of_data_and_real_values_of_the_first_lines_width()
    {
        Assert.Equal([1.0, 0, 1, 0, 1, 1], Parse("d.csv", "# two rows\n1,0,1\n0 1 1\n"u8.ToArray(), DataRequest.Binary(3)).Span.ToArray());
        var real = Parse("d.csv", "0.5, -1e-3\n2.25, 3\n"u8.ToArray(), DataRequest.Any);
        Assert.Equal((2, 2), (real.Rows, real.Columns));
        Assert.Equal([0.5, -1e-3, 2.25, 3], real.Span.ToArray());
    }

    [Fact]
    public void Ragged_csv_lines_are_named_against_the_first_line()
    {
        var errors = Failures.Of(DataSets.Parse("d.csv", "1 2 3\n4 5\n6 7 8\n9\n"u8.ToArray(), DataRequest.Any));
        Assert.Equal(["d.csv: line 2 has 2 values, but line 1 has 3; every example needs the same number", "d.csv: line 4 has 1 values, but line 1 has 3; every example needs the same number"],
            errors.Select(e => e.Message));
        Assert.All(errors, e => Assert.Equal(DataSetErrors.RaggedCode, e.Code));
    }

    [Fact]
    public void Csv_of_the_wrong_width_non_numeric_values_and_values_outside_the_states_are_named()
    {
        Assert.Equal(DataFileErrors.WrongWidthCode, Assert.Single(Failures.Of(DataSets.Parse("d.csv", "1 0\n"u8.ToArray(), DataRequest.Binary(3)))).Code);
        Assert.Equal("d.csv: line 1, value 2: \"x\" is not a finite number", Assert.Single(Failures.Of(DataSets.Parse("d.csv", "1 x\n"u8.ToArray(), DataRequest.Any))).Message);
        Assert.Equal("d.csv: data row 2, value 1 is 0.5; binary data hold only 0 and 1", Assert.Single(Failures.Of(DataSets.Parse("d.csv", "1 0\n0.5 1\n"u8.ToArray(), DataRequest.Binary(2)))).Message);
        Assert.Equal("d.csv: data row 1, value 2 is 0; spin data hold only -1 and +1", Assert.Single(Failures.Of(DataSets.Parse("d.csv", "-1 0\n"u8.ToArray(), DataRequest.Spin(2)))).Message);
        Assert.Equal(DataFileErrors.EmptyCode, Assert.Single(Failures.Of(DataSets.Parse("d.csv", "# nothing\n"u8.ToArray(), DataRequest.Any))).Code);
    }

    [Theory]
    [InlineData("binary-float32.npy")]
    [InlineData("binary-bool.npy")]
    [InlineData("binary-float64-big-endian.npy")]
    public void Npy_files_of_each_type_load_as_binary_data(string fixture)
    {
        var data = Load(fixture, DataRequest.Binary(3));
        Assert.Equal((4, 3), (data.Rows, data.Columns));
        Assert.Equal(Binary, data.Span.ToArray());
    }

    [Fact]
    public void A_stack_of_images_is_flattened_per_example_in_c_order()
    {
        var data = Load("images-uint8.npy", new DataRequest(Width: 6));
        Assert.Equal((2, 6), (data.Rows, data.Columns));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => 10.0 * i), data.Span.ToArray());
    }

    [Fact]
    public void An_archive_of_one_array_loads_it_and_one_of_several_needs_its_name()
    {
        Assert.Equal(Binary, Load("one-array-compressed.npz", DataRequest.Binary(3)).Span.ToArray());
        Assert.Equal(Binary[..6], Load("two-arrays.npz", new DataRequest(3, DataValues.Binary, "test")).Span.ToArray());
        var path = DataFixtures.Data("two-arrays.npz");
        Assert.Equal($"{path}: the archive holds the arrays \"train\", \"test\"; name the one that holds the data",
            Assert.Single(Failures.Of(DataSets.Load(path, DataRequest.Any))).Message);
        Assert.Equal($"{path}: no array \"validation\"; the archive holds \"train\", \"test\"",
            Assert.Single(Failures.Of(DataSets.Load(path, new DataRequest(ArrayName: "validation")))).Message);
    }

    [Fact]
    public void Arrays_of_the_wrong_width_or_shape_or_with_non_finite_values_are_named()
    {
        var path = DataFixtures.Data("binary-float32.npy");
        Assert.Equal($"{path}: each example has 3 values; the model needs 4", Assert.Single(Failures.Of(DataSets.Load(path, DataRequest.Binary(4)))).Message);
        var vector = NpyFormat.Write(NpyArray.Of([3], [1, 0, 1]));
        Assert.Equal(DataSetErrors.WrongShapeCode, Assert.Single(Failures.Of(DataSets.Parse("v.npy", vector, DataRequest.Any))).Code);
        var empty = NpyFormat.Write(NpyArray.Of([0, 4], []));
        Assert.Equal(DataSetErrors.NoExamplesCode, Assert.Single(Failures.Of(DataSets.Parse("e.npy", empty, DataRequest.Any))).Code);
        var nan = NpyFormat.Write(NpyArray.Of([1, 2], [0, double.NaN]));
        Assert.Equal("n.npy: data row 1, value 2 is NaN; data must be finite numbers", Assert.Single(Failures.Of(DataSets.Parse("n.npy", nan, DataRequest.Any))).Message);
    }

    [Fact]
    public void Gzipped_idx_images_named_as_mnist_names_them_load_flattened()
    {
        var idx = IdxFormatTests.File(0x08, [2, 2, 2], [0, 255, 255, 0, 255, 255, 0, 0]);
        var data = Parse("train-images-idx3-ubyte.gz", Gzip(idx), new DataRequest(Width: 4));
        Assert.Equal([0.0, 255, 255, 0, 255, 255, 0, 0], data.Span.ToArray());
        Assert.Equal(data, Parse("train-images.idx3-ubyte", idx, DataRequest.Any));
    }

    [Fact]
    public void Gzipped_csv_and_a_file_without_extension_are_recognised_by_their_bytes()
    {
        Assert.Equal([1.0, 0], Parse("d.csv.gz", Gzip("1 0\n"u8.ToArray()), DataRequest.Binary(2)).Span.ToArray());
        Assert.Equal(Binary, Parse("data", File.ReadAllBytes(DataFixtures.Data("binary-bool.npy")), DataRequest.Binary(3)).Span.ToArray());
        Assert.Equal(Binary, Parse("data", File.ReadAllBytes(DataFixtures.Data("one-array-compressed.npz")), DataRequest.Binary(3)).Span.ToArray());
    }

    [Fact]
    public void A_gz_name_on_bytes_that_are_not_gzip_or_corrupt_gzip_is_named()
    {
        Assert.Equal("d.csv.gz: not readable gzip data: it does not start with the gzip magic bytes 1f 8b",
            Assert.Single(Failures.Of(DataSets.Parse("d.csv.gz", "1 0\n"u8.ToArray(), DataRequest.Any))).Message);
        var gzip = Gzip(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("1 0 1\n", 100))));
        Assert.Equal(DataSetErrors.NotGzipCode, Assert.Single(Failures.Of(DataSets.Parse("d.csv.gz", gzip[..(gzip.Length / 2)], DataRequest.Any))).Code);
    }

    [Fact]
    public void An_npy_name_on_text_is_a_bad_magic_error()
    {
        Assert.Equal(ArrayFileErrors.BadMagicCode, Assert.Single(Failures.Of(DataSets.Parse("d.npy", "1 0\n"u8.ToArray(), DataRequest.Any))).Code);
        Assert.Equal(ArrayFileErrors.BadMagicCode, Assert.Single(Failures.Of(DataSets.Parse("d.npz", "1 0\n"u8.ToArray(), DataRequest.Any))).Code);
    }

    [Fact]
    public void A_model_asks_for_its_visible_width_and_its_state_values()
    {
        var rbm = BernoulliRbm.Create(Mat.Zeros(4, 2), Vec.Zeros(4), Vec.Zeros(2)).Match(m => m, _ => throw new InvalidOperationException());
        var gaussian = GaussianBernoulliRbm.Create(Mat.Zeros(4, 2), Vec.Zeros(4), Vec.Zeros(2), Vec.Filled(4, 1.0)).Match(m => m, _ => throw new InvalidOperationException());
        var machine = BoltzmannMachine.Create(Mat.Zeros(3, 3), Vec.Zeros(3), StateConvention.Spin).Match(m => m, _ => throw new InvalidOperationException());
        var lattice = IsingModel.Create(2, 3, 1.0, 0.0, Boundary.Open).Match(m => m, _ => throw new InvalidOperationException());
        Assert.Equal(new DataRequest(4, DataValues.Binary), DataRequest.For(rbm));
        Assert.Equal(new DataRequest(4, DataValues.Real), DataRequest.For(gaussian));
        Assert.Equal(new DataRequest(3, DataValues.Spin), DataRequest.For(machine));
        Assert.Equal(new DataRequest(6, DataValues.Spin), DataRequest.For(lattice));
    }
}
