using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Ebm.Functional.Numerics;

/// <summary>
/// The handful of SIMD operations the GEMM micro-kernel needs, over one vector type, so one generic
/// kernel serves both <see cref="Vector{T}"/> and <see cref="Vector512{T}"/> (which <see cref="Vector{T}"/>
/// does not reach by default even where the hardware has it).
/// </summary>
internal unsafe interface ISimdLanes<TVector, T>
    where TVector : struct
    where T : unmanaged
{
    /// <summary>Lanes per vector.</summary>
    static abstract int Count { get; }

    /// <summary>Loads Count values from <paramref name="source"/>.</summary>
    static abstract TVector Load(T* source);

    /// <summary>Stores the lanes at <paramref name="destination"/>.</summary>
    static abstract void Store(TVector value, T* destination);

    /// <summary>Every lane equal to <paramref name="value"/>.</summary>
    static abstract TVector Broadcast(T value);

    /// <summary>x y + addend with one rounding per lane.</summary>
    static abstract TVector FusedMultiplyAdd(TVector x, TVector y, TVector addend);

    /// <summary>x + y per lane.</summary>
    static abstract TVector Add(TVector x, TVector y);

    /// <summary>x s per lane.</summary>
    static abstract TVector Scale(TVector x, T s);
}

/// <summary><see cref="ISimdLanes{TVector, T}"/> over the runtime's preferred <see cref="Vector{T}"/>.</summary>
internal readonly unsafe struct PreferredLanes<T> : ISimdLanes<Vector<T>, T> where T : unmanaged
{
    public static int Count => Vector<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Load(T* source) => Vector.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector<T> value, T* destination) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Broadcast(T value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> FusedMultiplyAdd(Vector<T> x, Vector<T> y, Vector<T> addend)
    {
        if (typeof(T) == typeof(double))
            return Vector.FusedMultiplyAdd(x.As<T, double>(), y.As<T, double>(), addend.As<T, double>()).As<double, T>();
        if (typeof(T) == typeof(float))
            return Vector.FusedMultiplyAdd(x.As<T, float>(), y.As<T, float>(), addend.As<T, float>()).As<float, T>();
        throw new NotSupportedException($"no fused multiply-add for {typeof(T)}");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Add(Vector<T> x, Vector<T> y) => x + y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> Scale(Vector<T> x, T s) => x * s;
}

/// <summary><see cref="ISimdLanes{TVector, T}"/> over 512-bit vectors, for AVX-512 hardware.</summary>
internal readonly unsafe struct WideLanes<T> : ISimdLanes<Vector512<T>, T> where T : unmanaged
{
    public static int Count => Vector512<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Load(T* source) => Vector512.Load(source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<T> value, T* destination) => value.Store(destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Broadcast(T value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> FusedMultiplyAdd(Vector512<T> x, Vector512<T> y, Vector512<T> addend)
    {
        if (typeof(T) == typeof(double))
            return Vector512.FusedMultiplyAdd(x.As<T, double>(), y.As<T, double>(), addend.As<T, double>()).As<double, T>();
        if (typeof(T) == typeof(float))
            return Vector512.FusedMultiplyAdd(x.As<T, float>(), y.As<T, float>(), addend.As<T, float>()).As<float, T>();
        throw new NotSupportedException($"no fused multiply-add for {typeof(T)}");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Add(Vector512<T> x, Vector512<T> y) => x + y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Scale(Vector512<T> x, T s) => x * s;
}
