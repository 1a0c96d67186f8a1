using System.Numerics;

namespace Ebm.Functional.Models;

/// <summary>
/// The elementwise rules of <see cref="MlpJets"/> through a hidden activation, one SIMD vector at a time: the second
/// tangent forward, and the adjoints of the pre-activations backward (orders 1 and 2). The vector body and the scalar
/// tail evaluate the same expressions in the same order (no fused multiply-add), so every element has the same bits
/// wherever it falls.
/// </summary>
internal static class MlpJetRules
{
    /// <summary>ä = act''(z) ż² + act'(z) z̈ into <paramref name="destination"/>.</summary>
    public static void SecondTangent(
        ReadOnlySpan<double> first, ReadOnlySpan<double> second, ReadOnlySpan<double> dz, ReadOnlySpan<double> ddz, Span<double> destination)
    {
        int n = destination.Length, width = Vector<double>.Count, i = 0;
        for (; i + width <= n; i += width)
        {
            var d = new Vector<double>(dz[i..]);
            (new Vector<double>(second[i..]) * d * d + new Vector<double>(first[i..]) * new Vector<double>(ddz[i..])).CopyTo(destination[i..]);
        }

        for (; i < n; i++) destination[i] = second[i] * dz[i] * dz[i] + first[i] * ddz[i];
    }

    /// <summary>z̄ = ā act' + ā̇ act'' ż and z̄̇ = ā̇ act', in place of ā (<paramref name="values"/>) and ā̇ (<paramref name="tangents"/>).</summary>
    public static void FirstOrderAdjoint(
        ReadOnlySpan<double> first, ReadOnlySpan<double> second, ReadOnlySpan<double> dz, Span<double> values, Span<double> tangents)
    {
        int n = values.Length, width = Vector<double>.Count, i = 0;
        for (; i + width <= n; i += width)
        {
            var (f, t) = (new Vector<double>(first[i..]), new Vector<double>(tangents[i..]));
            (new Vector<double>(values[i..]) * f + t * new Vector<double>(second[i..]) * new Vector<double>(dz[i..])).CopyTo(values[i..]);
            (t * f).CopyTo(tangents[i..]);
        }

        for (; i < n; i++)
        {
            var t = tangents[i];
            values[i] = values[i] * first[i] + t * second[i] * dz[i];
            tangents[i] = t * first[i];
        }
    }

    /// <summary>
    /// z̄ = ā act' + ā̇ act'' ż + ā̈ (act''' ż² + act'' z̈), z̄̇ = ā̇ act' + 2 ā̈ act'' ż and z̄̈ = ā̈ act', in place of
    /// ā (<paramref name="values"/>), ā̇ (<paramref name="tangents"/>) and ā̈ (<paramref name="curvatures"/>).
    /// </summary>
    public static void SecondOrderAdjoint(
        ReadOnlySpan<double> first, ReadOnlySpan<double> second, ReadOnlySpan<double> third, ReadOnlySpan<double> dz, ReadOnlySpan<double> ddz,
        Span<double> values, Span<double> tangents, Span<double> curvatures)
    {
        int n = values.Length, width = Vector<double>.Count, i = 0;
        var two = new Vector<double>(2.0);
        for (; i + width <= n; i += width)
        {
            var (f, s, d) = (new Vector<double>(first[i..]), new Vector<double>(second[i..]), new Vector<double>(dz[i..]));
            var (t, c) = (new Vector<double>(tangents[i..]), new Vector<double>(curvatures[i..]));
            (new Vector<double>(values[i..]) * f + t * s * d + c * (new Vector<double>(third[i..]) * d * d + s * new Vector<double>(ddz[i..]))).CopyTo(values[i..]);
            (t * f + two * c * s * d).CopyTo(tangents[i..]);
            (c * f).CopyTo(curvatures[i..]);
        }

        for (; i < n; i++)
        {
            double t = tangents[i], c = curvatures[i], d = dz[i];
            values[i] = values[i] * first[i] + t * second[i] * d + c * (third[i] * d * d + second[i] * ddz[i]);
            tangents[i] = t * first[i] + 2 * c * second[i] * d;
            curvatures[i] = c * first[i];
        }
    }
}
