using System.Text;
using Ebm.Fuzz;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using EbmCommandLine = Ebm.Cli.Cli;

namespace Ebm.Functional.Properties.Fuzz;

/// <summary>
/// Any argument vector ends in exit code 0 or 2: bad options, values and files are reported as
/// "ebm: error: ..." lines, never as exit code 1 (an escaped exception) or a stack trace. The check is the
/// options fuzz target's (<see cref="OptionsHarness.CheckOutcome"/>).
/// </summary>
public sealed class ArgumentVectorProperties
{
    private static readonly string[] FileNames = ["bad.json", "bad-data.txt", "bad-schedule.txt", "out.csv", "plot.png", "rbm.json", "no-such-dir/out.csv", "missing.json", "missing.txt"];

    [Property(MaxTest = 200, Arbitrary = [typeof(ArgumentVectorArbitrary)])]
    public void Every_argument_vector_exits_with_0_or_2_and_no_stack_trace(ArgumentVector vector) =>
        RunInScratch(directory =>
        {
            File.WriteAllBytes(Path.Combine(directory, "bad.json"), vector.BadModel.Bytes);
            File.WriteAllText(Path.Combine(directory, "bad-data.txt"), "1 0 1\n0 2\n");
            File.WriteAllBytes(Path.Combine(directory, "bad-schedule.txt"), [(byte)'0', (byte)' ', 0xFF, (byte)' ', (byte)'1']);
            return vector.Args.Select(a => Resolve(a, directory)).ToArray();
        });

    /// <summary>Response files of any bytes, or a directory, or a file that names itself: exit code 0 or 2 as well.</summary>
    [Property(MaxTest = 100)]
    public Property Response_files_of_any_bytes_exit_with_0_or_2() =>
        Prop.ForAll(Arb.From(Gen.Frequency((1, ByteMutations.RandomBytes()), (4, ByteMutations.Mutations(ResponseFiles)))), file =>
            RunInScratch(directory =>
            {
                var path = Path.Combine(directory, "args.rsp");
                File.WriteAllBytes(path, InDirectory(file.Bytes, directory));
                return [$"@{path}"];
            }));

    /// <summary>
    /// Runs ebm in-process on the arguments <paramref name="arguments"/> makes in a scratch directory that holds the
    /// fuzz sandbox's files (and whatever it adds), checks the outcome as the options fuzz target does, and removes the directory.
    /// </summary>
    private static void RunInScratch(Func<string, string[]> arguments)
    {
        var directory = Directory.CreateTempSubdirectory("ebm-args-");
        try
        {
            foreach (var (name, content) in Sandbox.Files) File.WriteAllText(Path.Combine(directory.FullName, name), content);
            var args = arguments(directory.FullName);
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = EbmCommandLine.Run(args, stdout, stderr);
            RemoveShowcaseFolder(stdout.ToString());
            OptionsHarness.CheckOutcome(args, code, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Removes the temporary folder a vector that reached the showcase (no command) wrote its figures into, as the showcase
    /// names it on stdout, so that the property leaves nothing behind; only a folder of the showcase's own prefix under
    /// the temporary path is removed.
    /// </summary>
    private static void RemoveShowcaseFolder(string stdout)
    {
        const string marker = "figures (PNG) written to ";
        var line = stdout.Split('\n').FirstOrDefault(l => l.StartsWith(marker, StringComparison.Ordinal));
        if (line is null) return;
        var folder = line[marker.Length..].TrimEnd('\r');
        var temporary = Path.Combine(Path.GetTempPath(), Ebm.Cli.Showcase.ShowcaseFolder.TemporaryPrefix);
        if (folder.StartsWith(temporary, StringComparison.Ordinal) && Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    /// <summary>Response files of quick commands; DIR/ stands for the scratch directory (args.rsp is the response file itself).</summary>
    private static readonly byte[][] ResponseFiles =
    [
        Encoding.UTF8.GetBytes("# exact\nlogz\nDIR/bm.json --json\n"),
        Encoding.UTF8.GetBytes("thermo DIR/ising.json\n--beta 0.1:1:0.3\n"),
        Encoding.UTF8.GetBytes("sample \"DIR/well.json\" --sampler hmc --chains 2 --steps 8 --burn-in 2\n"),
        Encoding.UTF8.GetBytes("logz DIR/rbm.json --method ais --particles 4 --steps 4 --data DIR/data.txt @DIR/args.rsp\n"),
    ];

    private static byte[] InDirectory(byte[] file, string directory)
    {
        var (marker, replacement) = (Encoding.UTF8.GetBytes("DIR/"), Encoding.UTF8.GetBytes(directory + "/"));
        var result = new List<byte>(file.Length);
        for (var i = 0; i < file.Length; i++)
        {
            if (file.AsSpan(i).StartsWith(marker))
            {
                result.AddRange(replacement);
                i += marker.Length - 1;
            }
            else result.Add(file[i]);
        }

        return [.. result];
    }

    /// <summary>Found: logz mixture.json --no-exact --reference-scale 4.9e-324 --compare (the reference's precision 1/s^2 overflowed).</summary>
    [Property(Replay = "(2754028823781196750,17672274848389364387,25)", MaxTest = 1, Arbitrary = [typeof(ArgumentVectorArbitrary)])]
    public void Found_a_subnormal_reference_scale(ArgumentVector vector) => Every_argument_vector_exits_with_0_or_2_and_no_stack_trace(vector);

    /// <summary>Found: logz bm.json --resampling stratified --compare --no-exact --beta -1 (compare ran the estimators at beta &lt;= 0).</summary>
    [Property(Replay = "(14185487901120162363,13650455340192697587,70)", MaxTest = 1, Arbitrary = [typeof(ArgumentVectorArbitrary)])]
    public void Found_compare_at_a_negative_beta(ArgumentVector vector) => Every_argument_vector_exits_with_0_or_2_and_no_stack_trace(vector);

    /// <summary>A file name (also after --name=) becomes its path in the scratch directory; "." becomes the directory.</summary>
    private static string Resolve(string argument, string directory)
    {
        var cut = argument.StartsWith("--", StringComparison.Ordinal) ? argument.IndexOf('=', StringComparison.Ordinal) : -1;
        var (prefix, value) = cut < 0 ? ("", argument) : (argument[..(cut + 1)], argument[(cut + 1)..]);
        var known = Sandbox.Files.ContainsKey(value) || FileNames.Contains(value);
        return value == "." ? prefix + directory : known ? prefix + Path.Combine(directory, value) : argument;
    }
}
