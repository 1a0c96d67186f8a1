using System.Runtime.CompilerServices;

namespace Ebm.Functional.Prng;

/// <summary>
/// An explicit, immutable, counter-based random key (Philox4x32-10 with a 64-bit key).
/// </summary>
/// <remarks>
/// <para>Every draw is a pure function of (key, index): draw j of a key reads Philox block
/// (j mod 2^32, j div 2^32, 0, 0), so a buffer may be filled in any order, in parallel, and
/// gives the same bits. Keys for sub-computations are derived, never reused:
/// <see cref="Split()"/> gives two children, <see cref="FoldIn"/> a child per index
/// (chain i uses <c>root.FoldIn(i)</c>, step t uses <c>key.FoldIn(t)</c>).</para>
/// <para>Derivations read blocks whose fourth counter word is a non-zero domain tag, so they
/// never coincide with a draw block (whose third and fourth words are zero).</para>
/// <example><code>
/// var root = RngKey.FromSeed(42);
/// var (initKey, runKey) = root.Split();
/// var u = new double[1000];
/// initKey.Uniform(u);          // u[j] depends only on (initKey, j)
/// </code></example>
/// </remarks>
public readonly record struct RngKey(uint K0, uint K1)
{
    private const uint SeedTag = 0x5EED0001;
    private const uint SplitTag = 0x5B1D0002;
    private const uint FoldTag = 0xF01D0003;

    /// <summary>The root key of a seeded computation.</summary>
    public static RngKey FromSeed(ulong seed)
    {
        var (x0, x1, _, _) = Philox.Block((uint)seed, (uint)(seed >> 32), 0, SeedTag, 0, 0);
        return new RngKey(x0, x1);
    }

    /// <summary>Two independent children; the parent should not be used afterwards.</summary>
    public (RngKey Left, RngKey Right) Split()
    {
        var (x0, x1, x2, x3) = Philox.Block(0, 0, 0, SplitTag, K0, K1);
        return (new RngKey(x0, x1), new RngKey(x2, x3));
    }

    /// <summary><paramref name="count"/> independent children.</summary>
    public RngKey[] Split(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var children = new RngKey[count];
        for (var i = 0; i < count; i++)
        {
            var (x0, x1, _, _) = Philox.Block((uint)i, 1, 0, SplitTag, K0, K1);
            children[i] = new RngKey(x0, x1);
        }

        return children;
    }

    /// <summary>The child for <paramref name="data"/> (a chain index, a step number).</summary>
    public RngKey FoldIn(long data)
    {
        var (x0, x1, _, _) = Philox.Block((uint)data, (uint)((ulong)data >> 32), 0, FoldTag, K0, K1);
        return new RngKey(x0, x1);
    }

    /// <summary>The raw 128-bit block for draw index <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (uint X0, uint X1, uint X2, uint X3) Bits(long index) =>
        Philox.Block((uint)index, (uint)((ulong)index >> 32), 0, 0, K0, K1);

    /// <summary>Uniform draw number <paramref name="index"/> in [0, 1), with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double UniformAt(long index)
    {
        var (x0, x1, _, _) = Bits(index);
        return ToUnit(x0, x1);
    }

    /// <summary>Standard normal draw number <paramref name="index"/> (Box-Muller on the block's two uniforms).</summary>
    public double NormalAt(long index)
    {
        var (x0, x1, x2, x3) = Bits(index);
        var u1 = 1.0 - ToUnit(x0, x1); // (0, 1]: log is finite
        var u2 = ToUnit(x2, x3);
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Fills <paramref name="destination"/>[j] with <see cref="UniformAt"/>(offset + j).</summary>
    public void Uniform(Span<double> destination, long offset = 0)
    {
        if (offset >= 0)
        {
            BulkDraws.Uniforms(this, offset, destination);
            return;
        }

        for (var j = 0; j < destination.Length; j++) destination[j] = UniformAt(offset + j);
    }

    /// <summary>Fills <paramref name="destination"/>[j] with <see cref="NormalAt"/>(offset + j).</summary>
    public void Normal(Span<double> destination, long offset = 0)
    {
        for (var j = 0; j < destination.Length; j++) destination[j] = NormalAt(offset + j);
    }

    /// <summary>Fills destination[j] with 1 when uniform j &lt; probabilities[j], else 0.</summary>
    public void Bernoulli(ReadOnlySpan<double> probabilities, Span<double> destination, long offset = 0)
    {
        if (destination.Length != probabilities.Length)
            throw new ArgumentException("destination and probabilities differ in length", nameof(destination));
        for (var j = 0; j < destination.Length; j++) destination[j] = UniformAt(offset + j) < probabilities[j] ? 1.0 : 0.0;
    }

    /// <summary>
    /// Draws destination[r] from the categorical distribution with row r of <paramref name="logits"/>
    /// (row-major, <paramref name="categories"/> per row) by inverting its CDF with uniform r.
    /// </summary>
    /// <remarks>
    /// <para>P(destination[r] = c) = exp(l_rc) / sum_c' exp(l_rc'), evaluated as exp(l_rc - max_c' l_rc')
    /// so no exponential overflows. A logit of -infinity is a category of probability zero and is
    /// never drawn.</para>
    /// <para>Throws <see cref="ArgumentException"/> (a programmer error: validate user input first)
    /// when the shapes disagree, when a logit is NaN or +infinity, or when every logit of a row is
    /// -infinity (no category has positive probability).</para>
    /// </remarks>
    public void Categorical(ReadOnlySpan<double> logits, int categories, Span<int> destination, long offset = 0)
    {
        if (categories <= 0 || logits.Length != (long)destination.Length * categories)
            throw new ArgumentException("logits must hold destination.Length rows of categories values", nameof(logits));
        for (var r = 0; r < destination.Length; r++)
        {
            var row = logits.Slice(r * categories, categories);
            var max = RowMaximum(row, r);
            destination[r] = InvertCdf(row, max, UniformAt(offset + r));
        }
    }

    private static int InvertCdf(ReadOnlySpan<double> row, double max, double uniform)
    {
        var total = 0.0;
        foreach (var l in row) total += Math.Exp(l - max);

        // The maximum contributes exp(0) = 1, so total >= 1, and uniform <= 1 - 2^-53 makes
        // target < total after rounding. The cumulative sum repeats the total's additions in the same
        // order, so it reaches total exactly: the loop returns, and never on a zero-weight category
        // (adding zero cannot lift the cumulative sum above the target).
        var target = uniform * total;
        var cumulative = 0.0;
        for (var c = 0; c < row.Length; c++)
        {
            cumulative += Math.Exp(row[c] - max);
            if (target < cumulative) return c;
        }

        throw new InvalidOperationException("the cumulative sum of the weights fell short of their total");
    }

    private static double RowMaximum(ReadOnlySpan<double> row, int rowIndex)
    {
        var max = double.NegativeInfinity;
        foreach (var l in row)
        {
            if (double.IsNaN(l) || double.IsPositiveInfinity(l))
                throw new ArgumentException(
                    $"logits row {rowIndex} holds {(double.IsNaN(l) ? "NaN" : "+infinity")}; logits must be finite or -infinity", "logits");
            max = Math.Max(max, l);
        }

        if (double.IsNegativeInfinity(max))
            throw new ArgumentException($"logits row {rowIndex} is -infinity everywhere: no category has positive probability", "logits");
        return max;
    }

    /// <summary>The top 53 bits of (hi, lo) scaled by 2^-53: a multiple of 2^-53 in [0, 1 - 2^-53].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ToUnit(uint hi, uint lo) => ((((ulong)hi << 32) | lo) >> 11) * (1.0 / 9007199254740992.0);
}
