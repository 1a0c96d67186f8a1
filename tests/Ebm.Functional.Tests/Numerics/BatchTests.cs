using System.Collections.Concurrent;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Tests.Numerics;

/// <summary>The parallel seam: every row exactly once, the caller's degree of parallelism obeyed, splits fixed by the lengths.</summary>
public class BatchTests
{
    public static TheoryData<int, int> Settings()
    {
        var data = new TheoryData<int, int>();
        foreach (var parallelism in new[] { -1, 1, 2, 3 })
        foreach (var count in new[] { 0, 1, 2, 97, 1000 })
            data.Add(parallelism, count);
        return data;
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void EveryRowRunsExactlyOnce(int parallelism, int count)
    {
        var visits = new int[count];

        Batch.ForEachRow(parallelism, count, i => Interlocked.Increment(ref visits[i]));

        Assert.All(visits, v => Assert.Equal(1, v));
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void EveryRowWithScratchRunsExactlyOnceAndAWorkerKeepsItsScratch(int parallelism, int count)
    {
        var visits = new int[count];
        var scratches = new ConcurrentDictionary<int[], int>(ReferenceEqualityComparer.Instance);

        Batch.ForEachRow(parallelism, count, () => new int[1], (i, scratch) =>
        {
            scratches.TryAdd(scratch, 0);
            Interlocked.Increment(ref visits[i]);
        });

        Assert.All(visits, v => Assert.Equal(1, v));
        if (parallelism == 1) Assert.True(scratches.Count <= 1);
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void RangesCoverTheIndicesInPiecesFixedByTheLengths(int parallelism, int count)
    {
        const int rangeLength = 10;
        var ranges = new ConcurrentBag<(int Start, int End)>();

        Batch.ForEachRange(parallelism, count, rangeLength, (start, end) => ranges.Add((start, end)));

        var expected = Enumerable.Range(0, (count + rangeLength - 1) / rangeLength).Select(r => (r * rangeLength, Math.Min(count, (r + 1) * rangeLength)));
        Assert.Equal(expected, ranges.OrderBy(r => r.Start));
    }

    [Fact]
    public void ParallelismOneRunsEveryRowOnTheCallingThreadInOrder()
    {
        var caller = Environment.CurrentManagedThreadId;
        var order = new List<int>();
        var threads = new List<int>();

        Batch.ForEachRow(1, 50, i =>
        {
            order.Add(i);
            threads.Add(Environment.CurrentManagedThreadId);
        });
        Batch.ForEachRange(1, 50, 7, (_, _) => threads.Add(Environment.CurrentManagedThreadId));

        Assert.Equal(Enumerable.Range(0, 50), order);
        Assert.All(threads, t => Assert.Equal(caller, t));
    }

    [Fact]
    public void NoMoreRowsRunAtOnceThanTheCallerAllows()
    {
        var running = 0;
        var most = 0;

        Batch.ForEachRow(2, 64, _ =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            Thread.SpinWait(20_000);
            Interlocked.Decrement(ref running);
        });

        Assert.InRange(most, 1, 2);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void AParallelismOtherThanMinusOneOrPositiveIsRefused(int parallelism)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Batch.ForEachRow(parallelism, 3, _ => { }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Batch.ForEachRow(parallelism, 3, () => 0, (_, _) => { }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Batch.ForEachRange(parallelism, 3, 1, (_, _) => { }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Batch.Workers(parallelism));
        Assert.Throws<ArgumentOutOfRangeException>(() => Batch.ForEachRange(1, 3, 0, (_, _) => { }));
    }

    [Fact]
    public void WorkersNeverExceedTheCallersCap()
    {
        Assert.Equal(1, Batch.Workers(1));
        Assert.InRange(Batch.Workers(2), 1, 2);
        Assert.True(Batch.Workers(-1) >= 1);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current) return;
            current = seen;
        }
    }
}
