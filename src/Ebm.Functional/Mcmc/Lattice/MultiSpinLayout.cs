using System.Numerics;
using System.Runtime.CompilerServices;
using Ebm.Functional.Models;

namespace Ebm.Functional.Mcmc.Lattice;

/// <summary>
/// Where each spin of a periodic L x M lattice (L, M even) lives in the multi-spin coded words of one chain.
/// </summary>
/// <remarks>
/// <para>Colour g of site (r, c) is (r + c) mod 2, the checkerboard. Each lattice row holds K = M / 2 sites of each
/// colour; the colour-g sites of row r are packed, bit k for column c = 2k + ((r + g) mod 2), into W = ceil(K / 64)
/// consecutive words (bit set = spin +1; bits at and above K in the last word stay 0). A chain is the 2 L W words of
/// colour 0 row by row, then those of colour 1.</para>
/// <para>Neighbours of the colour-g site at bit k of row r, all of the other colour: up and down are bit k of rows
/// r - 1 and r + 1; the horizontal ones are bit k of row r and one more, bit k - 1 when (r + g) is even (column
/// c - 1) or bit k + 1 when odd (column c + 1), cyclically in [0, K). So a whole word's neighbours are three aligned
/// words and one shifted by one bit across the row, with the row's wrap-around; a side of 2 gives the same neighbour
/// twice, as the model's energy counts that pair twice.</para>
/// </remarks>
internal sealed class MultiSpinLayout
{
    public MultiSpinLayout(IsingModel model)
    {
        Rows = model.Rows;
        Columns = model.Columns;
        Sites = Rows * Columns;
        Half = Columns / 2;
        WordsPerRow = (Half + 63) / 64;
        LastWordMask = Half % 64 == 0 ? ulong.MaxValue : (1UL << (Half % 64)) - 1;
        WordsPerColour = Rows * WordsPerRow;
        WordsPerChain = 2 * WordsPerColour;
    }

    public int Rows { get; }

    public int Columns { get; }

    public int Sites { get; }

    /// <summary>Sites of one colour in one row, K = M / 2.</summary>
    public int Half { get; }

    /// <summary>Words per colour row, W = ceil(K / 64).</summary>
    public int WordsPerRow { get; }

    /// <summary>The bits of the last word of a colour row that hold sites.</summary>
    public ulong LastWordMask { get; }

    public int WordsPerColour { get; }

    public int WordsPerChain { get; }

    /// <summary>Whether the kernel supports <paramref name="model"/>: periodic with even sides.</summary>
    public static bool Supports(IsingModel model) =>
        model.Boundary == Boundary.Periodic && model.Rows % 2 == 0 && model.Columns % 2 == 0;

    /// <summary>Index, within a chain, of word j of colour <paramref name="colour"/>'s row <paramref name="row"/>.</summary>
    public int RowStart(int colour, int row) => colour * WordsPerColour + row * WordsPerRow;

    /// <summary>Word j of a colour row with element k holding element k - 1 (cyclic in [0, K)); bits above K are garbage.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong FromPrevious(ReadOnlySpan<ulong> row, int j, int half) =>
        (row[j] << 1) | (j > 0 ? row[j - 1] >> 63 : (row[^1] >> ((half - 1) & 63)) & 1UL);

    /// <summary>Word j of a colour row with element k holding element k + 1 (cyclic in [0, K)); needs zero padding above K.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong FromNext(ReadOnlySpan<ulong> row, int j, int half) =>
        (row[j] >> 1) | (j < row.Length - 1 ? row[j + 1] << 63 : (row[0] & 1UL) << ((half - 1) & 63));

    /// <summary>Packs one chain's N spins (+1/-1, row-major) into its words; other entries are a programmer error.</summary>
    public void Pack(ReadOnlySpan<double> spins, Span<ulong> words, int chain)
    {
        words.Clear();
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Columns; c++)
            {
                var value = spins[r * Columns + c];
                if (value != 1.0 && value != -1.0)
                    throw new ArgumentException($"spin {r * Columns + c} of chain {chain} is {value}, not +1 or -1", nameof(spins));
                if (value > 0) words[Word(r, c)] |= 1UL << Bit(c);
            }
        }
    }

    /// <summary>The spin (+1/-1) of site (r, c) in one chain's words.</summary>
    public int Spin(ReadOnlySpan<ulong> words, int r, int c) => ((words[Word(r, c)] >> Bit(c)) & 1UL) == 1UL ? 1 : -1;

    /// <summary>
    /// B = sum over each site's right and down bond term of s_i s_j, and M = sum_i s_i, of one chain, from the words:
    /// a site's right neighbour is the aligned word of the other colour (even r + g) or the one shifted from bit
    /// k + 1 (odd), its down neighbour the aligned word of the next row.
    /// </summary>
    public (long Bonds, long Magnetisation) Totals(ReadOnlySpan<ulong> words)
    {
        long agreements = 0, up = 0;
        for (var g = 0; g < 2; g++)
        {
            for (var r = 0; r < Rows; r++)
            {
                var row = words.Slice(RowStart(g, r), WordsPerRow);
                var other = words.Slice(RowStart(1 - g, r), WordsPerRow);
                var below = words.Slice(RowStart(1 - g, (r + 1) % Rows), WordsPerRow);
                var odd = ((r + g) & 1) == 1;
                for (var j = 0; j < WordsPerRow; j++)
                {
                    var mask = j == WordsPerRow - 1 ? LastWordMask : ulong.MaxValue;
                    var right = odd ? FromNext(other, j, Half) : other[j];
                    agreements += BitOperations.PopCount(~(row[j] ^ right) & mask) + BitOperations.PopCount(~(row[j] ^ below[j]) & mask);
                    up += BitOperations.PopCount(row[j]);
                }
            }
        }

        // Each of the 2N bond terms is +1 when its spins agree and -1 otherwise.
        return (2 * agreements - 2L * Sites, 2 * up - Sites);
    }

    private int Word(int r, int c) => RowStart((r + c) & 1, r) + (c >> 1) / 64;

    private static int Bit(int c) => (c >> 1) % 64;
}
