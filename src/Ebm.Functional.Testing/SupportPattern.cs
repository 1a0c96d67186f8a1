using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Testing;

/// <summary>
/// The support of a square nonnegative matrix (entry (x, y) set when K(x, y) &gt; 0) as rows of bits, with the
/// Boolean product, so that questions about which powers of K are positive are answered exactly, free of the
/// underflow and rounding a floating-point power would bring.
/// </summary>
/// <remarks>
/// Terms (Horn and Johnson, "Matrix Analysis", 2nd ed. 2013, section 8.5): K is primitive when some power
/// K^m is strictly positive, which for a stochastic matrix is the same as an irreducible (every state reaches
/// every state) and aperiodic (the return times of a state have gcd 1) chain. Wielandt (1950) bounds the
/// least such m by (n - 1)^2 + 1, attained by <see cref="Wielandt"/>. A stochastic matrix has no zero row, so
/// once K^m &gt; 0 every higher power is too: squaring until the power reaches the bound decides primitivity.
/// </remarks>
public sealed class SupportPattern
{
    private readonly ulong[] _bits;
    private readonly int _words;

    private SupportPattern(int size)
    {
        Size = size;
        _words = (size + 63) / 64;
        _bits = new ulong[size * _words];
    }

    /// <summary>The number of states n.</summary>
    public int Size { get; }

    /// <summary>Wielandt's bound (n - 1)^2 + 1 on the least positive power of a primitive n x n matrix.</summary>
    public long WielandtBound => (long)(Size - 1) * (Size - 1) + 1;

    /// <summary>The support of <paramref name="k"/>: the entries that are strictly positive; a matrix that is not square fails.</summary>
    public static Fin<SupportPattern> Of(Mat k) =>
        k.Rows == k.Columns
            ? FinSucc(Above(k, 0.0))
            : FinFail<SupportPattern>(TestingErrors.InvalidInput("K", $"a {k.Rows} x {k.Columns} matrix is not square"));

    /// <summary>
    /// Wielandt's matrix of order n &gt;= 1: x -&gt; x + 1 for x &lt; n - 1, and n - 1 -&gt; 0 and n - 1 -&gt; 1. It is primitive,
    /// and its least positive power is exactly (n - 1)^2 + 1; an order below 1 fails.
    /// </summary>
    public static Fin<SupportPattern> Wielandt(int size) =>
        size >= 1
            ? FinSucc(WielandtOfOrder(size))
            : FinFail<SupportPattern>(TestingErrors.InvalidInput("size", $"{size} is not a positive order"));

    /// <summary>The entries of a square <paramref name="k"/> above <paramref name="threshold"/>.</summary>
    internal static SupportPattern Above(Mat k, double threshold)
    {
        var pattern = new SupportPattern(k.Rows);
        for (var x = 0; x < k.Rows; x++)
        for (var y = 0; y < k.Columns; y++)
            if (k[x, y] > threshold) pattern.Set(x, y);
        return pattern;
    }

    private static SupportPattern WielandtOfOrder(int size)
    {
        var pattern = new SupportPattern(size);
        for (var x = 0; x + 1 < size; x++) pattern.Set(x, x + 1);
        pattern.Set(size - 1, 0);
        pattern.Set(size - 1, Math.Min(1, size - 1));
        return pattern;
    }

    /// <summary>Whether K(x, y) &gt; 0 (false outside the matrix).</summary>
    public bool this[int x, int y] => x >= 0 && x < Size && y >= 0 && y < Size &&
        (_bits[x * _words + (y >> 6)] >> (y & 63) & 1UL) != 0;

    /// <summary>The support of the product A B (of two supports of one size).</summary>
    private SupportPattern Times(SupportPattern other)
    {
        var product = new SupportPattern(Size);
        for (var x = 0; x < Size; x++)
        {
            var row = product._bits.AsSpan(x * _words, _words);
            for (var z = 0; z < Size; z++)
            {
                if (!this[x, z]) continue;
                var through = other._bits.AsSpan(z * _words, _words);
                for (var w = 0; w < _words; w++) row[w] |= through[w];
            }
        }

        return product;
    }

    /// <summary>Whether every entry is set.</summary>
    public bool IsPositive()
    {
        for (var x = 0; x < Size; x++)
        for (var y = 0; y < Size; y++)
            if (!this[x, y]) return false;
        return true;
    }

    /// <summary>Whether some power is positive: K^(2^j) for 2^j up to the first at or above Wielandt's bound.</summary>
    public bool IsPrimitive()
    {
        var power = this;
        for (var exponent = 1L; ; exponent *= 2)
        {
            if (power.IsPositive()) return true;
            if (exponent >= WielandtBound) return false;
            power = power.Times(power);
        }
    }

    /// <summary>The least m with K^m positive, found by multiplying by K one step at a time; null when there is none.</summary>
    public long? Exponent()
    {
        var power = this;
        for (var m = 1L; m <= WielandtBound; m++)
        {
            if (power.IsPositive()) return m;
            power = power.Times(this);
        }

        return null;
    }

    /// <summary>A pair (x, y) such that y cannot be reached from x in any number of steps, or null when K is irreducible.</summary>
    public (int From, int To)? UnreachablePair()
    {
        var reach = Reachability();
        for (var x = 0; x < Size; x++)
        for (var y = 0; y < Size; y++)
            if (!reach[x, y]) return (x, y);
        return null;
    }

    /// <summary>
    /// The period of an irreducible K: the gcd of the cycle lengths, computed as the gcd over all edges
    /// x -&gt; y of level(x) + 1 - level(y), with levels the breadth-first distances from state 0.
    /// </summary>
    public int Period()
    {
        if (Size == 0) return 1;
        var level = new int[Size];
        System.Array.Fill(level, -1);
        level[0] = 0;
        var queue = new Queue<int>([0]);
        while (queue.Count > 0)
        {
            var x = queue.Dequeue();
            for (var y = 0; y < Size; y++)
            {
                if (!this[x, y] || level[y] >= 0) continue;
                level[y] = level[x] + 1;
                queue.Enqueue(y);
            }
        }

        var period = 0;
        for (var x = 0; x < Size; x++)
        for (var y = 0; y < Size; y++)
            if (this[x, y] && level[x] >= 0 && level[y] >= 0) period = Gcd(period, Math.Abs(level[x] + 1 - level[y]));
        return period;
    }

    /// <summary>The support of I + K + K^2 + ...: squaring I + K until it stops changing.</summary>
    private SupportPattern Reachability()
    {
        var reach = new SupportPattern(Size);
        System.Array.Copy(_bits, reach._bits, _bits.Length);
        for (var x = 0; x < Size; x++) reach.Set(x, x);
        while (true)
        {
            var next = reach.Times(reach);
            if (next._bits.AsSpan().SequenceEqual(reach._bits)) return reach;
            reach = next;
        }
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    private void Set(int x, int y) => _bits[x * _words + (y >> 6)] |= 1UL << (y & 63);
}
