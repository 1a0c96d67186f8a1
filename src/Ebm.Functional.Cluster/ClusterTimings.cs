using Orleans.Configuration;

namespace Ebm.Functional.Cluster;

/// <summary>
/// The cluster's clocks: blocks run for minutes, so a call waits for hours before it times out; a worker that stops
/// answering membership probes for about ten seconds is declared gone, and its blocks are run elsewhere.
/// </summary>
public static class ClusterTimings
{
    /// <summary>How long a call for one block may take.</summary>
    public static TimeSpan BlockTimeout { get; } = TimeSpan.FromHours(12);

    /// <summary>How long a client sees no worker at all before it gives the run up.</summary>
    public static TimeSpan GoneAfter { get; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a client checks which workers are alive while blocks are out.</summary>
    public static TimeSpan LivenessPoll { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Sets the silo's membership probes and call timeout.</summary>
    /// <param name="silo">The silo being built.</param>
    public static void Apply(ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(3);
            o.NumMissedProbesLimit = 3;
            o.NumVotesForDeathDeclaration = 1;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        });
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = BlockTimeout);
    }
}
