using Ebm.Cli.Output;
using Ebm.Functional.Cluster;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Cli.Estimation;

/// <summary>The cluster a command runs on (<c>--cluster HOST:PORT</c>, <c>--cluster-name NAME</c>, <c>--cluster-timeout S</c>).</summary>
/// <param name="Gateway">A worker's gateway address.</param>
/// <param name="Name">The cluster's name.</param>
/// <param name="Timeout">How long to wait for the gateway to answer.</param>
internal sealed record ClusterTarget(ClusterAddress Gateway, string Name, TimeSpan Timeout)
{
    /// <summary>The cluster name when none is given (the workers' default too).</summary>
    public const string DefaultName = "ebm";

    /// <summary>The methods of <c>ebm logz</c> that run on a cluster.</summary>
    public static readonly string[] Methods = ["ais", "reverse-ais", "sandwich", "smc"];

    /// <summary>The target of the options, None without --cluster, or every problem with them.</summary>
    public static Validation<Error, Option<ClusterTarget>> Of(string? address, string name, double timeoutSeconds)
    {
        if (address is null) return Success<Error, Option<ClusterTarget>>(None);
        var errors = Seq<Error>();
        var parsed = ClusterAddress.Parse("--cluster", address);
        if (parsed.IsFail) errors = errors.Add((Error)parsed);
        if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[A-Za-z0-9._-]{1,64}$")) errors = errors.Add(ClusterErrors.BadName("--cluster-name", name));
        if (!(timeoutSeconds is > 0 and <= 3600))
            errors = errors.Add(CliErrors.InvalidOption("--cluster-timeout", $"must be a number of seconds in (0, 3600], got {Numbers.Exact(timeoutSeconds)}"));
        return errors.IsEmpty
            ? parsed.Match(
                Succ: gateway => Success<Error, Option<ClusterTarget>>(Some(new ClusterTarget(gateway, name, TimeSpan.FromSeconds(timeoutSeconds)))),
                Fail: e => Fail<Error, Option<ClusterTarget>>(e))
            : Fail<Error, Option<ClusterTarget>>(errors);
    }

    /// <summary>The connection, or why there is none (an unreachable gateway is an error after <see cref="Timeout"/>).</summary>
    public Fin<ClusterConnection> Connect() => ClusterConnection.Connect(Gateway, Name, Timeout);
}
