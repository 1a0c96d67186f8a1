using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Ebm.Functional.Numerics;

/// <summary>The vector cores behind <see cref="LogSpace"/>: each avoids exp of a positive argument.</summary>
internal static class LogSpaceFunctions
{
    /// <summary>softplus(x) = max(x, 0) + log1p(exp(-|x|)).</summary>
    internal readonly struct Softplus : IVectorFunction
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Apply(Vector<double> x) =>
            Vector.Max(x, Vector<double>.Zero) + Log1pOfSmall(Vector.Exp(-Vector.Abs(x)));
    }

    /// <summary>log sigmoid(x) = -softplus(-x) = min(x, 0) - log1p(exp(-|x|)).</summary>
    internal readonly struct LogSigmoid : IVectorFunction
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Apply(Vector<double> x) =>
            Vector.Min(x, Vector<double>.Zero) - Log1pOfSmall(Vector.Exp(-Vector.Abs(x)));
    }

    /// <summary>sigmoid(x) = 1 / (1 + exp(-x)) for x &gt;= 0, exp(x) / (1 + exp(x)) otherwise.</summary>
    internal readonly struct Sigmoid : IVectorFunction
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector<double> Apply(Vector<double> x)
        {
            var e = Vector.Exp(-Vector.Abs(x));
            var denominator = Vector<double>.One + e;
            var nonNegative = Vector.GreaterThanOrEqual(x, Vector<double>.Zero);
            return Vector.ConditionalSelect(nonNegative, Vector<double>.One, e) / denominator;
        }
    }

    private const double Sqrt2Minus1 = 0.41421356237309515;
    private const double Ln2High = 0.6931471805599453;
    private const double Ln2Low = 2.3190468138462996e-17;

    /// <summary>
    /// log(1 + e) for e in [0, 1] (or NaN), to about one ulp, without a general logarithm.
    /// </summary>
    /// <remarks>
    /// <para>Reduction: 1 + e = 2^j (1 + f) with j = 0, f = e for e &lt;= sqrt 2 - 1, else j = 1,
    /// f = (e - 1) / 2; so f lies in [sqrt 2 / 2 - 1, sqrt 2 - 1] and is exact (up to half an ulp for e
    /// just above sqrt 2 - 1).</para>
    /// <para>Then log(1 + f) = 2 atanh(s) with s = f / (2 + f), |s| &lt;= 0.1716, z = s^2 &lt;= 0.0295:
    /// 2 atanh(s) = 2s + 2s Q(z), Q(z) = z/3 + z^2/5 + ... + z^9/19 (the next term, z^10/21 &lt; 2.4e-17,
    /// is below a tenth of an ulp), and 2s = f - s f, so log(1 + f) = f - s (f - 2 Q(z)): the exact f
    /// leads and only a correction of at most 17% of it carries rounding error. The same splitting of
    /// log1p underlies fdlibm's e_log.c (Sun Microsystems, 1993); here the series is plain Taylor.</para>
    /// <para>Finally log(1 + e) = j ln2_hi + (log(1 + f) + j ln2_lo), with ln 2 split into two doubles.</para>
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector<double> Log1pOfSmall(Vector<double> e)
    {
        var one = Vector<double>.One;
        var upper = Vector.GreaterThan(e, new Vector<double>(Sqrt2Minus1));
        var f = Vector.ConditionalSelect(upper, (e - one) * 0.5, e);
        var s = f / (new Vector<double>(2.0) + f);
        var z = s * s;
        var q = new Vector<double>(1.0 / 19);
        q = Vector.FusedMultiplyAdd(q, z, new Vector<double>(1.0 / 17));
        q = Vector.FusedMultiplyAdd(q, z, new Vector<double>(1.0 / 15));
        q = Vector.FusedMultiplyAdd(q, z, new Vector<double>(1.0 / 13));
        q = Vector.FusedMultiplyAdd(q, z, new Vector<double>(1.0 / 11));
        q = Vector.FusedMultiplyAdd(q, z, new Vector<double>(1.0 / 9));
        q = Vector.FusedMultiplyAdd(q, z, new Vector<double>(1.0 / 7));
        q = Vector.FusedMultiplyAdd(q, z, new Vector<double>(1.0 / 5));
        q = Vector.FusedMultiplyAdd(q, z, new Vector<double>(1.0 / 3));
        q *= z;
        var logOnePlusF = f - s * (f - (q + q));
        var j = Vector.ConditionalSelect(upper, one, Vector<double>.Zero);
        return Vector.FusedMultiplyAdd(j, new Vector<double>(Ln2High), Vector.FusedMultiplyAdd(j, new Vector<double>(Ln2Low), logOnePlusF));
    }

    /// <summary>Factors in (1, 2] that one lane multiplies before taking a logarithm: 2^512 cannot overflow.</summary>
    private const int FactorsPerLog = 512;

    /// <summary>sum_i softplus(x_i) = sum_i max(x_i, 0) + log prod_i (1 + exp(-|x_i|)), one log per 512 factors a lane.</summary>
    public static double SoftplusSum(ReadOnlySpan<double> x) =>
        Vector512.IsHardwareAccelerated ? SoftplusSum512(x) : SoftplusSumPreferred(x);

    internal static double SoftplusSumPreferred(ReadOnlySpan<double> x)
    {
        var width = Vector<double>.Count;
        ref var start = ref MemoryMarshal.GetReference(x);
        var ramp = Vector<double>.Zero;
        var logs = Vector<double>.Zero;
        var product = Vector<double>.One;
        var factors = 0;
        var body = x.Length - x.Length % width;
        for (var j = 0; j < body; j += width)
        {
            var v = Vector.LoadUnsafe(ref start, (nuint)j);
            ramp += Vector.Max(v, Vector<double>.Zero);
            product *= Vector<double>.One + Vector.Exp(-Vector.Abs(v));
            if (++factors < FactorsPerLog) continue;
            logs += Vector.Log(product);
            product = Vector<double>.One;
            factors = 0;
        }

        logs += Vector.Log(product);
        var total = Vector.Sum(ramp) + Vector.Sum(logs);
        foreach (var v in x[body..]) total += ElementwiseKernel.Scalar<Softplus>(v);
        return total;
    }

    internal static double SoftplusSum512(ReadOnlySpan<double> x)
    {
        var width = Vector512<double>.Count;
        ref var start = ref MemoryMarshal.GetReference(x);
        var ramp = Vector512<double>.Zero;
        var logs = Vector512<double>.Zero;
        var product = Vector512<double>.One;
        var factors = 0;
        var body = x.Length - x.Length % width;
        for (var j = 0; j < body; j += width)
        {
            var v = Vector512.LoadUnsafe(ref start, (nuint)j);
            ramp += Vector512.Max(v, Vector512<double>.Zero);
            product *= Vector512<double>.One + Vector512.Exp(-Vector512.Abs(v));
            if (++factors < FactorsPerLog) continue;
            logs += Vector512.Log(product);
            product = Vector512<double>.One;
            factors = 0;
        }

        logs += Vector512.Log(product);
        var total = Vector512.Sum(ramp) + Vector512.Sum(logs);
        foreach (var v in x[body..]) total += ElementwiseKernel.Scalar<Softplus>(v);
        return total;
    }
}
