using System.Numerics.Tensors;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Models;

/// <summary>
/// An <see cref="MlpActivation"/> and its first three derivatives on spans of pre-activations, the exponentials
/// through the vector kernels of <see cref="LogSpace"/>.
/// </summary>
/// <remarks>
/// Every derivative is written with s = sigmoid(z) and q = sigmoid(-z) = 1 - s computed separately, so none of them
/// loses its digits to 1 - s when s is near 1:
/// softplus' = s, softplus'' = s q, softplus''' = s q (q - s);
/// tanh' = 1 - t^2 =: g, tanh'' = -2 t g, tanh''' = g (4 - 6 g);
/// silu = z s, silu' = s (1 + z q), silu'' = s q (2 + z (q - s)), silu''' = s q (3 (q - s) + z (1 - 6 s q)).
/// </remarks>
internal static class MlpActivationKernel
{
    /// <summary>
    /// values = act(z); first, second and third = act', act'', act''' at z, each skipped when empty. All spans but the
    /// empty ones have the length of z and none overlaps z.
    /// </summary>
    public static void Evaluate(
        MlpActivation activation, ReadOnlySpan<double> z, Span<double> values, Span<double> first, Span<double> second, Span<double> third)
    {
        if (activation == MlpActivation.Tanh)
        {
            Tanh(z, values, first, second, third);
            return;
        }

        var n = z.Length;
        var s = new double[n];
        LogSpace.Sigmoid(z, s);
        var q = new double[n];
        if (activation == MlpActivation.Silu || !second.IsEmpty || !third.IsEmpty)
        {
            TensorPrimitives.Negate(z, q);
            LogSpace.Sigmoid(q, q);
        }

        if (activation == MlpActivation.Softplus) Softplus(z, s, q, values, first, second, third);
        else Silu(z, s, q, values, first, second, third);
    }

    private static void Softplus(
        ReadOnlySpan<double> z, ReadOnlySpan<double> s, ReadOnlySpan<double> q, Span<double> values, Span<double> first, Span<double> second, Span<double> third)
    {
        LogSpace.Softplus(z, values);
        if (!first.IsEmpty) s.CopyTo(first);
        if (!second.IsEmpty)
            for (var i = 0; i < z.Length; i++) second[i] = s[i] * q[i];
        if (!third.IsEmpty)
            for (var i = 0; i < z.Length; i++) third[i] = s[i] * q[i] * (q[i] - s[i]);
    }

    private static void Silu(
        ReadOnlySpan<double> z, ReadOnlySpan<double> s, ReadOnlySpan<double> q, Span<double> values, Span<double> first, Span<double> second, Span<double> third)
    {
        for (var i = 0; i < z.Length; i++) values[i] = z[i] * s[i];
        if (!first.IsEmpty)
            for (var i = 0; i < z.Length; i++) first[i] = s[i] * (1 + z[i] * q[i]);
        if (!second.IsEmpty)
            for (var i = 0; i < z.Length; i++) second[i] = s[i] * q[i] * (2 + z[i] * (q[i] - s[i]));
        if (!third.IsEmpty)
            for (var i = 0; i < z.Length; i++)
            {
                var sq = s[i] * q[i];
                third[i] = sq * (3 * (q[i] - s[i]) + z[i] * (1 - 6 * sq));
            }
    }

    private static void Tanh(ReadOnlySpan<double> z, Span<double> values, Span<double> first, Span<double> second, Span<double> third)
    {
        TensorPrimitives.Tanh(z, values);
        if (first.IsEmpty) return;
        for (var i = 0; i < z.Length; i++) first[i] = 1 - values[i] * values[i];
        if (!second.IsEmpty)
            for (var i = 0; i < z.Length; i++) second[i] = -2 * values[i] * first[i];
        if (!third.IsEmpty)
            for (var i = 0; i < z.Length; i++) third[i] = first[i] * (4 - 6 * first[i]);
    }
}
