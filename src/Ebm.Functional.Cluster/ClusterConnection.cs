using LanguageExt;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Cluster;

/// <summary>
/// A client's connection to a cluster through one gateway (<c>--cluster HOST:PORT</c>), with the
/// <see cref="ClusterExecutor"/> that runs blocks on it. Orleans starts only here: a run without <c>--cluster</c> never
/// builds one. Dispose it to close the connection.
/// </summary>
public sealed class ClusterConnection : IAsyncDisposable, IDisposable
{
    private readonly IHost _host;

    private ClusterConnection(IHost host, ClusterExecutor executor) => (_host, Executor) = (host, executor);

    /// <summary>The executor that runs blocks on the cluster's workers.</summary>
    public ClusterExecutor Executor { get; }

    /// <summary>The time a client gives a gateway to answer when none is given.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Connects to the cluster called <paramref name="name"/> through the gateway at <paramref name="gateway"/>; an address that
    /// does not answer within <paramref name="timeout"/> is an error value.
    /// </summary>
    /// <param name="gateway">A worker's gateway address.</param>
    /// <param name="name">The cluster's name (its workers' <c>--cluster NAME</c>).</param>
    /// <param name="timeout">How long to try.</param>
    public static Fin<ClusterConnection> Connect(ClusterAddress gateway, string name, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        return gateway.Resolve("--cluster").Bind(endpoint => Task.Run(() => Start(gateway, endpoint, name, timeout)).GetAwaiter().GetResult());
    }

    private static async Task<Fin<ClusterConnection>> Start(ClusterAddress gateway, System.Net.IPEndPoint endpoint, string name, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (name, ClusterProtocol.ServiceId));
            client.UseStaticClustering(endpoint);
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ClusterTimings.BlockTimeout);
            client.UseConnectionRetryFilter(async (_, cancellation) =>
            {
                if (DateTime.UtcNow >= deadline) return false;
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellation);
                return true;
            });
        });
        var host = builder.Build();
        using var cancel = new CancellationTokenSource(timeout + TimeSpan.FromSeconds(1));
        try
        {
            await host.StartAsync(cancel.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await DisposeQuietly(host);
            return FinFail<ClusterConnection>(ClusterErrors.Unreachable(gateway.ToString(), name, timeout.TotalSeconds, e.GetBaseException().Message));
        }

        var executor = new ClusterExecutor(host.Services.GetRequiredService<IClusterClient>(), gateway.ToString());
        return FinSucc(new ClusterConnection(host, executor));
    }

    private static async Task DisposeQuietly(IHost host)
    {
        try
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await host.StopAsync(stop.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The connection never opened; there is nothing left to close cleanly.
        }

        host.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await DisposeQuietly(_host);

    /// <inheritdoc />
    public void Dispose() => Task.Run(() => DisposeQuietly(_host)).GetAwaiter().GetResult();
}
