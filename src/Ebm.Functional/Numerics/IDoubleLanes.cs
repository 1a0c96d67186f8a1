namespace Ebm.Functional.Numerics;

/// <summary>
/// The handful of SIMD operations on doubles that the RBM layer-sum kernel needs, over one vector type, so a kernel is
/// written once and specialised by the JIT for <see cref="DoubleLanes512"/> or <see cref="DoublePortableLanes"/>.
/// </summary>
/// <typeparam name="TVector">A hardware vector of doubles.</typeparam>
internal interface IDoubleLanes<TVector> where TVector : struct
{
    /// <summary>Doubles per vector.</summary>
    static abstract int Count { get; }

    /// <summary>All lanes 1.</summary>
    static abstract TVector One { get; }

    /// <summary>All lanes 0.</summary>
    static abstract TVector Zero { get; }

    /// <summary>Count doubles from <paramref name="source"/> + <paramref name="offset"/>; the caller guarantees they exist.</summary>
    static abstract TVector Load(ref double source, nuint offset);

    /// <summary>All lanes <paramref name="value"/>.</summary>
    static abstract TVector Create(double value);

    /// <summary>Writes the lanes to <paramref name="destination"/> + <paramref name="offset"/>; the caller guarantees the room.</summary>
    static abstract void Store(TVector value, ref double destination, nuint offset);

    /// <summary>e^x per lane, within a few ulps (0 below about -745, +infinity above about 709.8).</summary>
    static abstract TVector Exp(TVector x);

    /// <summary>a + b.</summary>
    static abstract TVector Add(TVector a, TVector b);

    /// <summary>a * b.</summary>
    static abstract TVector Multiply(TVector a, TVector b);

    /// <summary>a * b + c (fused where the hardware has it).</summary>
    static abstract TVector MultiplyAdd(TVector a, TVector b, TVector c);

    /// <summary>1 / f for lanes f &gt;= 1 whose reciprocal is a normal number, to about one ulp.</summary>
    static abstract TVector Reciprocal(TVector f);

    /// <summary>
    /// Splits positive normal lanes x = m 2^e with m in [1, 2): returns m and adds e (an integer, as a double)
    /// to <paramref name="exponent"/>.
    /// </summary>
    static abstract TVector SplitExponent(TVector x, ref TVector exponent);

    /// <summary>The sum of the lanes.</summary>
    static abstract double Sum(TVector v);

    /// <summary>The product of the lanes.</summary>
    static abstract double Product(TVector v);
}
