using Ebm.Functional.Shell.Execution;
using LanguageExt;
using LanguageExt.Common;
using Orleans.Runtime.Placement;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Cluster;

/// <summary>
/// Runs blocks on the workers of an Orleans cluster: each active worker takes one block at a time (a block uses every
/// core of its machine; a worker takes as many one-thread blocks as it has cores), the next block goes to the first
/// worker that is free, and results are kept by block index, so
/// the caller combines them in block order and gets the bits of <see cref="LocalExecutor"/>.
/// </summary>
/// <remarks>
/// <para>Faults: a worker that leaves the cluster (its process killed, its machine gone) has its blocks run again, from
/// their inputs, on the workers that remain; a block's result does not depend on where it ran, so the run's result does
/// not change. A run whose every worker is gone fails with <see cref="ClusterErrors.WorkersLost"/>. A block's own error
/// (the same anywhere) fails the run at once, as does a worker of another version (<see cref="ClusterErrors.VersionMismatch"/>).</para>
/// <para>Stateful runs, whose blocks stay on their workers between steps, go through <see cref="Run{T}"/> (<see cref="IBlockExecutor"/>).</para>
/// </remarks>
/// <param name="client">A connected cluster client.</param>
/// <param name="address">The gateway's address, for reports.</param>
public sealed partial class ClusterExecutor(IClusterClient client, string address) : IExecutor, IBlockExecutor
{
    private readonly System.Collections.Generic.HashSet<string> _workers = [];

    /// <summary>The workers that have returned at least one block, in the order they first did.</summary>
    public IReadOnlyList<string> WorkersUsed { get; private set; } = [];

    /// <inheritdoc />
    public string Description => $"cluster {address}, {WorkersUsed.Count} worker(s)";

    /// <inheritdoc />
    public Fin<IReadOnlyList<TResult>> Map<TInput, TResult>(WorkKind<TInput, TResult> kind, IReadOnlyList<TInput> inputs, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(inputs);
        var payloads = inputs.Select(kind.Input.Write).ToArray();
        return Task.Run(() => Run(kind.Name, payloads, kind.SingleThreaded, progress)).GetAwaiter().GetResult()
            .Bind(encoded => encoded.Select(kind.Result.Read).ToSeq().Sequence().Map(r => (IReadOnlyList<TResult>)r.ToArray()));
    }

    private async Task<Fin<string[]>> Run(string kind, string[] payloads, bool singleThreaded, IProgress<double>? progress)
    {
        var slots = new Dictionary<SiloAddress, int>();
        var results = new string?[payloads.Length];
        var pending = new Queue<int>(Enumerable.Range(0, payloads.Length));
        var inFlight = new Dictionary<Task<WorkReply>, (int Block, SiloAddress Silo)>();
        var busy = new Dictionary<SiloAddress, int>();
        var attempts = new int[payloads.Length];
        var (done, lastFailure) = (0, "none");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var lastAlive = TimeSpan.Zero;
        SiloAddress[] silos = [];
        var suspect = new Dictionary<SiloAddress, TimeSpan>();

        // The membership as last seen: a query that fails (the management grain moving off a worker that died) keeps the
        // last answer; a worker whose call failed gets no block for three polls, while the membership decides about it.
        async Task Refresh()
        {
            if (await ActiveSilos() is not { } fresh) return;
            silos = fresh;
            if (silos.Any(s => !suspect.TryGetValue(s, out var until) || clock.Elapsed >= until)) lastAlive = clock.Elapsed;
        }

        bool Gone() => clock.Elapsed - lastAlive > ClusterTimings.GoneAfter;

        await Refresh();
        while (silos.Length == 0)
        {
            if (Gone()) return FinFail<string[]>(ClusterErrors.NoWorkers(address));
            await Task.Delay(ClusterTimings.LivenessPoll);
            await Refresh();
        }

        while (done < payloads.Length)
        {
            foreach (var silo in silos)
            {
                if (suspect.TryGetValue(silo, out var until) && clock.Elapsed < until) continue;
                if (!slots.ContainsKey(silo)) slots[silo] = singleThreaded ? await Cores(silo) : 1;
                while (pending.Count > 0 && busy.GetValueOrDefault(silo) < slots[silo])
                {
                    var block = pending.Dequeue();
                    attempts[block]++;
                    inFlight[Send(silo, new WorkEnvelope(ClusterProtocol.Version, ClusterProtocol.LibraryVersion, kind, payloads[block]))] = (block, silo);
                    busy[silo] = busy.GetValueOrDefault(silo) + 1;
                }
            }

            if (inFlight.Count == 0)
            {
                if (Gone()) return FinFail<string[]>(ClusterErrors.WorkersLost(address, done, payloads.Length, lastFailure));
                await Task.Delay(ClusterTimings.LivenessPoll);
                await Refresh();
                continue;
            }

            await Task.WhenAny(Task.WhenAny(inFlight.Keys), Task.Delay(ClusterTimings.LivenessPoll));
            foreach (var (task, (block, silo)) in inFlight.Where(p => p.Key.IsCompleted).ToArray())
            {
                inFlight.Remove(task);
                busy[silo]--;
                if (task.IsCompletedSuccessfully)
                {
                    var reply = task.Result;
                    if (reply.Status == WorkStatus.Refused || reply.Status == WorkStatus.Failed) return FinFail<string[]>(Error.New(reply.Code, reply.Message));
                    if (results[block] is null)
                    {
                        results[block] = reply.Payload;
                        done++;
                        Record(reply.Worker);
                        progress?.Report((double)done / payloads.Length);
                    }

                    continue;
                }

                lastFailure = task.Exception?.GetBaseException().Message ?? "cancelled";
                suspect[silo] = clock.Elapsed + ClusterTimings.LivenessPoll * 3;
                if (results[block] is null) Retry(pending, block);
            }

            // Blocks out on workers that have left are run again elsewhere; their calls are abandoned.
            await Refresh();
            foreach (var (task, (block, silo)) in inFlight.Where(p => !silos.Contains(p.Value.Silo)).ToArray())
            {
                inFlight.Remove(task);
                busy.Remove(silo);
                lastFailure = $"worker {silo.ToParsableString()} left the cluster";
                if (results[block] is null) Retry(pending, block);
            }

            if (Gone() && done < payloads.Length) return FinFail<string[]>(ClusterErrors.WorkersLost(address, done, payloads.Length, lastFailure));
            var stuck = pending.FirstOrDefault(b => attempts[b] > MaxAttempts, -1);
            if (stuck >= 0) return FinFail<string[]>(ClusterErrors.WorkersLost(address, done, payloads.Length, $"block {stuck} failed {attempts[stuck]} times; last: {lastFailure}"));
        }

        return FinSucc(results.Select(r => r!).ToArray());
    }

    /// <summary>The most times one block is sent before the run gives up on it.</summary>
    private const int MaxAttempts = 20;

    private static void Retry(Queue<int> pending, int block)
    {
        if (!pending.Contains(block)) pending.Enqueue(block);
    }

    private Task<WorkReply> Send(SiloAddress silo, WorkEnvelope envelope) => On(silo, grain => grain.Run(envelope));

    /// <summary>The worker's cores, at least 1; 1 when it does not answer (its blocks then run one at a time).</summary>
    private async Task<int> Cores(SiloAddress silo)
    {
        try
        {
            return Math.Max(1, await On(silo, grain => grain.Cores()).WaitAsync(TimeSpan.FromSeconds(10)));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return 1;
        }
    }

    /// <summary>A call on a fresh grain placed on <paramref name="silo"/>.</summary>
    private Task<T> On<T>(SiloAddress silo, Func<IWorkGrain, Task<T>> call)
    {
        RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
        try
        {
            return call(client.GetGrain<IWorkGrain>(Guid.NewGuid()));
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }

    /// <summary>The active workers in a fixed order, or null when the membership could not be read this time.</summary>
    private async Task<SiloAddress[]?> ActiveSilos()
    {
        try
        {
            var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(ClusterTimings.LivenessPoll * 5);
            return hosts.Keys.OrderBy(s => s.ToParsableString(), StringComparer.Ordinal).ToArray();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private void Record(string worker)
    {
        if (_workers.Add(worker)) WorkersUsed = [.. WorkersUsed, worker];
    }
}
