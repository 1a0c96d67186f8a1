using System.Numerics;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Thermo;

/// <summary>
/// The exact number of states in every bin of a two-valued <see cref="WangLandauLattice"/> (the Ising lattice), by a
/// Gray-code walk over the 2^N states: each step flips one unit and changes the integer sums by its neighbour terms.
/// </summary>
/// <remarks>
/// The states are split into 2^k blocks by their top k units (k = min(N - 16, 6), none below 17 units); each block
/// walks its low units in Gray-code order into its own counts, and the counts add up exactly in any order, so the
/// result does not depend on the thread count.
/// </remarks>
internal static class WangLandauLatticeCounts
{
    /// <summary>Most units whose states are counted.</summary>
    public const int MaxUnits = 30;

    /// <summary>States per bin (the lattice must have two values per unit and at most <see cref="MaxUnits"/> units).</summary>
    public static long[] Count(WangLandauLattice lattice, int maxDegreeOfParallelism)
    {
        var sites = lattice.Sites;
        var blockBits = Math.Clamp(sites - 16, 0, 6);
        var lowBits = sites - blockBits;
        var bins = (int)lattice.Bins;
        var counts = new long[(1 << blockBits) * bins];
        Batch.ForEachRow(maxDegreeOfParallelism, 1 << blockBits, block =>
        {
            var state = new byte[sites];
            for (var bit = 0; bit < blockBits; bit++) state[lowBits + bit] = (byte)((block >> bit) & 1);
            var (bond, field) = lattice.Sums(state);
            var mine = counts.AsSpan(block * bins, bins);
            mine[lattice.Bin(bond, field)]++;
            for (long step = 1; step < 1L << lowBits; step++)
            {
                var site = BitOperations.TrailingZeroCount(step);
                var old = state[site];
                var value = 1 - old;
                var first = 4 * site;
                for (var k = 0; k < lattice.NeighbourCounts[site]; k++)
                {
                    var neighbour = state[lattice.Neighbours[first + k]];
                    bond += lattice.Pair[value * 2 + neighbour] - lattice.Pair[old * 2 + neighbour];
                }

                field += lattice.Single[value] - lattice.Single[old];
                state[site] = (byte)value;
                mine[lattice.Bin(bond, field)]++;
            }
        });
        var total = new long[bins];
        for (var block = 0; block < 1 << blockBits; block++)
        for (var bin = 0; bin < bins; bin++)
            total[bin] += counts[block * bins + bin];
        return total;
    }
}
