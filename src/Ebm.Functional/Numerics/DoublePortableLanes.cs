using System.Numerics;
using System.Runtime.CompilerServices;

namespace Ebm.Functional.Numerics;

/// <summary>
/// <see cref="IDoubleLanes{TVector}"/> on <see cref="Vector{T}"/>, the machine's natural vector width
/// (2 doubles on 128-bit hardware, 4 on AVX2), used where 512-bit vectors are not accelerated.
/// </summary>
internal readonly struct DoublePortableLanes : IDoubleLanes<Vector<double>>
{
    public static int Count => Vector<double>.Count;

    public static Vector<double> One => Vector<double>.One;

    public static Vector<double> Zero => Vector<double>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Load(ref double source, nuint offset) => Vector.LoadUnsafe(ref source, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Create(double value) => new(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector<double> value, ref double destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Exp(Vector<double> x) => Vector.Exp(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Add(Vector<double> a, Vector<double> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Multiply(Vector<double> a, Vector<double> b) => a * b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> MultiplyAdd(Vector<double> a, Vector<double> b, Vector<double> c) => Vector.MultiplyAddEstimate(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Reciprocal(Vector<double> f) => Vector<double>.One / f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> SplitExponent(Vector<double> x, ref Vector<double> exponent)
    {
        var bits = Vector.AsVectorUInt64(x);
        var biased = Vector.ShiftRightLogical(bits, 52) | new Vector<ulong>(DoubleBits.TwoTo52Bits);
        exponent += Vector.AsVectorDouble(biased) - new Vector<double>(DoubleBits.TwoTo52PlusBias);
        return Vector.AsVectorDouble((bits & new Vector<ulong>(DoubleBits.MantissaMask)) | new Vector<ulong>(DoubleBits.OneBits));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(Vector<double> v) => Vector.Sum(v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Product(Vector<double> v)
    {
        var product = 1.0;
        for (var i = 0; i < Vector<double>.Count; i++) product *= v[i];
        return product;
    }
}
