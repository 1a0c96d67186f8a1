using System.CommandLine;
using System.CommandLine.Invocation;
using Ebm.Cli.Commands;
using Ebm.Cli.Options;
using Ebm.Cli.Showcase;
using Ebm.Cli.Output;

namespace Ebm.Cli;

/// <summary>
/// The <c>ebm</c> command line: <c>logz</c>, <c>thermo</c>, <c>sample</c>, <c>train</c>, and with no arguments the built-in showcase.
/// </summary>
/// <remarks>
/// Results go to <c>stdout</c>; errors, progress and notes to <c>stderr</c>, errors as
/// "ebm: error: ..." lines. Exit codes: 0 success, 2 bad input (a bad model file or option value, an
/// exact method that does not apply, a model too large, an output that cannot be written or would overwrite
/// an input), 1 an unexpected internal error (its stack trace only with EBM_DEBUG=1), 130 cancelled by Ctrl-C
/// (128 + the signal number for SIGTERM, SIGHUP, SIGQUIT).
/// </remarks>
internal static class Cli
{
    /// <summary>Runs <c>ebm</c> with <paramref name="args"/>, writing to the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, CancellationToken.None);

    /// <summary>
    /// As <see cref="Run(string[], TextWriter, TextWriter)"/>; cancelling <paramref name="cancellation"/> (Ctrl-C)
    /// stops the work, deletes temporary output files and returns <see cref="ExitCodes.Cancelled"/>.
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellation) =>
        Run(args, stdout, stderr, cancellation, null);

    /// <summary>
    /// <see cref="Run(string[], TextWriter, TextWriter, CancellationToken)"/> with redirected progress lines after
    /// <paramref name="progressDelay"/> (tests: zero).
    /// </summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellation, TimeSpan? progressDelay)
    {
        var context = new CliContext(
            stdout,
            stderr,
            ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected,
            ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected,
            Environment.GetEnvironmentVariable("EBM_DEBUG") == "1",
            progressDelay) { Cancellation = cancellation };
        try
        {
            var parse = Root(context).Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = ResponseFiles.TryExpand });
            if (parse.Action is ParseErrorAction) return ParseErrors(context, parse);
            var code = parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
            return cancellation.IsCancellationRequested ? Cancelled(context) : code;
        }
        catch (Exception) when (cancellation.IsCancellationRequested)
        {
            // The work was interrupted (at a progress report, inside a parallel loop or an output write).
            return Cancelled(context);
        }
        catch (Exception e)
        {
            return ErrorReport.WriteInternal(context, e);
        }
    }

    private static int Cancelled(CliContext context)
    {
        context.Error.WriteLine("ebm: cancelled");
        return ExitCodes.Cancelled;
    }

    /// <summary>The command tree of <c>ebm</c>, every command and option (tests walk it).</summary>
    internal static RootCommand Root(CliContext context)
    {
        var seed = WholeOption.Create("--seed", "Seed of the showcase's random RBM (every random number comes from it; the seed is printed).",
            ShowcaseJob.DefaultSeed, "N");
        var showcaseOut = new System.CommandLine.Option<string?>("--out")
        {
            Description = "Folder for the showcase's PNGs (heat-capacity.png, learning-curve.png, annealing.png), missing or empty: " +
                          "nothing is overwritten (default: a new ebm-showcase-XXXXXX folder in the temporary folder; the folder is printed).",
            HelpName = "DIR",
        };
        var root = new RootCommand(
            "ebm: exact partition functions and thermodynamics of energy-based models (Ising lattices, Boltzmann machines, " +
            "RBMs, Gaussians, 2-D toy energies) described by JSON model files, and their training from data (ebm train).\n" +
            "With no command, runs the built-in showcase: a 4 x 4 Ising torus by enumeration, Kaufman and transfer matrix " +
            "beside Onsager's infinite lattice, the sampled heat capacity of an 8 x 8 torus beside the exact one, log Z estimators " +
            "against exact answers, a seeded random 20 x 10 RBM, a short training run on bars-and-stripes and a small annealing run, " +
            "with PNG figures written to a new folder it names.\n" +
            "Exit codes: 0 success; 2 bad input (bad model file or option, exact method not applicable, model too large, a run over " +
            "the cost budget without --force, an output that cannot be written or is an input); 1 internal error (set EBM_DEBUG=1 " +
            "for the stack trace); 130 cancelled by Ctrl-C (143 by SIGTERM): no output file is left half-written.")
        {
            seed,
            showcaseOut,
            LogzCommand.Create(context),
            ThermoCommand.Create(context),
            SampleCommand.Create(context),
            TrainCommand.Create(context),
            DosCommand.Create(context),
            AnnealCommand.Create(context),
            WorkerCommand.Create(context),
        };
        root.SetAction(parse => ShowcaseJob.Run(context, parse.GetValue(seed), parse.GetValue(showcaseOut)));
        foreach (var version in root.Options.OfType<VersionOption>()) version.Action = new VersionAction(context);
        return root;
    }

    private static int ParseErrors(CliContext context, ParseResult parse)
    {
        foreach (var error in parse.Errors) context.Error.WriteLine($"ebm: error: {error.Message}");
        var command = parse.CommandResult.Command;
        var path = command is RootCommand ? "ebm" : $"ebm {command.Name}";
        context.Error.WriteLine($"ebm: see '{path} --help' for the arguments and options");
        return ExitCodes.BadInput;
    }

    private sealed class VersionAction(CliContext context) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            context.Out.WriteLine(VersionReport.Text());
            return ExitCodes.Success;
        }
    }
}
