using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using System.Runtime.InteropServices;

namespace Ebm.Functional.Training;

/// <summary>The in-place SGD update of a fused run: θ ← θ + s · g, finiteness checked, the float32 copy refreshed.</summary>
internal static partial class ContrastiveKernel
{
    /// <summary>Entries per block of the in-place update (32 KB of doubles): a block's sums are still in the first-level cache when they are checked and narrowed.</summary>
    private const int UpdateBlock = 4096;

    /// <summary>
    /// θ ← θ + s · g in place (g widened to double first when T is float, the product rounded, then the sum), the float32
    /// copy refreshed when one is given; whether every entry is finite.
    /// </summary>
    private static bool Descend<T>(Span<double> theta, ReadOnlySpan<T> gradient, double scale, Span<T> narrow)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float) && !narrow.IsEmpty)
            return DescendSingle(theta, MemoryMarshal.Cast<T, float>(gradient), scale, MemoryMarshal.Cast<T, float>(narrow));
        Span<double> step = stackalloc double[Math.Min(theta.Length, UpdateBlock)];
        for (var start = 0; start < theta.Length; start += step.Length)
        {
            var length = Math.Min(step.Length, theta.Length - start);
            var piece = step[..length];
            var target = theta.Slice(start, length);
            TensorPrimitives.Multiply(MemoryMarshal.Cast<T, double>(gradient.Slice(start, length)), scale, piece);
            TensorPrimitives.Add(target, piece, target);
            if (!TensorPrimitives.IsFiniteAll<double>(target)) return false;
        }

        return true;
    }

    /// <summary>
    /// The float32 update in one pass: per lane g widened, s · g rounded, θ + s · g rounded (no fused multiply-add, so the
    /// bits are those of the two-step path on every vector width), a finiteness test, and the narrowed copy.
    /// </summary>
    private static bool DescendSingle(Span<double> theta, ReadOnlySpan<float> gradient, double scale, Span<float> narrow)
    {
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var s = Vector512.Create(scale);
            var bad = Vector512<double>.Zero;
            for (; i + 16 <= theta.Length; i += 16)
            {
                var (low, high) = Vector512.Widen(Vector512.Create(gradient.Slice(i, 16)));
                var a = Vector512.Create(theta.Slice(i, 8)) + low * s;
                var b = Vector512.Create(theta.Slice(i + 8, 8)) + high * s;
                bad |= (a - a) | (b - b);
                a.CopyTo(theta.Slice(i, 8));
                b.CopyTo(theta.Slice(i + 8, 8));
                Vector512.Narrow(a, b).CopyTo(narrow.Slice(i, 16));
            }

            if (bad != Vector512<double>.Zero) return false;
        }

        if (Vector256.IsHardwareAccelerated)
        {
            var s = Vector256.Create(scale);
            var bad = Vector256<double>.Zero;
            for (; i + 8 <= theta.Length; i += 8)
            {
                var (low, high) = Vector256.Widen(Vector256.Create(gradient.Slice(i, 8)));
                var a = Vector256.Create(theta.Slice(i, 4)) + low * s;
                var b = Vector256.Create(theta.Slice(i + 4, 4)) + high * s;
                bad |= (a - a) | (b - b);
                a.CopyTo(theta.Slice(i, 4));
                b.CopyTo(theta.Slice(i + 4, 4));
                Vector256.Narrow(a, b).CopyTo(narrow.Slice(i, 8));
            }

            if (bad != Vector256<double>.Zero) return false;
        }

        for (; i < theta.Length; i++)
        {
            var x = theta[i] + gradient[i] * scale;
            if (!double.IsFinite(x)) return false;
            theta[i] = x;
            narrow[i] = (float)x;
        }

        return true;
    }
}
