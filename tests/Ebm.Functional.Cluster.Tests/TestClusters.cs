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
        return cluster;
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
