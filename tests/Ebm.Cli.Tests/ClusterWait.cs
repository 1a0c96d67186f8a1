using Orleans.TestingHost;

namespace Ebm.Cli.Tests;

/// <summary>In-process clusters ready for a test: every worker active (on a loaded machine the last may join late).</summary>
internal static class ClusterWait
{
    public static async Task AllActive(TestCluster cluster)
    {
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await management.GetHosts(onlyActive: true)).Count < cluster.Silos.Count)
        {
            Assert.True(DateTime.UtcNow < deadline, "the cluster's workers did not all become active within 60 s");
            await Task.Delay(100);
        }
    }
}
