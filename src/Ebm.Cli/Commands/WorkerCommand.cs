using System.CommandLine;
using Ebm.Cli.Options;
using Ebm.Cli.Output;
using Ebm.Functional.Cluster;
using LanguageExt.Common;
using Microsoft.Extensions.Hosting;

namespace Ebm.Cli.Commands;

/// <summary>
/// <c>ebm worker --cluster NAME [--port P] [--gateway-port G] [--seed-node HOST:PORT] [--host ADDRESS]</c>: starts a worker
/// of the named cluster and runs blocks for <c>--cluster</c> commands until it is stopped (Ctrl-C or SIGTERM).
/// </summary>
internal static class WorkerCommand
{
    public static Command Create(CliContext context)
    {
        var cluster = new System.CommandLine.Option<string>("--cluster")
        {
            Description = "The cluster's name; clients name it with --cluster-name (default ebm).",
            DefaultValueFactory = _ => Estimation.ClusterTarget.DefaultName,
            HelpName = "NAME",
        };
        var port = WholeOption.Create("--port", "The port other workers reach this one on (the seed node's port for the workers that join it).", WorkerSettings.DefaultPort, "P");
        var gatewayPort = WholeOption.Create("--gateway-port", "The port clients connect to: `--cluster HOST:G`.", WorkerSettings.DefaultGatewayPort, "G");
        var seedNode = new System.CommandLine.Option<string?>("--seed-node")
        {
            Description = "The primary worker's HOST:PORT (its --port) to join; without it this worker is the cluster's primary.",
            HelpName = "HOST:PORT",
        };
        var host = new System.CommandLine.Option<string>("--host")
        {
            Description = "The address this worker listens on and tells the others; 127.0.0.1 for a cluster on one machine, this machine's LAN address otherwise.",
            DefaultValueFactory = _ => "127.0.0.1",
            HelpName = "ADDRESS",
        };
        var command = new Command("worker", "Start a worker of a cluster that runs the blocks of `--cluster` commands (ebm logz: AIS, reverse AIS and sandwich particles, SMC repetitions; ebm dos and ebm thermo: Wang-Landau walkers); stop it with Ctrl-C or SIGTERM.")
        {
            cluster, port, gatewayPort, seedNode, host,
        };
        command.SetAction(parse => WorkerSettings.Create(parse.GetRequiredValue(cluster), (int)parse.GetValue(port), (int)parse.GetValue(gatewayPort),
                parse.GetValue(seedNode), parse.GetRequiredValue(host))
            .Match(Succ: settings => Run(context, settings), Fail: errors => ErrorReport.Write(context, Error.Many(errors))));
        return command;
    }

    private static int Run(CliContext context, WorkerSettings settings)
    {
        var built = Worker.Build(settings, ClusterWorkCatalog.Catalog);
        if (built.IsFail) return ErrorReport.Write(context, (Error)built);
        using var worker = built.Match(h => h, _ => null!);
        try
        {
            worker.StartAsync(context.Cancellation).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            return ErrorReport.Write(context, ClusterErrors.WorkerStart($"{settings.Host}:{settings.Port} (gateway {settings.GatewayPort})", e.GetBaseException().Message));
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Success;
        }

        var role = settings.SeedNode.Match(seed => $"joined through {seed}", () => "primary");
        context.Out.WriteLine($"ebm worker: cluster {settings.Name}, {role}; listening on {settings.Host}:{settings.Port}, gateway {settings.Host}:{settings.GatewayPort}; " +
                              $"library {ClusterProtocol.LibraryVersion}, protocol {ClusterProtocol.Version}. Stop with Ctrl-C.");
        context.Out.Flush();
        try
        {
            Task.Delay(Timeout.Infinite, context.Cancellation).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C or SIGTERM: the normal way a worker ends.
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            worker.StopAsync(stop.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // A worker that does not stop in time is left to the process exit.
        }

        return ExitCodes.Success;
    }
}
