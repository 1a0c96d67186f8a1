using System.Collections.Concurrent;

namespace Ebm.Functional.Numerics;

/// <summary>
/// The one seam through which the core's data-parallel loops run: rows (chains, particles, blocks, ranges)
/// handed to the executor with the caller's degree of parallelism, each writing only its own slots.
/// </summary>
/// <remarks>
/// <para>Contract: the body of row i writes only the output slots of row i, and the caller merges per-row
/// results in index order; a result therefore does not depend on which thread ran which row, nor on how many
/// threads there were (the reproducibility contract of the README).</para>
/// <para>Degree of parallelism: -1 leaves the count to the executor (the shared thread pool), a positive
/// number caps it, 1 runs every row on the calling thread in index order. 0 and values below -1 are
/// programmer errors (<see cref="ArgumentOutOfRangeException"/>). The shell decides the default it passes;
/// kernels never read the machine's processor count themselves but ask <see cref="Workers"/>.</para>
/// <example><code>
/// var energies = new double[chains];
/// Batch.ForEachRow(maxDegreeOfParallelism, chains, c => energies[c] = model.Energy(positions.Row(c)));
/// </code></example>
/// </remarks>
public static class Batch
{
    /// <summary>Runs <paramref name="body"/>(i) for every i in [0, <paramref name="count"/>).</summary>
    /// <param name="maxDegreeOfParallelism">-1 for the executor's choice, otherwise the most rows at a time.</param>
    /// <param name="count">Rows to run; zero or less runs none.</param>
    /// <param name="body">Writes the slots of row i only.</param>
    public static void ForEachRow(int maxDegreeOfParallelism, int count, Action<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        CheckParallelism(maxDegreeOfParallelism);
        if (maxDegreeOfParallelism == 1 || count <= 1)
        {
            for (var i = 0; i < count; i++) body(i);
            return;
        }

        Parallel.For(0, count, Options(maxDegreeOfParallelism), body);
    }

    /// <summary>
    /// Runs <paramref name="body"/>(i, scratch) for every i in [0, <paramref name="count"/>), with one scratch
    /// value per worker made by <paramref name="scratch"/> (a buffer reused across that worker's rows).
    /// </summary>
    /// <remarks>The body must overwrite whatever of the scratch it reads, so that a row's result does not
    /// depend on which rows the same worker ran before it.</remarks>
    public static void ForEachRow<TScratch>(int maxDegreeOfParallelism, int count, Func<TScratch> scratch, Action<int, TScratch> body)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        ArgumentNullException.ThrowIfNull(body);
        CheckParallelism(maxDegreeOfParallelism);
        if (maxDegreeOfParallelism == 1 || count <= 1)
        {
            if (count <= 0) return;
            var local = scratch();
            for (var i = 0; i < count; i++) body(i, local);
            return;
        }

        Parallel.For(0, count, Options(maxDegreeOfParallelism), scratch, (i, _, local) =>
        {
            body(i, local);
            return local;
        }, _ => { });
    }

    /// <summary>
    /// Runs <paramref name="body"/>(start, end) over consecutive ranges of at most <paramref name="rangeLength"/>
    /// indices covering [0, <paramref name="count"/>); the split depends only on the two lengths, never on the
    /// thread count.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rangeLength"/> is not positive.</exception>
    public static void ForEachRange(int maxDegreeOfParallelism, int count, int rangeLength, Action<int, int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rangeLength);
        CheckParallelism(maxDegreeOfParallelism);
        if (count <= 0) return;
        if (maxDegreeOfParallelism == 1 || count <= rangeLength)
        {
            for (var start = 0; start < count; start += rangeLength) body(start, Math.Min(count, start + rangeLength));
            return;
        }

        Parallel.ForEach(Partitioner.Create(0, count, rangeLength), Options(maxDegreeOfParallelism), range => body(range.Item1, range.Item2));
    }

    /// <summary>
    /// How many rows run at once under <paramref name="maxDegreeOfParallelism"/> on this machine: the cap, at most
    /// the processor count, or the processor count for -1. For kernels that split work into one part per worker
    /// (a choice of speed only: their results must not depend on it).
    /// </summary>
    public static int Workers(int maxDegreeOfParallelism)
    {
        CheckParallelism(maxDegreeOfParallelism);
        return maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : Math.Min(maxDegreeOfParallelism, Environment.ProcessorCount);
    }

    /// <summary>Throws unless <paramref name="maxDegreeOfParallelism"/> is -1 or positive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">0 or below -1.</exception>
    public static void CheckParallelism(int maxDegreeOfParallelism)
    {
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "use -1 (no limit) or a positive count");
    }

    private static ParallelOptions Options(int maxDegreeOfParallelism) => new() { MaxDegreeOfParallelism = maxDegreeOfParallelism };
}
