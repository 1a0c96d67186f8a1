using System.CommandLine;
using System.Text.RegularExpressions;
using Ebm.Cli.Output;

namespace Ebm.Cli.Tests;

/// <summary>
/// One contract for every output option of every command, found by walking the command tree: a location that
/// cannot be written, an empty path, or an output that is the model file is refused with exit code 2 before the
/// work starts, and the model file is left byte for byte as it was.
/// </summary>
/// <remarks>
/// "Before the work" is shown without a clock: the runs write progress lines from the first report on
/// (<see cref="CliRun.InvokeShowingProgress"/>), so any work leaves a progress line on stderr (checked for each run
/// without the bad output); a check made before the work leaves only "ebm: error:" lines and nothing on stdout.
/// </remarks>
public sealed partial class OutputOptionContractTests : IDisposable
{
    /// <summary>A short run of each command; MODEL is replaced by the model's path.</summary>
    private static readonly Dictionary<string, (string Example, string[] Args)> Runs = new()
    {
        ["logz"] = ("ising-4x4.json", ["logz", "MODEL", "--method", "ais", "--particles", "20", "--steps", "20"]),
        ["thermo"] = ("ising-4x4.json", ["thermo", "MODEL", "--beta", "0:1:0.25", "--exact-method", "enumeration"]),
        ["sample"] = ("ring.json", ["sample", "MODEL", "--sampler", "metropolis", "--steps", "100"]),
        ["dos"] = ("ising-4x4.json", ["dos", "MODEL", "--final-log-f", "1e-3"]),
        ["anneal"] = ("ising-4x4.json", ["anneal", "MODEL", "--sweeps", "50", "--restarts", "2"]),
    };

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static IEnumerable<(Command Command, OutputOption Option)> OutputOptions() =>
        Cli.Root(new CliContext(TextWriter.Null, TextWriter.Null, false, false, false)).Subcommands
            .SelectMany(c => c.Options.OfType<OutputOption>().Select(o => (c, o)));

    public static TheoryData<string, string> EveryOutputOption()
    {
        var data = new TheoryData<string, string>();
        foreach (var (command, option) in OutputOptions()) data.Add(command.Name, option.Name);
        return data;
    }

    [Fact]
    public void Every_command_with_an_output_has_a_run_here_whose_work_shows_a_progress_line()
    {
        var commands = OutputOptions().Select(p => p.Command.Name).Distinct().ToList();
        Assert.Equal(["anneal", "dos", "logz", "sample", "thermo"], commands.Order());
        Assert.All(commands, c => Assert.True(Runs.ContainsKey(c), $"add a run of ebm {c} to this table"));
        foreach (var (example, args) in Runs.Values)
        {
            var run = CliRun.InvokeShowingProgress([.. args.Select(a => a == "MODEL" ? CliRun.Example(example) : a)]);
            Assert.True(run.Code == 0, run.Err);
            Assert.Matches(ProgressLine(), run.Err);
        }
    }

    /// <summary>A file name the option accepts: a PNG option needs *.png.</summary>
    private static string Name(string command, string option) =>
        OutputOptions().Single(p => p.Command.Name == command && p.Option.Name == option).Option.Format == Functional.Shell.Io.OutputFormat.Png
            ? "out.png"
            : "out.csv";

    private (CliOutcome Run, string Model, byte[] ModelBytes) RunWith(string command, string option, Func<string, string> path)
    {
        var (example, args) = Runs[command];
        // A model named like the option's files, so the refusal comes from the clash and not from the name.
        var model = _temp.Write("model" + Path.GetExtension(Name(command, option)), File.ReadAllText(CliRun.Example(example)));
        var before = File.ReadAllBytes(model);
        var run = CliRun.InvokeShowingProgress([.. args.Select(a => a == "MODEL" ? model : a), option, path(model)]);
        return (run, model, before);
    }

    private static void RefusedBeforeTheWork(CliOutcome run, string expected)
    {
        Assert.Equal(2, run.Code);
        Assert.Equal("", run.Out);
        Assert.DoesNotMatch(ProgressLine(), run.Err);
        Assert.All(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("ebm: error: ", line));
        Assert.Contains(expected, run.Err);
    }

    [Theory]
    [MemberData(nameof(EveryOutputOption))]
    public void The_model_file_as_output_is_refused_and_kept(string command, string option)
    {
        var (run, model, before) = RunWith(command, option, model => model);
        RefusedBeforeTheWork(run, $"ebm: error: {option}: {model} is the same file as the input MODEL.json ({model}); an output never overwrites an input");
        Assert.Equal(before, File.ReadAllBytes(model));
    }

    [Theory]
    [MemberData(nameof(EveryOutputOption))]
    public void An_empty_path_is_refused_before_the_work(string command, string option) =>
        RefusedBeforeTheWork(RunWith(command, option, _ => "").Run, $"ebm: error: {option}: the path is empty");

    [Theory]
    [MemberData(nameof(EveryOutputOption))]
    public void A_missing_folder_is_refused_before_the_work(string command, string option)
    {
        var path = _temp.Path(Path.Combine("absent", Name(command, option)));
        RefusedBeforeTheWork(RunWith(command, option, _ => path).Run, $"ebm: error: {path}: cannot be written: the directory");
    }

    [Theory]
    [MemberData(nameof(EveryOutputOption))]
    public void A_folder_that_is_a_regular_file_is_refused_before_the_work(string command, string option)
    {
        var path = Path.Combine(_temp.Write("plain", "x"), Name(command, option));
        RefusedBeforeTheWork(RunWith(command, option, _ => path).Run, $"ebm: error: {path}: cannot be written: {_temp.Path("plain")} is not a directory");
    }

    [Theory]
    [MemberData(nameof(EveryOutputOption))]
    public void A_folder_where_no_file_can_be_made_is_refused_before_the_work(string command, string option)
    {
        // The tests run as root, for whom a read-only mode bit means nothing; no one can create a file in /proc.
        var path = "/proc/" + Name(command, option);
        RefusedBeforeTheWork(RunWith(command, option, _ => path).Run, $"ebm: error: {path}: cannot be written: no file can be created in /proc");
    }

    [GeneratedRegex(@"\d+% after")]
    private static partial Regex ProgressLine();
}
