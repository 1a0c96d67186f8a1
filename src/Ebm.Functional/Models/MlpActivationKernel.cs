using System.Numerics;
using System.Numerics.Tensors;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>
/// An <see cref="MlpActivation"/> and its first three derivatives on spans of pre-activations, one SIMD vector of
/// them at a time, with one exponential per element for all four.
/// </summary>
/// <remarks>
/// <para>With e = exp(-|z|), s = sigmoid(z) and q = sigmoid(-z) = 1 - s are both e / (1 + e) or 1 / (1 + e), so neither
/// loses its digits to 1 - s when s is near 1, and no exponential of a positive number is taken:
/// softplus = max(z, 0) + log1p(e), softplus' = s, softplus'' = s q, softplus''' = s q (q - s);
/// silu = z s, silu' = s (1 + z q), silu'' = s q (2 + z (q - s)), silu''' = s q (3 (q - s) + z (1 - 6 s q));
/// tanh (from <c>TensorPrimitives.Tanh</c>) = t, tanh' = (1 - t)(1 + t) =: g, tanh'' = -2 t g, tanh''' = g (4 - 6 g).</para>
/// <para>log1p(e) for e in (0, 1] is <see cref="LogSpace"/>'s, to about one ulp without a general logarithm, as in
/// <see cref="LogSpace.Softplus(double)"/>.</para>
/// <para>Each element's result depends only on its value: the ragged end is one more full vector overlapping the
/// previous one, and a span shorter than a vector is padded, so a row gives the same bits in any batch.</para>
/// </remarks>
internal static class MlpActivationKernel
{
    /// <summary>
    /// values = act(z); first, second and third = act', act'' and act''' at z, each skipped when empty. All spans but the
    /// empty ones have the length of z and none overlaps z.
    /// </summary>
    public static void Evaluate(
        MlpActivation activation, ReadOnlySpan<double> z, Span<double> values, Span<double> first, Span<double> second, Span<double> third)
    {
        int n = z.Length, width = Vector<double>.Count;
        if (n == 0) return;
        if (n < width)
        {
            EvaluatePadded(activation, z, values, first, second, third);
            return;
        }

        if (activation == MlpActivation.Tanh) TensorPrimitives.Tanh(z, values);
        for (var i = 0; i + width <= n; i += width) Block(activation, z, values, first, second, third, i);
        if (n % width != 0) Block(activation, z, values, first, second, third, n - width);
    }

    private static void EvaluatePadded(
        MlpActivation activation, ReadOnlySpan<double> z, Span<double> values, Span<double> first, Span<double> second, Span<double> third)
    {
        var width = Vector<double>.Count;
        Span<double> padded = stackalloc double[5 * width];
        padded.Clear();
        z.CopyTo(padded);
        Evaluate(activation, padded[..width], padded.Slice(width, width), padded.Slice(2 * width, width),
            second.IsEmpty ? [] : padded.Slice(3 * width, width), third.IsEmpty ? [] : padded.Slice(4 * width, width));
        var n = z.Length;
        padded.Slice(width, n).CopyTo(values);
        if (!first.IsEmpty) padded.Slice(2 * width, n).CopyTo(first);
        if (!second.IsEmpty) padded.Slice(3 * width, n).CopyTo(second);
        if (!third.IsEmpty) padded.Slice(4 * width, n).CopyTo(third);
    }

    private static void Block(
        MlpActivation activation, ReadOnlySpan<double> zs, Span<double> values, Span<double> first, Span<double> second, Span<double> third, int i)
    {
        var width = Vector<double>.Count;
        var z = new Vector<double>(zs.Slice(i, width));
        if (activation == MlpActivation.Tanh)
        {
            if (first.IsEmpty) return;
            var t = new Vector<double>(values.Slice(i, width));
            var g = (Vector<double>.One - t) * (Vector<double>.One + t);
            g.CopyTo(first.Slice(i, width));
            if (!second.IsEmpty) (new Vector<double>(-2.0) * t * g).CopyTo(second.Slice(i, width));
            if (!third.IsEmpty) (g * (new Vector<double>(4.0) - new Vector<double>(6.0) * g)).CopyTo(third.Slice(i, width));
            return;
        }

        var e = Vector.Exp(-Vector.Abs(z));
        var u = Vector<double>.One + e;
        var nonNegative = Vector.GreaterThanOrEqual(z, Vector<double>.Zero);
        var s = Vector.ConditionalSelect(nonNegative, Vector<double>.One, e) / u;
        var q = Vector.ConditionalSelect(nonNegative, e, Vector<double>.One) / u;
        var sq = s * q;
        if (activation == MlpActivation.Softplus)
        {
            (Vector.Max(z, Vector<double>.Zero) + LogSpaceFunctions.Log1pOfSmall(e)).CopyTo(values.Slice(i, width));
            if (!first.IsEmpty) s.CopyTo(first.Slice(i, width));
            if (!second.IsEmpty) sq.CopyTo(second.Slice(i, width));
            if (!third.IsEmpty) (sq * (q - s)).CopyTo(third.Slice(i, width));
            return;
        }

        (z * s).CopyTo(values.Slice(i, width));
        if (!first.IsEmpty) (s * (Vector<double>.One + z * q)).CopyTo(first.Slice(i, width));
        if (!second.IsEmpty) (sq * (new Vector<double>(2.0) + z * (q - s))).CopyTo(second.Slice(i, width));
        if (!third.IsEmpty)
            (sq * (new Vector<double>(3.0) * (q - s) + z * (Vector<double>.One - new Vector<double>(6.0) * sq))).CopyTo(third.Slice(i, width));
    }
}
