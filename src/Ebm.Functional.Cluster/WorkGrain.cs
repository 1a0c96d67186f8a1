using Ebm.Functional.Shell.Execution;

namespace Ebm.Functional.Cluster;

/// <summary>
/// Runs one block with the worker's <see cref="WorkCatalog"/> on a thread-pool thread (the work is long and
/// CPU-bound), then deactivates: a grain holds no state between blocks.
/// </summary>
/// <param name="catalog">The kinds of work this worker runs.</param>
/// <param name="site">Where this worker listens, for replies.</param>
internal sealed class WorkGrain(WorkCatalog catalog, ILocalSiloDetails site) : Grain, IWorkGrain
{
    public Task<int> Cores()
    {
        DeactivateOnIdle();
        return Task.FromResult(Environment.ProcessorCount);
    }

    public async Task<WorkReply> Run(WorkEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        DeactivateOnIdle();
        var worker = site.SiloAddress.ToParsableString();
        if (envelope.Protocol != ClusterProtocol.Version || envelope.LibraryVersion != ClusterProtocol.LibraryVersion)
        {
            var refusal = ClusterErrors.VersionMismatch(worker, ClusterProtocol.LibraryVersion, ClusterProtocol.Version, envelope.LibraryVersion, envelope.Protocol);
            return new WorkReply(WorkStatus.Refused, "", refusal.Code, refusal.Message, worker);
        }

        var result = await Task.Run(() => catalog.Find(envelope.Kind).Bind(kind => kind.RunEncoded(envelope.Payload)));
        return result.Match(
            Succ: payload => new WorkReply(WorkStatus.Done, payload, 0, "", worker),
            Fail: error => new WorkReply(WorkStatus.Failed, "", error.Code, error.Message, worker));
    }
}
