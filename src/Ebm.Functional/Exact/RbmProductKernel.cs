using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Exact;

/// <summary>
/// The inner loop of the fast RBM layer sum: for four enumerated states that share one "low" half,
/// sum_i log(1 + e^(beta a_i)) as the logarithm of a product, and optionally the two energy moments.
/// </summary>
/// <remarks>
/// The enumerated state s splits into high and low bits, so a_i = x_i + y_i with x the high part (plus the
/// summed layer's bias) and y the low part. The caller precomputes X = e^(beta x) per high state and
/// Y = e^(beta y) per low state, so each summed unit costs one multiply, one add and one multiply:
/// e = X Y, f = 1 + e, P *= f, and sum_i softplus(beta a_i) = log prod_i f_i. Every factor is exact to a
/// few ulps (no running update drifts), so the log of the product is exact to about m ulps absolute.
/// The product grows by at most (1 + e^T) per factor, where T bounds |beta a_i|; after
/// <c>groupVectors</c> factors per lane the lanes are renormalised to [1, 2) and their binary exponents
/// kept apart, so nothing overflows while T &lt;= 700.
/// With moments, sigma_i = e / f and 1 - sigma_i = 1 / f give sum_i a_i sigma_i and
/// sum_i a_i^2 sigma_i (1 - sigma_i), the conditional mean and variance of the energy's summed part.
/// Layout: rows of <c>stride</c> doubles (a multiple of the vector width), padded with X = 0 (f = 1).
/// </remarks>
internal static class RbmProductKernel
{
    /// <summary>High states evaluated together; each low row is loaded once for all of them.</summary>
    public const int TileStates = 4;

    /// <summary>
    /// Evaluates the four states (high row t of <paramref name="highExp"/>, the low row) for t = 0..3.
    /// </summary>
    /// <param name="highExp">4 x stride: e^(beta x) of the four high states.</param>
    /// <param name="highActivation">4 x stride: x of the four high states (read with moments only).</param>
    /// <param name="lowExp">stride: e^(beta y) of the low state.</param>
    /// <param name="lowActivation">stride: y of the low state (read with moments only).</param>
    /// <param name="stride">Row length, a multiple of the vector width.</param>
    /// <param name="groupVectors">Factors per lane between renormalisations (at least 1).</param>
    /// <param name="logProduct">Receives sum_i log(1 + e^(beta a_i)) for each of the four states.</param>
    /// <param name="meanTerm">Receives sum_i a_i sigma(beta a_i) (with moments).</param>
    /// <param name="varianceTerm">Receives sum_i a_i^2 sigma(beta a_i) (1 - sigma(beta a_i)) (with moments).</param>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tile<TVector, TSimd, TMode>(
        ReadOnlySpan<double> highExp, ReadOnlySpan<double> highActivation,
        ReadOnlySpan<double> lowExp, ReadOnlySpan<double> lowActivation,
        int stride, int groupVectors,
        Span<double> logProduct, Span<double> meanTerm, Span<double> varianceTerm)
        where TVector : struct
        where TSimd : struct, IDoubleLanes<TVector>
        where TMode : struct, IRbmKernelMode
    {
        var width = TSimd.Count;
        if (stride % width != 0 || highExp.Length < TileStates * stride || lowExp.Length < stride || groupVectors < 1 || logProduct.Length < TileStates)
            throw new ArgumentException("tile buffers do not match the stride");
        if (TMode.WithMoments && (highActivation.Length < TileStates * stride || lowActivation.Length < stride || meanTerm.Length < TileStates || varianceTerm.Length < TileStates))
            throw new ArgumentException("moment buffers do not match the stride");

        ref var xe = ref MemoryMarshal.GetReference(highExp);
        ref var xa = ref MemoryMarshal.GetReference(highActivation);
        ref var ye = ref MemoryMarshal.GetReference(lowExp);
        ref var ya = ref MemoryMarshal.GetReference(lowActivation);
        nuint row1 = (nuint)stride, row2 = 2 * (nuint)stride, row3 = 3 * (nuint)stride;
        var one = TSimd.One;
        TVector p0 = one, p1 = one, p2 = one, p3 = one;
        TVector k0 = TSimd.Zero, k1 = TSimd.Zero, k2 = TSimd.Zero, k3 = TSimd.Zero;
        TVector m0 = TSimd.Zero, m1 = TSimd.Zero, m2 = TSimd.Zero, m3 = TSimd.Zero;
        TVector v0 = TSimd.Zero, v1 = TSimd.Zero, v2 = TSimd.Zero, v3 = TSimd.Zero;
        var vectors = stride / width;
        for (var start = 0; start < vectors; start += groupVectors)
        {
            var end = Math.Min(vectors, start + groupVectors);
            for (var k = start; k < end; k++)
            {
                var at = (nuint)(k * width);
                var low = TSimd.Load(ref ye, at);
                var e0 = TSimd.Multiply(TSimd.Load(ref xe, at), low);
                var e1 = TSimd.Multiply(TSimd.Load(ref xe, at + row1), low);
                var e2 = TSimd.Multiply(TSimd.Load(ref xe, at + row2), low);
                var e3 = TSimd.Multiply(TSimd.Load(ref xe, at + row3), low);
                var f0 = TSimd.Add(e0, one);
                var f1 = TSimd.Add(e1, one);
                var f2 = TSimd.Add(e2, one);
                var f3 = TSimd.Add(e3, one);
                p0 = TSimd.Multiply(p0, f0);
                p1 = TSimd.Multiply(p1, f1);
                p2 = TSimd.Multiply(p2, f2);
                p3 = TSimd.Multiply(p3, f3);
                if (TMode.WithMoments)
                {
                    // sigma = e / f and 1 - sigma = 1 / f: mean term a sigma, variance term a^2 sigma (1 - sigma).
                    var y = TSimd.Load(ref ya, at);
                    var a0 = TSimd.Add(TSimd.Load(ref xa, at), y);
                    var a1 = TSimd.Add(TSimd.Load(ref xa, at + row1), y);
                    var a2 = TSimd.Add(TSimd.Load(ref xa, at + row2), y);
                    var a3 = TSimd.Add(TSimd.Load(ref xa, at + row3), y);
                    var r0 = TSimd.Reciprocal(f0);
                    var r1 = TSimd.Reciprocal(f1);
                    var r2 = TSimd.Reciprocal(f2);
                    var r3 = TSimd.Reciprocal(f3);
                    var u0 = TSimd.Multiply(TSimd.Multiply(a0, e0), r0);
                    var u1 = TSimd.Multiply(TSimd.Multiply(a1, e1), r1);
                    var u2 = TSimd.Multiply(TSimd.Multiply(a2, e2), r2);
                    var u3 = TSimd.Multiply(TSimd.Multiply(a3, e3), r3);
                    m0 = TSimd.Add(m0, u0);
                    m1 = TSimd.Add(m1, u1);
                    m2 = TSimd.Add(m2, u2);
                    m3 = TSimd.Add(m3, u3);
                    v0 = TSimd.MultiplyAdd(TSimd.Multiply(u0, a0), r0, v0);
                    v1 = TSimd.MultiplyAdd(TSimd.Multiply(u1, a1), r1, v1);
                    v2 = TSimd.MultiplyAdd(TSimd.Multiply(u2, a2), r2, v2);
                    v3 = TSimd.MultiplyAdd(TSimd.Multiply(u3, a3), r3, v3);
                }
            }

            p0 = TSimd.SplitExponent(p0, ref k0);
            p1 = TSimd.SplitExponent(p1, ref k1);
            p2 = TSimd.SplitExponent(p2, ref k2);
            p3 = TSimd.SplitExponent(p3, ref k3);
        }

        // Every horizontal reduction happens before the first call to Math.Log: a vector live across a call is
        // spilled at each of its definitions, which would put stores into the loop above.
        if (TMode.WithMoments)
        {
            meanTerm[0] = TSimd.Sum(m0);
            meanTerm[1] = TSimd.Sum(m1);
            meanTerm[2] = TSimd.Sum(m2);
            meanTerm[3] = TSimd.Sum(m3);
            varianceTerm[0] = TSimd.Sum(v0);
            varianceTerm[1] = TSimd.Sum(v1);
            varianceTerm[2] = TSimd.Sum(v2);
            varianceTerm[3] = TSimd.Sum(v3);
        }

        double mantissa0 = TSimd.Product(p0), mantissa1 = TSimd.Product(p1), mantissa2 = TSimd.Product(p2), mantissa3 = TSimd.Product(p3);
        double exponent0 = TSimd.Sum(k0), exponent1 = TSimd.Sum(k1), exponent2 = TSimd.Sum(k2), exponent3 = TSimd.Sum(k3);
        logProduct[0] = LogOf(mantissa0, exponent0);
        logProduct[1] = LogOf(mantissa1, exponent1);
        logProduct[2] = LogOf(mantissa2, exponent2);
        logProduct[3] = LogOf(mantissa3, exponent3);
    }

    /// <summary>log(m 2^k) for the product m of lane mantissas in [1, 2) (below 2^width) and the summed exponents k.</summary>
    private static double LogOf(double mantissa, double exponent) => Math.Log(mantissa) + Math.Log(2.0) * exponent;

    /// <summary>target += scale row, over whole vectors (both of a length that is a multiple of the width).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaled<TVector, TSimd>(Span<double> target, ReadOnlySpan<double> row, double scale)
        where TVector : struct
        where TSimd : struct, IDoubleLanes<TVector>
    {
        if (row.Length != target.Length || target.Length % TSimd.Count != 0) throw new ArgumentException("rows must share a padded length");
        ref var t = ref MemoryMarshal.GetReference(target);
        ref var r = ref MemoryMarshal.GetReference(row);
        var factor = TSimd.Create(scale);
        for (nuint at = 0; at < (nuint)target.Length; at += (nuint)TSimd.Count)
            TSimd.Store(TSimd.MultiplyAdd(TSimd.Load(ref r, at), factor, TSimd.Load(ref t, at)), ref t, at);
    }

    /// <summary>destination = e^(beta source), over whole vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ScaledExp<TVector, TSimd>(ReadOnlySpan<double> source, double beta, Span<double> destination)
        where TVector : struct
        where TSimd : struct, IDoubleLanes<TVector>
    {
        if (source.Length != destination.Length || source.Length % TSimd.Count != 0) throw new ArgumentException("rows must share a padded length");
        ref var s = ref MemoryMarshal.GetReference(source);
        ref var d = ref MemoryMarshal.GetReference(destination);
        var scale = TSimd.Create(beta);
        for (nuint at = 0; at < (nuint)source.Length; at += (nuint)TSimd.Count)
            TSimd.Store(TSimd.Exp(TSimd.Multiply(TSimd.Load(ref s, at), scale)), ref d, at);
    }
}
