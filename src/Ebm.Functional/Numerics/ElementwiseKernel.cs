using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ebm.Functional.Numerics;

/// <summary>A function of one double evaluated on a whole SIMD vector of them at once.</summary>
internal interface IVectorFunction
{
    /// <summary>The function applied to each lane.</summary>
    static abstract Vector<double> Apply(Vector<double> x);
}

/// <summary>
/// Runs an <see cref="IVectorFunction"/> over a span, every element through the vector path.
/// </summary>
/// <remarks>
/// Each element's result depends only on its value, not on its position or on the span's length:
/// the ragged end is computed as one more full vector overlapping the previous one, and a span
/// shorter than a vector is padded in a stack buffer. The scalar functions of <see cref="LogSpace"/>
/// broadcast their argument through the same path, so scalar and span results agree bit for bit.
/// </remarks>
internal static class ElementwiseKernel
{
    /// <summary>f(x) for one value, through the vector path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Scalar<TFunction>(double x) where TFunction : IVectorFunction =>
        TFunction.Apply(new Vector<double>(x))[0];

    /// <summary>destination[j] = f(x[j]); x and destination may be the same span, not partly overlapping.</summary>
    public static void Map<TFunction>(ReadOnlySpan<double> x, Span<double> destination) where TFunction : IVectorFunction
    {
        if (x.Length != destination.Length)
            throw new ArgumentException($"destination has {destination.Length} elements, x has {x.Length}", nameof(destination));
        if (x.Overlaps(destination, out var shift) && shift != 0)
            throw new ArgumentException("x and destination overlap without being the same span", nameof(destination));

        var width = Vector<double>.Count;
        var n = x.Length;
        if (n < width)
        {
            MapShort<TFunction>(x, destination);
            return;
        }

        ref var source = ref MemoryMarshal.GetReference(x);
        ref var target = ref MemoryMarshal.GetReference(destination);

        // Read the overlapping last vector before the body may overwrite it (in-place use).
        var last = TFunction.Apply(Vector.LoadUnsafe(ref source, (nuint)(n - width)));
        var body = n - n % width;
        for (var j = 0; j < body; j += width)
            TFunction.Apply(Vector.LoadUnsafe(ref source, (nuint)j)).StoreUnsafe(ref target, (nuint)j);
        last.StoreUnsafe(ref target, (nuint)(n - width));
    }

    private static void MapShort<TFunction>(ReadOnlySpan<double> x, Span<double> destination) where TFunction : IVectorFunction
    {
        Span<double> padded = stackalloc double[Vector<double>.Count];
        padded.Clear();
        x.CopyTo(padded);
        var result = TFunction.Apply(new Vector<double>(padded));
        for (var j = 0; j < x.Length; j++) destination[j] = result[j];
    }
}
