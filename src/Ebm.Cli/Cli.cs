using System.CommandLine;
using System.CommandLine.Invocation;
using Ebm.Cli.Commands;
using Ebm.Cli.Showcase;

namespace Ebm.Cli;

/// <summary>
/// The <c>ebm</c> command line: <c>logz</c>, <c>thermo</c>, and with no arguments the built-in showcase.
/// </summary>
/// <remarks>
/// Results go to <c>stdout</c>; errors, progress and notes to <c>stderr</c>, errors as
/// "ebm: error: ..." lines. Exit codes: 0 success, 2 bad input (a bad model file or option value, an
/// exact method that does not apply, a model too large), 1 an unexpected internal error (its stack
/// trace only with EBM_DEBUG=1).
/// </remarks>
public static class Cli
{
    /// <summary>Runs <c>ebm</c> with <paramref name="args"/>, writing to the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var context = new CliContext(
            stdout,
            stderr,
            ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected,
            ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected,
            Environment.GetEnvironmentVariable("EBM_DEBUG") == "1");
        try
        {
            var parse = Root(context).Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = ResponseFiles.TryExpand });
            if (parse.Action is ParseErrorAction) return ParseErrors(context, parse);
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            return ErrorReport.WriteInternal(context, e);
        }
    }

    private static RootCommand Root(CliContext context)
    {
        var seed = new Option<ulong>("--seed")
        {
            Description = "Seed of the showcase's random RBM (every random number comes from it; the seed is printed).",
            DefaultValueFactory = _ => ShowcaseJob.DefaultSeed,
            HelpName = "N",
        };
        var root = new RootCommand(
            "ebm: exact partition functions and thermodynamics of energy-based models (Ising lattices, Boltzmann machines, " +
            "RBMs, Gaussians, 2-D toy energies) described by JSON model files.\n" +
            "With no command, runs the built-in showcase: a 4 x 4 Ising torus by enumeration, Kaufman and transfer matrix " +
            "beside Onsager's infinite lattice, and a seeded random 20 x 10 RBM.\n" +
            "Exit codes: 0 success; 2 bad input (bad model file or option, exact method not applicable, model too large); " +
            "1 internal error (set EBM_DEBUG=1 for the stack trace).")
        {
            seed,
            LogzCommand.Create(context),
            ThermoCommand.Create(context),
            SampleCommand.Create(context),
        };
        root.SetAction(parse => ShowcaseJob.Run(context, parse.GetValue(seed)));
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
