using Ebm.Functional.Shell.Execution;
using LanguageExt;
using LanguageExt.Common;
using Orleans.Runtime.Placement;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Cluster;

/// <summary>
/// The open blocks of one stateful run on a cluster: block b is the grain "run/b", activated on worker b mod W of the
/// workers active when the run opened (the placement hint), where it stays until <see cref="Close"/>. A call waits for
/// every block's reply while it watches the membership: a block whose worker has left, a call that fails, or a grain that
/// no longer holds its block is <see cref="ClusterErrors.BlockLost"/>.
/// </summary>
internal sealed class ClusterBlockSession : IBlockSession
{
    private readonly IClusterClient _client;
    private readonly SiloAddress[] _owners;
    private readonly IBlockGrain[] _grains;
    private readonly Func<Task<SiloAddress[]?>> _active;

    public ClusterBlockSession(IClusterClient client, int blocks, SiloAddress[] silos, Func<Task<SiloAddress[]?>> active)
    {
        var run = Guid.NewGuid().ToString("N");
        _client = client;
        _active = active;
        _owners = Enumerable.Range(0, blocks).Select(b => silos[b % silos.Length]).ToArray();
        _grains = Enumerable.Range(0, blocks).Select(b => client.GetGrain<IBlockGrain>($"{run}/{b}")).ToArray();
    }

    public int Blocks => _grains.Length;

    /// <summary>The worker of the block found lost, if one was.</summary>
    public SiloAddress? Lost { get; private set; }

    /// <summary>The workers that answered, in the order they first did.</summary>
    public List<string> Workers { get; } = [];

    /// <summary>Opens every block on its worker with its input.</summary>
    public Task<Fin<IReadOnlyList<string?>>> Open(string kind, IReadOnlyList<string> inputs) =>
        Gather(Enumerable.Range(0, Blocks).Select(b => Placed(b, g => g.Open(new WorkEnvelope(ClusterProtocol.Version, ClusterProtocol.LibraryVersion, kind, inputs[b])))).ToArray());

    public Fin<IReadOnlyList<string?>> Call(IReadOnlyList<string?> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return Task.Run(() => Gather(Enumerable.Range(0, Blocks).Select(b => requests[b] is { } r ? _grains[b].Call(r) : null).ToArray())).GetAwaiter().GetResult();
    }

    /// <summary>Closes every block; a block whose worker is gone is gone already.</summary>
    public async Task Close()
    {
        foreach (var grain in _grains)
        {
            try
            {
                await grain.Close().WaitAsync(ClusterTimings.LivenessPoll * 5);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A block on a lost worker has nothing left to close.
            }
        }
    }

    private Task<WorkReply> Placed(int block, Func<IBlockGrain, Task<WorkReply>> call)
    {
        RequestContext.Set(IPlacementDirector.PlacementHintKey, _owners[block]);
        try
        {
            return call(_grains[block]);
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }

    private async Task<Fin<IReadOnlyList<string?>>> Gather(Task<WorkReply>?[] calls)
    {
        var pending = calls.Where(c => c is not null).Select(c => (Task)c!).ToArray();
        var all = Task.WhenAll(pending);
        while (!all.IsCompleted)
        {
            await Task.WhenAny(all, Task.Delay(ClusterTimings.LivenessPoll));
            if (all.IsCompleted) break;
            if (await _active() is not { } active) continue;
            for (var b = 0; b < calls.Length; b++)
                if (calls[b] is { IsCompleted: false } && !active.Contains(_owners[b]))
                    return LostBlock(b, $"worker {_owners[b].ToParsableString()} left the cluster");
        }

        var replies = new string?[calls.Length];
        for (var b = 0; b < calls.Length; b++)
        {
            if (calls[b] is not { } call) continue;
            if (!call.IsCompletedSuccessfully) return LostBlock(b, call.Exception?.GetBaseException().Message ?? "its call was cancelled");
            var reply = call.Result;
            if (reply.Status != WorkStatus.Done)
                return reply.Code == ClusterErrors.BlockLostCode ? LostBlock(b, reply.Message) : FinFail<IReadOnlyList<string?>>(Error.New(reply.Code, reply.Message));
            if (!Workers.Contains(reply.Worker)) Workers.Add(reply.Worker);
            replies[b] = reply.Payload;
        }

        return FinSucc<IReadOnlyList<string?>>(replies);
    }

    private Fin<IReadOnlyList<string?>> LostBlock(int block, string reason)
    {
        Lost = _owners[block];
        return FinFail<IReadOnlyList<string?>>(ClusterErrors.BlockLost(block, reason));
    }
}
