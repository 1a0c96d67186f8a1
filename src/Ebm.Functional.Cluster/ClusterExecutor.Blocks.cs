using Ebm.Functional.Shell.Execution;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Cluster;

/// <summary>Stateful runs on the cluster (<see cref="IBlockExecutor"/>).</summary>
public sealed partial class ClusterExecutor
{
    /// <summary>The most times a stateful run is started before it is given up.</summary>
    private const int MaxRestarts = 20;

    /// <inheritdoc />
    /// <remarks>
    /// The blocks are spread over the workers active when the run opens, block b on worker b mod W. If a worker holding
    /// blocks is lost, the run is opened again on the workers that remain and driven again from the start: the driver is
    /// deterministic, so the result has the same bits. A run that sees no worker for <see cref="ClusterTimings.GoneAfter"/>
    /// fails with <see cref="ClusterErrors.WorkersLost"/>.
    /// </remarks>
    public Fin<T> Run<T>(string kind, IReadOnlyList<string> inputs, Func<IBlockSession, Fin<T>> drive)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(drive);
        return Task.Run(() => RunBlocks(kind, inputs, drive)).GetAwaiter().GetResult();
    }

    private async Task<Fin<T>> RunBlocks<T>(string kind, IReadOnlyList<string> inputs, Func<IBlockSession, Fin<T>> drive)
    {
        var lastFailure = "none";
        // A worker that lost a block is not given blocks again in this run, while the membership decides about it.
        var excluded = new System.Collections.Generic.HashSet<SiloAddress>();
        for (var start = 0; start < MaxRestarts; start++)
        {
            var silos = await Live(excluded);
            if (silos is null)
                return FinFail<T>(start == 0 ? ClusterErrors.NoWorkers(address) : ClusterErrors.WorkersLost(address, 0, inputs.Count, lastFailure));
            var session = new ClusterBlockSession(client, inputs.Count, silos, ActiveSilos);
            var opened = await session.Open(kind, inputs);
            var result = opened.IsFail ? opened.Map(_ => default(T)!) : await Task.Run(() => drive(session));
            await session.Close();
            if (result.IsSucc) foreach (var worker in session.Workers) Record(worker);
            if (result.Case is not LanguageExt.Common.Error { Code: ClusterErrors.BlockLostCode } lost) return result;
            lastFailure = lost.Message;
            if (session.Lost is { } silo) excluded.Add(silo);
        }

        return FinFail<T>(ClusterErrors.WorkersLost(address, 0, inputs.Count, $"the run was started {MaxRestarts} times; last: {lastFailure}"));
    }

    /// <summary>The active workers but <paramref name="excluded"/>, waiting for one while none is; null when none was seen for <see cref="ClusterTimings.GoneAfter"/>.</summary>
    private async Task<SiloAddress[]?> Live(IReadOnlySet<SiloAddress> excluded)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed <= ClusterTimings.GoneAfter)
        {
            if (await ActiveSilos() is { } active && active.Where(s => !excluded.Contains(s)).ToArray() is { Length: > 0 } silos) return silos;
            await Task.Delay(ClusterTimings.LivenessPoll);
        }

        return null;
    }
}
