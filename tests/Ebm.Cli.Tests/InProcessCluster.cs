using Ebm.Cli.Commands;
using Ebm.Functional.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Ebm.Cli.Tests;

/// <summary>An Orleans test cluster of in-process workers that run every kind of the tool's work (<see cref="ClusterWorkCatalog"/>).</summary>
internal static class InProcessCluster
{
    /// <summary>Starts <paramref name="workers"/> workers and waits until every one is active.</summary>
    /// <param name="workers">How many workers (silos).</param>
    public static async Task<TestCluster> Start(int workers)
    {
        var builder = new TestClusterBuilder((short)workers);
        builder.AddSiloBuilderConfigurator<Workers>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        await ClusterWait.AllActive(cluster);
        return cluster;
    }

    private sealed class Workers : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            ClusterTimings.Apply(siloBuilder);
            siloBuilder.Services.AddSingleton(ClusterWorkCatalog.Catalog);
        }
    }
}
