using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using System.Runtime.InteropServices;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Training;

/// <summary>Row copies between the double-precision API and the kernel's buffers, and the products at the kernel's precision.</summary>
internal static partial class ContrastiveKernel
{
    /// <summary>Row <paramref name="row"/> of <paramref name="destination"/> (rows of <paramref name="width"/>) set to the bias: the row a product then adds to.</summary>
    private static void BiasRow<T>(T[] bias, int width, T[] destination, int row) =>
        bias.AsSpan(0, width).CopyTo(destination.AsSpan(row * width, width));

    /// <summary>
    /// The example row as T into <paramref name="destination"/> (a copy for double, exact for float: every value is 0 or
    /// 1) and whether every value is 0 or 1 (as <see cref="RbmTraining.FirstNonBinary"/> asks: -0 passes, NaN does not).
    /// One pass, so a fused run reads each example once: the data set (62.7 MB for 10,000 rows of 784) does not stay
    /// in the cache between a separate check and the copy.
    /// </summary>
    private static bool NarrowBinary<T>(ReadOnlySpan<double> values, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            values.CopyTo(MemoryMarshal.Cast<T, double>(destination));
            return RbmTraining.FirstNonBinary(values) < 0;
        }

        var target = MemoryMarshal.Cast<T, float>(destination);
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var outside = Vector512<ulong>.Zero;
            for (; i + 16 <= values.Length; i += 16)
            {
                var low = Vector512.Create(values.Slice(i, 8));
                var high = Vector512.Create(values.Slice(i + 8, 8));
                outside |= ~(Vector512.Equals(low, Vector512<double>.Zero) | Vector512.Equals(low, Vector512<double>.One)).AsUInt64()
                    | ~(Vector512.Equals(high, Vector512<double>.Zero) | Vector512.Equals(high, Vector512<double>.One)).AsUInt64();
                Vector512.Narrow(low, high).CopyTo(target.Slice(i, 16));
            }

            if (outside != Vector512<ulong>.Zero) return false;
        }

        for (; i < values.Length; i++)
        {
            var x = values[i];
            if (x != 0.0 && x != 1.0) return false;
            target[i] = (float)x;
        }

        return true;
    }

    /// <summary>The doubles as T into <paramref name="destination"/> (a copy for double, rounding for float).</summary>
    private static void Narrow<T>(ReadOnlySpan<double> values, Span<T> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double)) values.CopyTo(MemoryMarshal.Cast<T, double>(destination));
        else TensorPrimitives.ConvertTruncating<double, float>(values, MemoryMarshal.Cast<T, float>(destination));
    }

    private static ReadOnlySpan<T> Narrow<T>(ReadOnlySpan<double> values, T[]? destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var target = destination.AsSpan(0, values.Length);
        if (typeof(T) == typeof(double)) values.CopyTo(MemoryMarshal.Cast<T, double>(target));
        else TensorPrimitives.ConvertTruncating<double, float>(values, MemoryMarshal.Cast<T, float>(target));
        return target;
    }

    private static void Widen<T>(ReadOnlySpan<T> values, Span<double> destination)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double)) MemoryMarshal.Cast<T, double>(values).CopyTo(destination);
        else TensorPrimitives.ConvertChecked<float, double>(MemoryMarshal.Cast<T, float>(values), destination);
    }

    private static Mat Joint<T>(ReadOnlySpan<T> visible, ReadOnlySpan<T> hidden, int chains, int nv, int nh)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var joint = new double[chains * (nv + nh)];
        for (var c = 0; c < chains; c++)
        {
            Widen(visible.Slice(c * nv, nv), joint.AsSpan(c * (nv + nh), nv));
            Widen(hidden.Slice(c * nh, nh), joint.AsSpan(c * (nv + nh) + nv, nh));
        }

        return Mat.Wrap(chains, nv + nh, joint);
    }

    /// <summary>
    /// Whether the products are cut into pieces on the step's threads (<see cref="GemmPieces"/>): with OpenBLAS, which runs on
    /// one thread meanwhile (<see cref="OneThreadedBackend"/>); not with the managed kernel, which runs its own threads.
    /// </summary>
    private static bool CutsProducts() => MatrixProduct.Backend is OpenBlasGemm;

    /// <summary>OpenBLAS on one thread for the kernel's run (its products are cut into pieces on the run's threads); null otherwise.</summary>
    private static IDisposable? OneThreadedBackend() => (MatrixProduct.Backend as OpenBlasGemm)?.UseOneThread();

    /// <summary>A product of the step: cut into pieces on the step's threads (<see cref="CutsProducts"/>), else one call.</summary>
    private static void Gemm<T>(
        bool cut, int maxDegreeOfParallelism,
        bool transposeA, bool transposeB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        GemmPieces.Gemm(cut ? GemmPieces.Pieces(m, n, k) : 1, maxDegreeOfParallelism, transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}
