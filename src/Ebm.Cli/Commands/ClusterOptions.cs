using System.CommandLine;
using Ebm.Cli.Estimation;
using Ebm.Cli.Options;
using Ebm.Cli.Output;
using Ebm.Functional.Cluster;
using Ebm.Functional.Shell.Execution;
using LanguageExt.Common;

namespace Ebm.Cli.Commands;

/// <summary>
/// The options that send a command's blocks to a cluster (<c>--cluster HOST:PORT</c>, <c>--cluster-name NAME</c>,
/// <c>--cluster-timeout S</c>) and the run that connects, hands the executor to the command, and names the workers used.
/// </summary>
/// <param name="Address">--cluster.</param>
/// <param name="Name">--cluster-name.</param>
/// <param name="Timeout">--cluster-timeout.</param>
internal sealed record ClusterOptions(Option<string?> Address, Option<string> Name, Option<double> Timeout)
{
    /// <summary>The three options; <paramref name="what"/> says what runs on the cluster, <paramref name="named"/> where the workers used are named.</summary>
    public static ClusterOptions Create(string what, string named = "on stderr") => new(
        new Option<string?>("--cluster")
        {
            Description = $"Run {what} on the workers of a cluster (`ebm worker`) through the gateway at HOST:PORT; the result is the same, " +
                          $"bit for bit, as without it, and the workers used are named {named}.",
            HelpName = "HOST:PORT",
        },
        new Option<string>("--cluster-name")
        {
            Description = "The cluster's name, as its workers were started with (ebm worker --cluster NAME).",
            DefaultValueFactory = _ => ClusterTarget.DefaultName,
            HelpName = "NAME",
        },
        RealOption.Create("--cluster-timeout", "Seconds to wait for the cluster's gateway to answer before giving up.", 10.0, "S"));

    /// <summary>The options, to add to a command.</summary>
    public IEnumerable<Option> All => [Address, Name, Timeout];

    /// <summary>The cluster the options name, None without --cluster, or every problem with them.</summary>
    public LanguageExt.Validation<Error, LanguageExt.Option<ClusterTarget>> Target(ParseResult parse) =>
        ClusterTarget.Of(parse.GetValue(Address), parse.GetRequiredValue(Name), parse.GetValue(Timeout));

    /// <summary>The target of <see cref="Target"/> as a value: null without --cluster or when the options are bad (which <see cref="Target"/> reports).</summary>
    public static ClusterTarget? Chosen(LanguageExt.Validation<Error, LanguageExt.Option<ClusterTarget>> target) =>
        target.MatchUnsafe(Succ: t => t.MatchUnsafe(Some: x => (ClusterTarget?)x, None: () => null), Fail: _ => null);

    /// <summary>
    /// Runs <paramref name="run"/> on the cluster the options name, or on this machine without --cluster; bad options, and
    /// --cluster with a method that runs on this machine only (<paramref name="runsThere"/> false, <paramref name="refusal"/>
    /// says why), are exit code 2.
    /// </summary>
    public int Run(CliContext context, ParseResult parse, bool runsThere, string refusal, Func<IExecutor, int> run)
    {
        var target = Target(parse);
        if (target.IsFail) return ErrorReport.Write(context, Error.Many(target.FailToSeq()));
        var chosen = Chosen(target);
        if (chosen is not null && !runsThere) return ErrorReport.Write(context, CliErrors.InvalidOption("--cluster", refusal));
        return Run(context, chosen, run);
    }

    /// <summary>
    /// Runs <paramref name="run"/> with this machine's executor, or with a cluster's when <paramref name="target"/> names one
    /// (an unreachable cluster is exit code 2); after a cluster run, stderr names the workers used.
    /// </summary>
    public static int Run(CliContext context, ClusterTarget? target, Func<IExecutor, int> run)
    {
        if (target is null) return run(LocalExecutor.Instance);
        var connected = target.Connect();
        if (connected.IsFail) return ErrorReport.Write(context, (Error)connected);
        using var connection = connected.Match(c => c, _ => null!);
        var code = run(connection.Executor);
        var workers = connection.Executor.WorkersUsed;
        if (code == ExitCodes.Success)
            context.Error.WriteLine($"ebm: ran on cluster {target.Gateway}: {workers.Count} worker(s) ({string.Join(", ", workers)})");
        return code;
    }
}
