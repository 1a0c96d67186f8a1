using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Ebm.Functional.Cluster.Tests;

/// <summary>In-process clusters of n workers that run <see cref="KeyedSums"/>.</summary>
internal static class TestClusters
{
    public static async Task<TestCluster> Start(int silos)
    {
        var builder = new TestClusterBuilder((short)silos);
        builder.AddSiloBuilderConfigurator<Configurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        await AllActive(cluster, silos);
        return cluster;
    }

    /// <summary>Waits until the cluster's membership lists <paramref name="silos"/> active workers (on a loaded machine the last may join late).</summary>
    public static async Task AllActive(TestCluster cluster, int silos)
    {
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await management.GetHosts(onlyActive: true)).Count < silos)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"fewer than {silos} workers active after 60 s");
            await Task.Delay(100);
        }
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            ClusterTimings.Apply(siloBuilder);
            siloBuilder.Services.AddSingleton(KeyedSums.Catalog);
        }
    }
}
