using System.Globalization;
using Ebm.Functional.Shell.Io;

namespace Ebm.Cli.Tests;

/// <summary>
/// <c>ebm train</c>'s data options: <c>--binarize</c> turns intensities into the 0/1 data a binary model trains on,
/// <c>--array</c> picks an array of a .npz file, <c>builtin:blobs</c> generates the blob images, and <c>--precision f32</c>
/// runs CD and PCD's products in float32. Each is checked against a run whose data were made by hand.
/// </summary>
public sealed class TrainDataOptionsTests : IDisposable
{
    private const int Rows = 24, Columns = 9;

    private readonly string _root = Directory.CreateTempSubdirectory("ebm-train-data-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string In(string name) => Path.Combine(_root, name);

    /// <summary>Deterministic "pixel intensities" 0..255 and, by hand, the same rows made 0/1 at a threshold.</summary>
    private static double[] Intensities()
    {
        var values = new double[Rows * Columns];
        for (var i = 0; i < values.Length; i++) values[i] = (i * 97 + i / 7 * 13) % 256;
        return values;
    }

    private static string Csv(double[] values, Func<double, double> f) =>
        string.Join("\n", Enumerable.Range(0, Rows).Select(r =>
            string.Join(",", values.Skip(r * Columns).Take(Columns).Select(v => f(v).ToString("R", CultureInfo.InvariantCulture))))) + "\n";

    private static CliOutcome Train(params string[] args) => CliRun.Invoke(["train", .. args]);

    private string[] Run(string data, string folder, params string[] more) =>
        ["--model", "bernoulli-rbm", "--hidden", "3", "--data", data, "--objective", "cd", "--epochs", "3", "--out", In(folder), .. more];

    private byte[] Model(string folder) => File.ReadAllBytes(Path.Combine(In(folder), "model.json"));

    private static void Succeeded(CliOutcome run) => Assert.True(run.Code == 0, run.Err);

    [Theory]
    [InlineData("threshold:100", 100.0)]
    [InlineData("threshold", 126.5)]
    public void Threshold_binarisation_trains_the_same_model_as_data_made_binary_by_hand(string rule, double threshold)
    {
        var values = Intensities();
        Assert.Equal(253.0, values.Max());
        File.WriteAllText(In("bytes.csv"), Csv(values, v => v));
        File.WriteAllText(In("binary.csv"), Csv(values, v => v > threshold ? 1 : 0));

        Succeeded(Train(Run(In("bytes.csv"), "binarised", "--binarize", rule)));
        Succeeded(Train(Run(In("binary.csv"), "by-hand")));

        Assert.Equal(Model("by-hand"), Model("binarised"));
    }

    [Fact]
    public void Stochastic_binarisation_scales_bytes_to_probabilities_and_is_seeded()
    {
        var values = Intensities().Select(v => v > 127 ? 255.0 : 0.0).ToArray();
        File.WriteAllText(In("extremes.csv"), Csv(values, v => v));
        File.WriteAllText(In("binary.csv"), Csv(values, v => v / 255));
        File.WriteAllText(In("bytes.csv"), Csv(Intensities(), v => v));

        // Probabilities 0 and 1 (255 scaled by 1/255) are drawn as themselves: the run equals the 0/1 data's.
        Succeeded(Train(Run(In("extremes.csv"), "extremes", "--binarize", "stochastic")));
        Succeeded(Train(Run(In("binary.csv"), "by-hand")));
        Assert.Equal(Model("by-hand"), Model("extremes"));

        Succeeded(Train(Run(In("bytes.csv"), "a", "--binarize", "stochastic", "--seed", "5")));
        Succeeded(Train(Run(In("bytes.csv"), "b", "--binarize", "stochastic", "--seed", "5")));
        Succeeded(Train(Run(In("bytes.csv"), "c", "--binarize", "stochastic", "--seed", "6")));
        Assert.Equal(Model("a"), Model("b"));
        Assert.NotEqual(Model("a"), Model("c"));
    }

    [Fact]
    public void Array_picks_the_named_array_of_a_npz_file()
    {
        var values = Intensities().Select(v => v > 127 ? 1.0 : 0.0).ToArray();
        var labels = Enumerable.Range(0, Rows).Select(i => (double)(i % 3)).ToArray();
        File.WriteAllBytes(In("two.npz"), NpzArchive.Write([("labels", NpyArray.Of([Rows], labels)), ("images", NpyArray.Of([Rows, Columns], values))]));
        File.WriteAllText(In("binary.csv"), Csv(values, v => v));

        Succeeded(Train(Run(In("two.npz"), "npz", "--array", "images")));
        Succeeded(Train(Run(In("binary.csv"), "csv")));
        Assert.Equal(Model("csv"), Model("npz"));

        var unnamed = Train(Run(In("two.npz"), "unnamed"));
        Assert.Equal(2, unnamed.Code);
        Assert.Contains("images", unnamed.Err);
    }

    [Fact]
    public void Blob_images_train_with_float32_products_and_draw_their_filters()
    {
        var run = Train("--model", "bernoulli-rbm", "--hidden", "4", "--data", "builtin:blobs:40", "--objective", "pcd", "--chains", "8",
            "--precision", "f32", "--epochs", "1", "--batch", "20", "--out", In("blobs"));
        Succeeded(run);
        Assert.Contains("blob images 28 x 28, the first 40", run.Out);
        Assert.True(File.Exists(Path.Combine(In("blobs"), "filters.png")));
        Assert.Contains("\"precision\": \"f32\"", File.ReadAllText(Path.Combine(In("blobs"), "manifest.json")));
    }

    [Theory]
    [InlineData("--binarize", "x", "--binarize: expected threshold, threshold:T (T a finite number) or stochastic, got \"x\"")]
    [InlineData("--binarize", "threshold:nan", "--binarize: expected threshold")]
    [InlineData("--precision", "f16", "--precision: must be f64 or f32, got \"f16\"")]
    [InlineData("--array", "", "--array: the array's name is empty")]
    public void A_bad_data_option_is_refused_naming_it(string option, string value, string message)
    {
        File.WriteAllText(In("binary.csv"), Csv(Intensities(), v => v > 127 ? 1 : 0));
        var run = Train(Run(In("binary.csv"), "bad", option, value));
        Assert.Equal(2, run.Code);
        Assert.Contains("ebm: error: " + message, run.Err);
        Assert.False(Directory.Exists(In("bad")));
    }

    [Fact]
    public void Options_that_do_not_fit_the_run_are_refused()
    {
        var builtin = Train("--model", "bernoulli-rbm", "--hidden", "3", "--data", "builtin:bars-and-stripes:3", "--objective", "cd", "--binarize", "threshold", "--out", In("a"));
        Assert.Contains("ebm: error: --binarize: applies to data files", builtin.Err);
        var exact = Train("--model", "bernoulli-rbm", "--hidden", "3", "--data", "builtin:bars-and-stripes:3", "--objective", "exact", "--precision", "f32", "--out", In("b"));
        Assert.Contains("ebm: error: --precision: f32 applies to cd and pcd of bernoulli-rbm", exact.Err);
        var blobs = Train("--model", "bernoulli-rbm", "--hidden", "3", "--data", "builtin:blobs:0", "--objective", "cd", "--out", In("c"));
        Assert.Contains("ebm: error: --data: \"builtin:blobs:0\": expected builtin:blobs[:COUNT], COUNT from 1 to 10000", blobs.Err);
        Assert.All(new[] { builtin, exact, blobs }, r => Assert.Equal(2, r.Code));
    }
}
