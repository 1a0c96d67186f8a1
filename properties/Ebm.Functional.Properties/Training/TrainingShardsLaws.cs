using Ebm.Functional.Prng;
using Ebm.Functional.Training;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Training;

/// <summary>
/// Laws of the fixed shard layout of data-parallel training (<see cref="TrainingShards"/>): the layout is a function of
/// the minibatch's size alone; the shards cover the rows in order without gaps or overlaps, all full but the last; the
/// chains are cut into consecutive, non-empty slices covering them all whenever there are at least as many chains as
/// shards; a minibatch of one shard keeps the step's key, several shards get distinct keys.
/// </summary>
public class TrainingShardsLaws
{
    [Property(MaxTest = 300)]
    public bool The_shards_cover_the_rows_in_order_all_full_but_the_last(int seed)
    {
        var rows = Rows(seed);
        var count = TrainingShards.Count(rows);
        var next = 0;
        for (var s = 0; s < count; s++)
        {
            var (start, size) = TrainingShards.Rows(rows, s);
            if (start != next || size < 1 || size > TrainingShards.Size || (s < count - 1 && size != TrainingShards.Size)) return false;
            next = start + size;
        }

        return next == rows && count == (rows + TrainingShards.Size - 1) / TrainingShards.Size;
    }

    [Property(MaxTest = 300)]
    public bool The_chains_are_cut_into_non_empty_consecutive_slices_when_there_are_enough(int seed, int extra)
    {
        var rows = Rows(seed);
        var count = TrainingShards.Count(rows);
        var chains = count + (int)((uint)extra % 5000);
        var next = 0;
        for (var s = 0; s < count; s++)
        {
            var (start, size) = TrainingShards.Chains(rows, chains, s);
            if (start != next || size < 1) return false;
            next = start + size;
        }

        return next == chains;
    }

    [Property(MaxTest = 100)]
    public bool As_many_chains_as_rows_are_cut_as_the_rows(int seed)
    {
        var rows = Rows(seed);
        return Enumerable.Range(0, TrainingShards.Count(rows)).All(s => TrainingShards.Chains(rows, rows, s) == TrainingShards.Rows(rows, s));
    }

    [Property(MaxTest = 100)]
    public bool One_shard_keeps_the_steps_key_and_several_get_distinct_keys(int seed, uint k0, uint k1)
    {
        var rows = Rows(seed);
        var key = new RngKey(k0, k1);
        var count = TrainingShards.Count(rows);
        var keys = Enumerable.Range(0, count).Select(s => TrainingShards.Key(key, rows, s)).ToArray();
        return count == 1 ? keys[0] == key : keys.Distinct().Count() == count && keys.All(k => k == key.FoldIn(Array.IndexOf(keys, k)));
    }

    /// <summary>A minibatch size from 1 to 20,000 (up to 20 shards), with the sizes around shard boundaries often.</summary>
    private static int Rows(int seed)
    {
        var r = (int)((uint)seed % 20_000) + 1;
        return (uint)seed % 3 == 0 ? Math.Max(1, (r % 20) * TrainingShards.Size + (r % 3) - 1) : r;
    }
}
