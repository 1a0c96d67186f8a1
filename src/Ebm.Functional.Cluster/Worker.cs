using System.Net;
using Ebm.Functional.Shell.Execution;
using LanguageExt;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Cluster;

/// <summary>
/// An Orleans silo that runs blocks of work from a <see cref="WorkCatalog"/>: what <c>ebm worker</c> starts. It joins its
/// cluster by static development membership (every worker names the primary; the primary names itself), listens on
/// the worker port for other workers and on the gateway port for clients.
/// </summary>
public static class Worker
{
    /// <summary>The worker's host, built but not started; start it with <c>StartAsync</c> and stop it with <c>StopAsync</c>.</summary>
    /// <param name="settings">The cluster's name, the ports and the seed node.</param>
    /// <param name="catalog">The kinds of work the worker runs.</param>
    /// <returns>The host, or why the settings cannot make one (an unknown host name).</returns>
    public static Fin<IHost> Build(WorkerSettings settings, WorkCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(catalog);
        return
            from self in new ClusterAddress(settings.Host, settings.Port).Resolve("--host")
            from primary in settings.SeedNode.Match(seed => seed.Resolve("--seed-node"), () => FinSucc(self))
            select Host(settings, catalog, self, primary);
    }

    private static IHost Host(WorkerSettings settings, WorkCatalog catalog, IPEndPoint self, IPEndPoint primary)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.Name, ClusterProtocol.ServiceId));
            silo.UseDevelopmentClustering(primary);
            silo.ConfigureEndpoints(self.Address, settings.Port, settings.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(self.Address));
            ClusterTimings.Apply(silo);
            silo.Services.AddSingleton(catalog);
        });
        return builder.Build();
    }
}
