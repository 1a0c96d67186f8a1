using Ebm.Functional.Shell.Execution;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Cluster;

/// <summary>
/// Holds one stateful block in the worker's memory between calls; each call runs on a thread-pool thread (the work is
/// CPU-bound). A grain activated afresh — after its worker was lost — holds nothing and says so, so the client can start
/// the run again.
/// </summary>
/// <param name="catalog">The kinds of work this worker runs.</param>
/// <param name="site">Where this worker listens, for replies.</param>
internal sealed class BlockGrain(WorkCatalog catalog, ILocalSiloDetails site) : Grain, IBlockGrain
{
    private IStatefulBlock? _block;

    private string Worker => site.SiloAddress.ToParsableString();

    public async Task<WorkReply> Open(WorkEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope.Protocol != ClusterProtocol.Version || envelope.LibraryVersion != ClusterProtocol.LibraryVersion)
        {
            DeactivateOnIdle();
            var refusal = ClusterErrors.VersionMismatch(Worker, ClusterProtocol.LibraryVersion, ClusterProtocol.Version, envelope.LibraryVersion, envelope.Protocol);
            return new WorkReply(WorkStatus.Refused, "", refusal.Code, refusal.Message, Worker);
        }

        var opened = await Task.Run(() => catalog.Find(envelope.Kind).Bind(kind => kind is IStatefulWorkKind stateful
            ? stateful.Open(envelope.Payload)
            : FinFail<(IStatefulBlock, string)>(ExecutionErrors.BadMessage("a stateful block", $"\"{envelope.Kind}\" is not stateful work"))));
        return opened.Match(
            Succ: o =>
            {
                _block = o.Item1;
                return new WorkReply(WorkStatus.Done, o.Item2, 0, "", Worker);
            },
            Fail: error =>
            {
                DeactivateOnIdle();
                return new WorkReply(WorkStatus.Failed, "", error.Code, error.Message, Worker);
            });
    }

    public async Task<WorkReply> Call(string request)
    {
        if (_block is not { } block)
        {
            DeactivateOnIdle();
            var lost = ClusterErrors.BlockLost(-1, $"grain {this.GetPrimaryKeyString()} on worker {Worker} holds no block");
            return new WorkReply(WorkStatus.Failed, "", lost.Code, lost.Message, Worker);
        }

        var result = await Task.Run(() => block.Handle(request));
        return result.Match(
            Succ: payload => new WorkReply(WorkStatus.Done, payload, 0, "", Worker),
            Fail: error => new WorkReply(WorkStatus.Failed, "", error.Code, error.Message, Worker));
    }

    public Task Close()
    {
        _block = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
