using System.Runtime.Intrinsics;

namespace Ebm.Functional.Training;

/// <summary>The in-place SGD updates of a fused run: θ ← θ + s · g, finiteness checked; float32 parameters rounded after each.</summary>
internal static partial class ContrastiveKernel
{
    /// <summary>
    /// theta += scale · gradient in one pass, false (theta partly updated) when a result is not finite: each element is the
    /// product rounded, then the sum rounded (no fused multiply-add), as two separate passes would give, bit for bit.
    /// </summary>
    private static bool Descend(Span<double> theta, ReadOnlySpan<double> gradient, double scale)
    {
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var s = Vector512.Create(scale);
            var bad = Vector512<double>.Zero;
            for (; i + 8 <= theta.Length; i += 8)
            {
                var next = Vector512.Create(theta.Slice(i, 8)) + Vector512.Create(gradient.Slice(i, 8)) * s;
                bad |= next - next;
                next.CopyTo(theta.Slice(i, 8));
            }

            if (bad.AsUInt64() != Vector512<ulong>.Zero) return false;
        }

        if (Vector256.IsHardwareAccelerated)
        {
            var s = Vector256.Create(scale);
            var bad = Vector256<double>.Zero;
            for (; i + 4 <= theta.Length; i += 4)
            {
                var next = Vector256.Create(theta.Slice(i, 4)) + Vector256.Create(gradient.Slice(i, 4)) * s;
                bad |= next - next;
                next.CopyTo(theta.Slice(i, 4));
            }

            if (bad.AsUInt64() != Vector256<ulong>.Zero) return false;
        }

        for (; i < theta.Length; i++)
        {
            var product = gradient[i] * scale;
            var x = theta[i] + product;
            if (!double.IsFinite(x)) return false;
            theta[i] = x;
        }

        return true;
    }

    /// <summary>
    /// The float32 parameters' update in one pass: per lane θ + s · g in double (θ from <paramref name="start"/> when it is
    /// given, else the float32 weights widened; g widened; the product rounded, then the sum, no fused multiply-add, so the
    /// bits are those of the trainer's step on every vector width), rounded to float32 into <paramref name="weights"/>;
    /// whether every rounded value is finite. It reads the weights and the gradient and writes the weights: 12 bytes of
    /// memory traffic per weight, against 28 for float64 master weights with a float32 copy.
    /// </summary>
    private static bool DescendSingle(Span<float> weights, ReadOnlySpan<double> start, ReadOnlySpan<float> gradient, double scale)
    {
        var fromStart = !start.IsEmpty;
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var s = Vector512.Create(scale);
            var bad = Vector512<float>.Zero;
            for (; i + 16 <= weights.Length; i += 16)
            {
                var (low, high) = Vector512.Widen(Vector512.Create(gradient.Slice(i, 16)));
                var (thetaLow, thetaHigh) = fromStart
                    ? (Vector512.Create(start.Slice(i, 8)), Vector512.Create(start.Slice(i + 8, 8)))
                    : Vector512.Widen(Vector512.Create(weights.Slice(i, 16)));
                var next = Vector512.Narrow(thetaLow + low * s, thetaHigh + high * s);
                bad |= next - next;
                next.CopyTo(weights.Slice(i, 16));
            }

            if (bad.AsUInt32() != Vector512<uint>.Zero) return false;
        }

        if (Vector256.IsHardwareAccelerated)
        {
            var s = Vector256.Create(scale);
            var bad = Vector256<float>.Zero;
            for (; i + 8 <= weights.Length; i += 8)
            {
                var (low, high) = Vector256.Widen(Vector256.Create(gradient.Slice(i, 8)));
                var (thetaLow, thetaHigh) = fromStart
                    ? (Vector256.Create(start.Slice(i, 4)), Vector256.Create(start.Slice(i + 4, 4)))
                    : Vector256.Widen(Vector256.Create(weights.Slice(i, 8)));
                var next = Vector256.Narrow(thetaLow + low * s, thetaHigh + high * s);
                bad |= next - next;
                next.CopyTo(weights.Slice(i, 8));
            }

            if (bad.AsUInt32() != Vector256<uint>.Zero) return false;
        }

        for (; i < weights.Length; i++)
        {
            var x = (float)((fromStart ? start[i] : weights[i]) + gradient[i] * scale);
            if (!float.IsFinite(x)) return false;
            weights[i] = x;
        }

        return true;
    }

    /// <summary>Each value rounded to the nearest float32 in place; whether every rounded value is finite.</summary>
    private static bool RoundToSingle(Span<double> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var x = (float)values[i];
            if (!float.IsFinite(x)) return false;
            values[i] = x;
        }

        return true;
    }

    /// <summary>A copy of <paramref name="values"/> with each rounded to the nearest float32; null when one is not finite after rounding.</summary>
    internal static double[]? RoundedToSingle(ReadOnlySpan<double> values)
    {
        var rounded = values.ToArray();
        return RoundToSingle(rounded) ? rounded : null;
    }
}
