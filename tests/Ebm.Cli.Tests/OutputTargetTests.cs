namespace Ebm.Cli.Tests;

/// <summary>
/// Devices, FIFOs and symbolic links given as outputs stay what they were and receive the content; every other
/// input of a command (data, schedule, reference model) is as safe from being overwritten as the model file.
/// </summary>
/// <remarks>The null device is a private node (character device 1:3) in the test's directory, so a writer that
/// replaced it could never harm the machine's /dev/null.</remarks>
public sealed class OutputTargetTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string[] SampleRing(params string[] more) =>
        ["sample", CliRun.Example("ring.json"), "--sampler", "hmc", "--steps", "20", "--seed", "5", .. more];

    private static string[] ThermoIsing(params string[] more) => ["thermo", CliRun.Example("ising-4x4.json"), "--beta", "0.1:1:0.1", .. more];

    private static void Succeeded(CliOutcome run) => Assert.True(run.Code == 0, run.Err);

    [Theory]
    [InlineData("sample", "--out")]
    [InlineData("sample", "--trace-plot")]
    [InlineData("thermo", "--csv")]
    [InlineData("thermo", "--plot")]
    public void A_null_device_stays_a_device(string command, string option)
    {
        var device = SpecialFiles.NullDevice(_temp.Path("null"));
        Succeeded(CliRun.Invoke(command == "sample" ? SampleRing(option, device) : ThermoIsing(option, device)));
        Assert.Equal("character special file", SpecialFiles.KindOf(device));
    }

    [Fact]
    public void A_full_device_is_an_error_and_stays_a_device()
    {
        var device = SpecialFiles.FullDevice(_temp.Path("full"));
        var run = CliRun.Invoke(ThermoIsing("--csv", device));
        Assert.Equal(2, run.Code);
        // The failure comes after the sweep, so a progress line may come first on a slow machine.
        Assert.Contains($"ebm: error: {device}: cannot be written:", run.Err);
        Assert.Equal("character special file", SpecialFiles.KindOf(device));
    }

    [Fact]
    public async Task A_fifo_given_to_out_receives_the_samples_and_stays_a_fifo()
    {
        var expected = _temp.Path("expected.csv");
        Succeeded(CliRun.Invoke(SampleRing("--out", expected)));
        var fifo = SpecialFiles.Fifo(_temp.Path("pipe"));
        var reader = SpecialFiles.ReadFifo(fifo);
        Succeeded(CliRun.Invoke(SampleRing("--out", fifo)));
        Assert.Equal(File.ReadAllBytes(expected), await reader.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal("fifo", SpecialFiles.KindOf(fifo));
    }

    [Fact]
    public async Task A_fifo_given_to_csv_receives_the_rows_and_stays_a_fifo()
    {
        var fifo = SpecialFiles.Fifo(_temp.Path("pipe"));
        var reader = SpecialFiles.ReadFifo(fifo);
        Succeeded(CliRun.Invoke(ThermoIsing("--csv", fifo)));
        var rows = System.Text.Encoding.UTF8.GetString(await reader.WaitAsync(TimeSpan.FromSeconds(60))).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(11, rows.Length);
        Assert.Equal("fifo", SpecialFiles.KindOf(fifo));
    }

    [Theory]
    [InlineData("sample", "--out")]
    [InlineData("thermo", "--csv")]
    public void A_symbolic_link_stays_a_link_and_its_target_gets_the_content(string command, string option)
    {
        var target = _temp.Write("real.csv", "old");
        var link = File.CreateSymbolicLink(_temp.Path("link.csv"), "real.csv").FullName;
        Succeeded(CliRun.Invoke(command == "sample" ? SampleRing(option, link) : ThermoIsing(option, link)));
        Assert.Equal("symbolic link", SpecialFiles.KindOf(link));
        Assert.StartsWith(command == "sample" ? "chain,step,energy" : "beta,", File.ReadAllText(target));
        Assert.Equal(["link.csv", "real.csv"], _temp.Names());
    }

    [Fact]
    public void A_link_to_the_model_file_is_refused_and_the_model_kept()
    {
        var model = _temp.Write("model.json", File.ReadAllText(CliRun.Example("ring.json")));
        var before = File.ReadAllBytes(model);
        var link = File.CreateSymbolicLink(_temp.Path("samples.csv"), "model.json").FullName;
        var run = CliRun.Invoke("sample", model, "--sampler", "hmc", "--out", link);
        Assert.Equal(2, run.Code);
        Assert.Contains("is the same file as the input MODEL.json", run.Err);
        Assert.Equal(before, File.ReadAllBytes(model));
    }

    [Theory]
    [InlineData("--data", "data.png", "1 0 1\n1 1 0\n0 0 1\n")]
    [InlineData("--schedule", "schedule.png", "0 0.25 0.5 0.75 1\n")]
    [InlineData("--versus", "reference.png", "{\"kind\":\"bernoulli-rbm\",\"weights\":[[0,0],[0,0],[0,0]],\"visibleBias\":[0,0,0],\"hiddenBias\":[0,0]}")]
    public void Every_input_of_logz_is_refused_as_the_plot_and_kept(string option, string name, string content)
    {
        // The inputs are named *.png so that only the clash, not the file name, can refuse them.
        var input = _temp.Write(name, content);
        var run = CliRun.Invoke("logz", CliRun.Example("bernoulli-rbm-3x2.json"), "--method", "ais", "--steps", "20", option, input, "--plot", input);
        Assert.Equal(2, run.Code);
        Assert.Equal($"ebm: error: --plot: {input} is the same file as the input {option} ({input}); an output never overwrites an input", run.Err.Trim());
        Assert.Equal(content, File.ReadAllText(input));
    }

    [Fact]
    public void Two_outputs_naming_one_file_are_refused()
    {
        var png = _temp.Path("both.png");
        var run = CliRun.Invoke(SampleRing("--out", png, "--trace-plot", png));
        Assert.Equal(2, run.Code);
        Assert.Equal($"ebm: error: --trace-plot: {png} is the same file as --out ({png}); give each output its own file", run.Err.Trim());
        Assert.False(File.Exists(png));
    }
}
