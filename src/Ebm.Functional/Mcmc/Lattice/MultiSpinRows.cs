using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>
/// The bitwise update of the rows of one colour of one chain: the neighbour agreements of 64 sites counted by a
/// bit-sliced adder, the site classes as masks, and each site's flip decided by comparing its uniform, read one bit
/// plane at a time, with its class's exact flip probability.
/// </summary>
/// <remarks>
/// <para>Uniforms: site i of a word has U_i = sum_p b_p[i] 2^-(p+1), where b_p is the word's random bit plane p.
/// Comparing U_i with t = sum_p t_p 2^-(p+1) from the top plane down, the first plane where b_p[i] differs from
/// t_p decides: U_i &lt; t exactly when that plane has t_p = 1 and b_p[i] = 0 (Knuth and Yao 1976). A word stops
/// reading planes once no site is undecided, after log2(64) + 1.3 planes on average: eight planes are drawn in bulk,
/// deeper ones only for the words that need them (about one in five at W3), so a site costs about 8 random bits, not
/// 32, and the flip probability is the double p itself, not p rounded to a multiple of 2^-32.</para>
/// <para>Draws: word w (w = r W + j within the colour) reads planes 0..7 from blocks offset + 4w .. offset + 4w + 3
/// of the chain key (plane 2q + e from words 2e, 2e + 1 of block q), and plane p &gt;= 8 from block
/// 1024 (g WL + w) + (p - 8) / 2 of the chain key folded with <see cref="DeepStream"/>: a pure function of the
/// word, so any split of the rows among threads gives the same bits.</para>
/// </remarks>
internal static class MultiSpinRows
{
    /// <summary>The fold-in of a chain key whose draws serve plane 8 and deeper.</summary>
    public const long DeepStream = 1;

    /// <summary>Planes drawn in bulk per word: four Philox blocks.</summary>
    public const int BulkPlanes = 8;

    /// <summary>Totals slots: flips, sum of a over flips, flips of +1 spins, sites that flip for sure; then one count per value.</summary>
    public const int FirstValueCount = 4;

    private const int TileWords = 64;
    private const int DeepBlocksPerWord = 1024;

    /// <summary>
    /// Updates rows [<paramref name="firstRow"/>, <paramref name="endRow"/>) of colour <paramref name="colour"/> in
    /// place and adds to <paramref name="totals"/> (length <see cref="FirstValueCount"/> + values).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Update(
        RngKey chainKey, Span<ulong> chain, MultiSpinLayout layout, MultiSpinThresholds thresholds, int colour, int firstRow, int endRow, Span<long> totals)
    {
        var width = layout.WordsPerRow;
        var half = layout.Half;
        var rowsPerTile = Math.Max(1, TileWords / width);
        // Two 32-bit words per plane; a tile holds at most TileWords words, since a row has at most 32 (M <= 4096).
        Span<uint> draws = stackalloc uint[TileWords * 2 * BulkPlanes];
        ref var planes = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<uint, ulong>(draws));
        var deepKey = chainKey.FoldIn(DeepStream);
        var colourBlocks = (long)colour * layout.WordsPerColour * (BulkPlanes / 2);
        var slotOfClass = thresholds.SlotOfClass;
        int down0 = slotOfClass[0], down1 = slotOfClass[1], down2 = slotOfClass[2], down3 = slotOfClass[3], down4 = slotOfClass[4];
        int up0 = slotOfClass[5], up1 = slotOfClass[6], up2 = slotOfClass[7], up3 = slotOfClass[8], up4 = slotOfClass[9];
        var values = thresholds.Values.Length;
        var slotCount = thresholds.Slots;
        Span<ulong> slotSpan = stackalloc ulong[slotCount];
        Span<long> valueCounts = stackalloc long[values];
        ref var slots = ref MemoryMarshal.GetReference(slotSpan);
        long flips = 0, agreeSum = 0, upFlips = 0, always = 0;
        for (var tile = firstRow; tile < endRow; tile += rowsPerTile)
        {
            var tileEnd = Math.Min(endRow, tile + rowsPerTile);
            var tileWords = (tileEnd - tile) * width;
            BulkDraws.Words(chainKey, colourBlocks + (long)tile * width * (BulkPlanes / 2), draws[..(tileWords * 2 * BulkPlanes)]);
            for (var r = tile; r < tileEnd; r++)
            {
                var row = chain.Slice(layout.RowStart(colour, r), width);
                ReadOnlySpan<ulong> other = chain.Slice(layout.RowStart(1 - colour, r), width);
                ReadOnlySpan<ulong> above = chain.Slice(layout.RowStart(1 - colour, r == 0 ? layout.Rows - 1 : r - 1), width);
                ReadOnlySpan<ulong> below = chain.Slice(layout.RowStart(1 - colour, r == layout.Rows - 1 ? 0 : r + 1), width);
                var fromPrevious = ((r + colour) & 1) == 0;
                for (var j = 0; j < width; j++)
                {
                    var x = row[j];
                    var valid = j == width - 1 ? layout.LastWordMask : ulong.MaxValue;
                    var sideways = fromPrevious ? MultiSpinLayout.FromPrevious(other, j, half) : MultiSpinLayout.FromNext(other, j, half);
                    var (b0, b1, b2) = AgreementCount(~(x ^ other[j]), ~(x ^ sideways), ~(x ^ above[j]), ~(x ^ below[j]));
                    ulong n0 = ~b0, n1 = ~b1, down = ~x & valid;
                    ulong a0 = ~b2 & n1 & n0, a1 = ~b2 & n1 & b0, a2 = ~b2 & b1 & n0, a3 = ~b2 & b1 & b0;
                    for (var k = 0; k < slotCount; k++) Unsafe.Add(ref slots, k) = 0UL;
                    Unsafe.Add(ref slots, down0) |= a0 & down;
                    Unsafe.Add(ref slots, down1) |= a1 & down;
                    Unsafe.Add(ref slots, down2) |= a2 & down;
                    Unsafe.Add(ref slots, down3) |= a3 & down;
                    Unsafe.Add(ref slots, down4) |= b2 & down;
                    Unsafe.Add(ref slots, up0) |= a0 & x;
                    Unsafe.Add(ref slots, up1) |= a1 & x;
                    Unsafe.Add(ref slots, up2) |= a2 & x;
                    Unsafe.Add(ref slots, up3) |= a3 & x;
                    Unsafe.Add(ref slots, up4) |= b2 & x;
                    var word = (r - tile) * width + j;
                    var flip = Decide(ref slots, thresholds, ref Unsafe.Add(ref planes, word * BulkPlanes), deepKey, (long)colour * layout.WordsPerColour + r * width + j);
                    row[j] = x ^ flip;
                    flips += BitOperations.PopCount(flip);
                    agreeSum += BitOperations.PopCount(flip & b0) + 2 * BitOperations.PopCount(flip & b1) + 4 * BitOperations.PopCount(flip & b2);
                    upFlips += BitOperations.PopCount(flip & x);
                    always += BitOperations.PopCount(Unsafe.Add(ref slots, MultiSpinThresholds.AlwaysSlot));
                    for (var v = 0; v < values; v++) valueCounts[v] += BitOperations.PopCount(Unsafe.Add(ref slots, MultiSpinThresholds.FirstValueSlot + v));
                }
            }
        }

        for (var v = 0; v < values; v++) totals[FirstValueCount + v] += valueCounts[v];
        totals[0] += flips;
        totals[1] += agreeSum;
        totals[2] += upFlips;
        totals[3] += always;
    }

    /// <summary>The three bit planes of e1 + e2 + e3 + e4 (0..4) per bit: two half adders, then a full adder of the carries.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong B0, ulong B1, ulong B2) AgreementCount(ulong e1, ulong e2, ulong e3, ulong e4)
    {
        ulong s1 = e1 ^ e2, c1 = e1 & e2, s2 = e3 ^ e4, c2 = e3 & e4;
        var c0 = s1 & s2;
        return (s1 ^ s2, c1 ^ c2 ^ c0, (c1 & c2) | (c0 & (c1 ^ c2)));
    }

    /// <summary>The flip mask of one word: the always-flip sites, and every valued site whose uniform falls below its value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Decide(ref ulong slots, MultiSpinThresholds thresholds, ref ulong bulk, RngKey deepKey, long word)
    {
        var values = thresholds.Values.Length;
        ref var valueSlots = ref Unsafe.Add(ref slots, MultiSpinThresholds.FirstValueSlot);
        ref var masks = ref MemoryMarshal.GetArrayDataReference(thresholds.PlaneMasks);
        var flip = Unsafe.Add(ref slots, MultiSpinThresholds.AlwaysSlot);
        var undecided = 0UL;
        for (var v = 0; v < values; v++) undecided |= Unsafe.Add(ref valueSlots, v);
        var lastPlane = Math.Min(thresholds.LastPlane, BulkPlanes - 1);
        for (var plane = 0; undecided != 0 && plane <= lastPlane; plane++)
        {
            var bits = Unsafe.Add(ref bulk, plane);
            var threshold = 0UL;
            ref var planeMasks = ref Unsafe.Add(ref masks, plane * values);
            for (var v = 0; v < values; v++) threshold |= Unsafe.Add(ref valueSlots, v) & Unsafe.Add(ref planeMasks, v);
            flip |= undecided & threshold & ~bits;
            undecided &= ~(threshold ^ bits);
        }

        return undecided == 0 || thresholds.LastPlane < BulkPlanes ? flip : Deeper(ref valueSlots, thresholds, deepKey, word, flip, undecided);
    }

    /// <summary>The rare words with sites still tied after the bulk planes: planes 8 and on, drawn one block (two planes) at a time.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ulong Deeper(ref ulong valueSlots, MultiSpinThresholds thresholds, RngKey deepKey, long word, ulong flip, ulong undecided)
    {
        var values = thresholds.Values.Length;
        for (var plane = BulkPlanes; undecided != 0 && plane <= thresholds.LastPlane; plane++)
        {
            var bits = DeepPlane(deepKey, word, plane);
            var threshold = 0UL;
            for (var v = 0; v < values; v++)
            {
                var set = plane < MultiSpinThresholds.TabulatedPlanes ? thresholds.PlaneMasks[plane * values + v] : (thresholds.Bit(v, plane) == 1 ? ulong.MaxValue : 0UL);
                threshold |= Unsafe.Add(ref valueSlots, v) & set;
            }

            flip |= undecided & threshold & ~bits;
            undecided &= ~(threshold ^ bits);
        }

        return flip;
    }

    private static ulong DeepPlane(RngKey deepKey, long word, int plane)
    {
        var (x0, x1, x2, x3) = deepKey.Bits(word * DeepBlocksPerWord + (plane - BulkPlanes) / 2);
        return (plane & 1) == 0 ? x0 | ((ulong)x1 << 32) : x2 | ((ulong)x3 << 32);
    }
}
