using System.Text.RegularExpressions;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Cluster;

/// <summary>
/// How a worker joins its cluster: the cluster's name, the ports it listens on, and the seed node it joins through (none:
/// it is the cluster's primary). Membership is static development membership: every worker names the primary.
/// </summary>
/// <param name="Name">The cluster's name; a client and its workers must agree on it.</param>
/// <param name="Port">The port other workers reach this one on.</param>
/// <param name="GatewayPort">The port clients (<c>--cluster HOST:PORT</c>) connect to.</param>
/// <param name="SeedNode">The primary worker's address (its <see cref="Port"/>), or None for the primary itself.</param>
/// <param name="Host">The address this worker listens on and advertises; loopback by default.</param>
public sealed partial record WorkerSettings(string Name, int Port, int GatewayPort, Option<ClusterAddress> SeedNode, string Host)
{
    /// <summary>The worker port when none is given.</summary>
    public const int DefaultPort = 11111;

    /// <summary>The gateway port when none is given.</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>Checked settings, or every problem at once.</summary>
    /// <param name="name">The cluster's name.</param>
    /// <param name="port">The worker port.</param>
    /// <param name="gatewayPort">The gateway port.</param>
    /// <param name="seedNode">The seed node as HOST:PORT, or null.</param>
    /// <param name="host">The address to listen on.</param>
    public static Validation<LanguageExt.Common.Error, WorkerSettings> Create(string name, int port, int gatewayPort, string? seedNode, string host = "127.0.0.1")
    {
        var errors = Seq<LanguageExt.Common.Error>();
        if (!NamePattern().IsMatch(name)) errors = errors.Add(ClusterErrors.BadName("--cluster", name));
        if (port is < 1 or > 65535) errors = errors.Add(ClusterErrors.BadAddress("--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "not a port in 1..65535"));
        if (gatewayPort is < 1 or > 65535 || gatewayPort == port)
            errors = errors.Add(ClusterErrors.BadAddress("--gateway-port", gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "not a port in 1..65535 other than --port"));
        var seed = Option<ClusterAddress>.None;
        if (seedNode is not null)
            ClusterAddress.Parse("--seed-node", seedNode).Match(a => seed = Some(a), e => errors = errors.Add(e));
        return errors.IsEmpty
            ? Success<LanguageExt.Common.Error, WorkerSettings>(new WorkerSettings(name, port, gatewayPort, seed, host))
            : Fail<LanguageExt.Common.Error, WorkerSettings>(errors);
    }

    /// <summary>Whether this worker is the cluster's primary (no seed node).</summary>
    public bool IsPrimary => SeedNode.IsNone;

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex NamePattern();
}
