using System.Numerics;

namespace Ebm.Functional.Tests.Thermo;

/// <summary>
/// The exact density of states of the L x L periodic Ising torus at zero field, counted independently of the library:
/// the number of states with bond sum B = sum_i s_i (s_right(i) + s_down(i)), as exact integers, by a site-by-site
/// transfer matrix (Beale 1996 gives the same finite-lattice g(E) from Kaufman's partition function; this count is
/// checked against Kaufman's log Z in the tests).
/// </summary>
/// <remarks>
/// The first row s_0 is fixed and the rows below are added one site at a time, keeping for each frontier (the last L
/// spins placed) the number of partial states with each partial bond sum; the last row closes on s_0. First rows related
/// by a cyclic shift or a global flip give the same counts, so one representative per orbit is walked and weighted by
/// the orbit's size. Counts per first row stay below 2^(N - L) and fit a long; the totals are BigIntegers.
/// </remarks>
internal static class IsingTorusDensity
{
    /// <summary>g(B) for B = -2N..2N (index B + 2N), N = L^2, L in 2..8.</summary>
    public static BigInteger[] BondSumCounts(int side)
    {
        if (side is < 2 or > 8) throw new ArgumentOutOfRangeException(nameof(side));
        var n = side * side;
        var range = 4 * n + 1;
        var totals = new BigInteger[range];
        var rows = 1 << side;
        var mask = rows - 1;
        var weights = new int[rows];
        for (var row = 0; row < rows; row++) weights[Representative(row, side)]++;
        for (var first = 0; first < rows; first++)
        {
            if (weights[first] == 0) continue;
            var counts = new long[rows * range];
            counts[first * range + Horizontal(first, side) + 2 * n] = 1;
            for (var site = side; site < n; site++)
            {
                var column = site % side;
                var next = new long[rows * range];
                for (var frontier = 0; frontier < rows; frontier++)
                for (var b = 0; b < range; b++)
                {
                    var count = counts[frontier * range + b];
                    if (count == 0) continue;
                    for (var bit = 0; bit <= 1; bit++)
                    {
                        var spin = Spin(bit);
                        var bond = spin * Spin((frontier >> column) & 1);
                        if (column > 0) bond += spin * Spin((frontier >> (column - 1)) & 1);
                        if (column == side - 1) bond += spin * Spin(frontier & 1);
                        var placed = (frontier & ~(1 << column)) | (bit << column);
                        next[placed * range + b + bond] += count;
                    }
                }

                counts = next;
            }

            for (var frontier = 0; frontier < rows; frontier++)
            {
                var closing = 0;
                for (var column = 0; column < side; column++) closing += Spin((frontier >> column) & 1) * Spin((first >> column) & 1);
                for (var b = 0; b < range; b++)
                {
                    var count = counts[frontier * range + b];
                    if (count != 0) totals[b + closing] += (BigInteger)count * weights[first];
                }
            }
        }

        return totals;

        int Representative(int row, int length)
        {
            var best = int.MaxValue;
            for (var shift = 0; shift < length; shift++)
            {
                var rotated = ((row << shift) | (row >> (length - shift))) & mask;
                best = Math.Min(best, Math.Min(rotated, ~rotated & mask));
            }

            return best;
        }
    }

    private static int Spin(int bit) => bit == 0 ? 1 : -1;

    private static int Horizontal(int row, int side)
    {
        var sum = 0;
        for (var column = 0; column < side; column++) sum += Spin((row >> column) & 1) * Spin((row >> ((column + 1) % side)) & 1);
        return sum;
    }
}
