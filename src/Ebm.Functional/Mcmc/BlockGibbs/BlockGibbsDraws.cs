using System.Runtime.CompilerServices;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Mcmc.BlockGibbs;

/// <summary>
/// The random draws of a block-Gibbs layer update, two per Philox block, and the fixed key layout that
/// makes them independent of the thread count.
/// </summary>
/// <remarks>
/// <para>Layout: in a step with key k, chain c draws its hidden layer with <c>k.FoldIn(c).FoldIn(0)</c> and
/// its visible layer with <c>k.FoldIn(c).FoldIn(1)</c>. Within a layer key, unit u reads Philox block
/// u / 2: even units take the block's first 64 bits, odd units its last 64 bits (53 of them each, as
/// <see cref="RngKey.UniformAt"/> does: <see cref="BulkDraws.PairedUniformAt"/>). Gaussian units pair the same way: Box-Muller on block u / 2
/// gives r cos(theta) to the even unit and r sin(theta) to the odd one (Box and Muller, 1958), two
/// independent standard normals.</para>
/// <para>Every draw is thus a pure function of (k, c, layer, u): rows may be filled by any thread in any
/// order and give the same bits.</para>
/// </remarks>
internal static class BlockGibbsDraws
{
    /// <summary>The key of chain <paramref name="chain"/>'s hidden-layer draws in a step with key <paramref name="step"/>.</summary>
    public static RngKey HiddenKey(RngKey step, int chain) => step.FoldIn(chain).FoldIn(0);

    /// <summary>The key of chain <paramref name="chain"/>'s visible-layer draws in a step with key <paramref name="step"/>.</summary>
    public static RngKey VisibleKey(RngKey step, int chain) => step.FoldIn(chain).FoldIn(1);

    /// <summary>destination[u] = 1 when uniform u &lt; probabilities[u], else 0 (layout in the class remarks; the bulk fill of <see cref="BulkDraws"/>).</summary>
    public static void Bernoulli(RngKey key, ReadOnlySpan<double> probabilities, Span<double> destination) =>
        BulkDraws.PairedBernoulli(key, probabilities, destination);

    /// <summary>As <see cref="Bernoulli(RngKey, ReadOnlySpan{double}, Span{double})"/> for float32 probabilities (the same uniforms).</summary>
    public static void Bernoulli(RngKey key, ReadOnlySpan<float> probabilities, Span<double> destination) =>
        BulkDraws.PairedBernoulli(key, probabilities, destination);

    /// <summary>destination[u] = standard normal u (layout in the class remarks).</summary>
    public static void Normal(RngKey key, Span<double> destination)
    {
        var n = destination.Length;
        for (var u = 0; u < n; u += 2)
        {
            var (radius, angle) = Polar(key, u / 2);
            destination[u] = radius * Math.Cos(angle);
            if (u + 1 < n) destination[u + 1] = radius * Math.Sin(angle);
        }
    }

    /// <summary>Box-Muller radius sqrt(-2 log u1), u1 in (0, 1] so the log is finite, and angle 2 pi u2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (double Radius, double Angle) Polar(RngKey key, long block)
    {
        var (x0, x1, x2, x3) = key.Bits(block);
        var u1 = 1.0 - RngKey.ToUnit(x0, x1);
        return (Math.Sqrt(-2.0 * Math.Log(u1)), 2.0 * Math.PI * RngKey.ToUnit(x2, x3));
    }
}
