using Ebm.Functional.Numerics;

namespace Ebm.Functional.Exact;

/// <summary>
/// Runs the blocks of an enumeration in parallel and merges their moments in block order, so the result
/// has the same bits for any number of threads.
/// </summary>
/// <remarks>
/// The partition of the state space into blocks depends only on the problem size, never on the thread
/// count; each block starts from an exactly recomputed state, and <see cref="RbmEnergyMoments.Merge"/>
/// folds the parts left to right. A block is at most <see cref="MaxBlockLength"/> Gray-code steps long, which
/// bounds the rounding an incremental update can accumulate before the next exact restart.
/// </remarks>
internal static class RbmBlockRunner
{
    /// <summary>The longest run of incremental updates between two exact restarts.</summary>
    public const long MaxBlockLength = 4096;

    private const long TargetBlocks = 256;
    private const int ProgressSteps = 1000;

    /// <summary>
    /// States per block for a space of 2^k <paramref name="states"/>: about 256 blocks, each a power of two between
    /// <paramref name="minimum"/> (a power of two) and <see cref="MaxBlockLength"/>, and never more than the space.
    /// </summary>
    public static long BlockLength(long states, long minimum) => Math.Min(states, Math.Clamp(states / TargetBlocks, minimum, MaxBlockLength));

    /// <summary>Evaluates <paramref name="block"/>(0 .. blocks-1), reporting the finished fraction, and merges in order.</summary>
    public static RbmEnergyMoments Run(int blocks, Func<int, RbmEnergyMoments> block, IProgress<double>? progress, int maxDegreeOfParallelism)
    {
        var parts = new RbmEnergyMoments[blocks];
        var finished = 0;
        Batch.ForEachRow(maxDegreeOfParallelism, blocks, i =>
        {
            parts[i] = block(i);
            var count = Interlocked.Increment(ref finished);
            if (progress is not null && (long)count * ProgressSteps / blocks != (long)(count - 1) * ProgressSteps / blocks)
                progress.Report((double)count / blocks);
        });
        var total = RbmEnergyMoments.Empty;
        foreach (var part in parts) total = total.Merge(part);
        return total;
    }

    /// <summary>The bit that changes between Gray codes t - 1 and t (t &gt;= 1): the lowest set bit of t.</summary>
    public static int GrayFlipBit(long t) => System.Numerics.BitOperations.TrailingZeroCount(t);

    /// <summary>The Gray code of <paramref name="t"/>: t XOR (t &gt;&gt; 1).</summary>
    public static long Gray(long t) => t ^ (t >> 1);
}
