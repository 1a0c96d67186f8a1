using Ebm.Functional.Shell.Io;

namespace Ebm.Functional.Tests.Shell.Io;

/// <summary>An output never overwrites an input or another output, however the path is spelled.</summary>
public sealed class RunFilesTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public RunFilesTests() => File.WriteAllText(In("model.json"), "{\"kind\":\"ring\"}");

    public void Dispose() => _directory.Dispose();

    private string In(string name) => _directory.Path(name);

    private static List<int> Codes(LanguageExt.Fin<RunOutputs> result) => Failures.Of(result).Select(e => e.Code).ToList();

    public static TheoryData<string> SpellingsOfTheModel => new() { "same path", "relative with ./", "symbolic link", "hard link" };

    private string Spell(string spelling) => spelling switch
    {
        "same path" => In("model.json"),
        "relative with ./" => Path.GetRelativePath(Environment.CurrentDirectory, _directory.FullName) + "/./model.json",
        "symbolic link" => File.CreateSymbolicLink(In("alias.json"), "model.json").FullName,
        "hard link" => HardLink(In("model.json"), In("hard.json")),
        _ => throw new ArgumentOutOfRangeException(nameof(spelling)),
    };

    private static string HardLink(string existing, string link)
    {
        using var process = System.Diagnostics.Process.Start("ln", [existing, link]);
        process.WaitForExit();
        return link;
    }

    [Theory]
    [MemberData(nameof(SpellingsOfTheModel))]
    public void An_output_that_is_an_input_is_refused_and_the_input_kept(string spelling)
    {
        var output = Spell(spelling);
        var result = new RunFiles().Input("MODEL.json", In("model.json")).Output("--out", output).Check();
        Assert.Equal([FileErrors.SameAsInputCode], Codes(result));
        Assert.Equal($"--out: {output} is the same file as the input MODEL.json ({In("model.json")}); an output never overwrites an input",
            result.Match(_ => "", e => e.Message));
        Assert.Equal("{\"kind\":\"ring\"}", File.ReadAllText(In("model.json")));
    }

    [Fact]
    public void Two_outputs_naming_one_new_file_are_refused()
    {
        File.CreateSymbolicLink(In("alias.png"), "plot.png");
        var result = new RunFiles().Output("--out", In("plot.png")).Output("--trace-plot", In("alias.png"), OutputFormat.Png).Check();
        Assert.Equal([FileErrors.SameOutputCode], Codes(result));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var result = new RunFiles()
            .Input("MODEL.json", In("model.json"))
            .Output("--out", In("model.json"))
            .Output("--plot", "")
            .Output("--trace-plot", In("trace.txt"), OutputFormat.Png)
            .Check();
        Assert.Equal([FileErrors.EmptyPathCode, FileErrors.SameAsInputCode, FileErrors.WrongExtensionCode], Codes(result).Order());
    }

    [Fact]
    public void A_missing_input_is_left_to_its_reader_and_outputs_not_given_are_skipped()
    {
        var result = new RunFiles().Input("--data", In("absent.txt")).Input("--versus", null).Output("--out", In("out.csv")).Output("--plot", null).Check();
        var outputs = Assert.IsType<RunOutputs>(result.Case);
        Assert.Equal([In("out.csv")], outputs.Files.Select(f => f.Target));
        Assert.Null(outputs.Find("--plot"));
    }

    [Fact]
    public void Devices_may_take_several_outputs_and_an_input_may_be_read_from_one()
    {
        var device = SpecialFiles.NullDevice(In("null"));
        var result = new RunFiles().Input("MODEL.json", device).Output("--out", device).Output("--trace-plot", device, OutputFormat.Png).Check();
        Assert.True(result.IsSucc, result.Match(_ => "", e => e.Message));
    }
}
