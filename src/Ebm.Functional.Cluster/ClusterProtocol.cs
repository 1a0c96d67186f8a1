using System.Reflection;

namespace Ebm.Functional.Cluster;

/// <summary>
/// What a client and a worker must agree on before a block changes hands: the message protocol and the library build.
/// A block computed by another build could differ in its bits, so a worker refuses work from any other version.
/// </summary>
public static class ClusterProtocol
{
    /// <summary>The message protocol's number; raised whenever <see cref="WorkEnvelope"/>, <see cref="WorkReply"/> or the grains change (2: the stateful block grains, <see cref="IBlockGrain"/>).</summary>
    public const int Version = 2;

    /// <summary>The library build this process runs (its informational version: version and, when known, commit).</summary>
    public static string LibraryVersion { get; } =
        typeof(ClusterProtocol).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ClusterProtocol).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>The service every worker and client of this library belongs to (clusters are told apart by their names).</summary>
    public const string ServiceId = "ebm";
}
