using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using static Ebm.Functional.Numerics.LogSpaceFunctions;

namespace Ebm.Functional.Numerics;

/// <summary>
/// Numerically stable functions of sums of exponentials: log-sum-exp, log-mean-exp, softplus,
/// sigmoid and log-sigmoid.
/// </summary>
/// <remarks>
/// <para>Equations (no exponential of a positive argument is ever evaluated):</para>
/// <list type="bullet">
/// <item>logsumexp(x) = m + log1p(sum_{i != i*} exp(x_i - m)), m = x_{i*} = max_i x_i;</item>
/// <item>logmeanexp(x) = logsumexp(x) - log n;</item>
/// <item>softplus(x) = log(1 + e^x) = max(x, 0) + log1p(exp(-|x|));</item>
/// <item>sigmoid(x) = 1 / (1 + e^-x), evaluated as exp(x) / (1 + exp(x)) for x &lt; 0;</item>
/// <item>log sigmoid(x) = -softplus(-x) = min(x, 0) - log1p(exp(-|x|)).</item>
/// </list>
/// <para>Each elementwise function comes twice: a scalar (or <see cref="Vec"/>) function for users and a
/// <c>(ReadOnlySpan&lt;double&gt; x, Span&lt;double&gt; destination)</c> kernel that checks the lengths
/// once and then runs SIMD code. The two give bit-identical results on one machine; across machines
/// they agree to a few ulps (the vector exp and log differ between instruction sets).</para>
/// <para>Edge cases: NaN in, NaN out; logsumexp of an empty span or of only -infinity is -infinity,
/// with a +infinity it is +infinity; softplus(800) = 800 and softplus(-800) = 0 (exp(-800) is below the
/// smallest double), never NaN.</para>
/// <example><code>
/// var logZ = LogSpace.LogSumExp(logWeights);            // log sum_i w_i
/// var logMean = LogSpace.LogMeanExp(logWeights);        // log (1/n) sum_i w_i
/// var freeEnergyTerm = LogSpace.Softplus(activation);   // log(1 + e^a)
/// LogSpace.Sigmoid(activations, probabilities);         // span kernel, no allocation
/// </code></example>
/// </remarks>
public static class LogSpace
{
    /// <summary>log(1 + x), accurate for tiny x (where 1 + x rounds to 1).</summary>
    /// <remarks>Goldberg (1991), Theorem 4: with u = fl(1 + x), log1p(x) = log(u) x / (u - 1), or x when
    /// u = 1. Returns NaN below -1, -infinity at -1 and +infinity at +infinity.</remarks>
    public static double Log1p(double x)
    {
        if (double.IsPositiveInfinity(x)) return x;
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>log sum_i exp(x_i), without overflow or underflow.</summary>
    /// <remarks>-infinity for an empty span or when every x_i is -infinity; +infinity when some x_i is
    /// +infinity; NaN when some x_i is NaN.</remarks>
    public static double LogSumExp(ReadOnlySpan<double> x)
    {
        if (x.IsEmpty) return double.NegativeInfinity;

        // IndexOfMax returns the first NaN when there is one, so m is NaN, +inf, -inf or finite.
        var top = TensorPrimitives.IndexOfMax(x);
        var m = x[top];
        if (!double.IsFinite(m)) return m;
        var rest = SumExpShifted(x[..top], m) + SumExpShifted(x[(top + 1)..], m);
        return m + Log1p(rest);
    }

    /// <summary>log((1/n) sum_i exp(x_i)): the log of an average of positive weights given their logs.</summary>
    /// <exception cref="ArgumentException">The span is empty (the mean of no values is undefined).</exception>
    public static double LogMeanExp(ReadOnlySpan<double> x)
    {
        if (x.IsEmpty) throw new ArgumentException("the mean of an empty span is undefined", nameof(x));
        return LogSumExp(x) - Math.Log(x.Length);
    }

    /// <summary>destination[r] = logsumexp of row r of the row-major <paramref name="x"/> with <paramref name="columns"/> per row.</summary>
    /// <exception cref="ArgumentException">x does not hold destination.Length rows of <paramref name="columns"/> values.</exception>
    public static void LogSumExpRows(ReadOnlySpan<double> x, int columns, Span<double> destination)
    {
        if (columns < 0 || x.Length != (long)destination.Length * columns)
            throw new ArgumentException($"x has {x.Length} values, not {destination.Length} rows of {columns}", nameof(x));
        for (var r = 0; r < destination.Length; r++) destination[r] = LogSumExp(x.Slice(r * columns, columns));
    }

    /// <summary>The logsumexp of each row of <paramref name="x"/>.</summary>
    public static Vec LogSumExpRows(Mat x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Vec.Create(x.Rows, d => LogSumExpRows(x.Span, x.Columns, d));
    }

    /// <summary>softplus(x) = log(1 + e^x) = max(x, 0) + log1p(exp(-|x|)).</summary>
    public static double Softplus(double x) => ElementwiseKernel.Scalar<Softplus>(x);

    /// <summary>destination[j] = softplus(x[j]); in place when both are the same span.</summary>
    /// <exception cref="ArgumentException">The lengths differ, or the spans partly overlap.</exception>
    public static void Softplus(ReadOnlySpan<double> x, Span<double> destination) =>
        ElementwiseKernel.Map<Softplus>(x, destination);

    /// <summary>softplus of every entry.</summary>
    public static Vec Softplus(Vec x) => Map<Softplus>(x);

    /// <summary>
    /// sum_i softplus(x_i), fast: sum_i max(x_i, 0) + log prod_i (1 + exp(-|x_i|)), with one logarithm per
    /// 512 factors of a SIMD lane instead of one per element (each factor lies in (1, 2], so no product
    /// overflows).
    /// </summary>
    /// <remarks>
    /// <para>For free energies such as an RBM's, F(h) = -c.h - sum_i softplus(b_i + (W h)_i), summed over
    /// many states. Accuracy: each factor and product rounds once, so the error is at most about
    /// 2 n u in absolute terms (u = 2^-53) on top of the rounding of the sums: as good as adding the
    /// softplus values one by one when the sum is of order one or more, but not to a few ulps when every
    /// x_i is very negative and the sum is tiny; use <see cref="Softplus(ReadOnlySpan{double}, Span{double})"/>
    /// then. NaN in, NaN out; +infinity gives +infinity; the empty sum is 0.</para>
    /// </remarks>
    public static double SoftplusSum(ReadOnlySpan<double> x) => LogSpaceFunctions.SoftplusSum(x);

    /// <summary>sigmoid(x) = 1 / (1 + e^-x), in [0, 1].</summary>
    public static double Sigmoid(double x) => ElementwiseKernel.Scalar<Sigmoid>(x);

    /// <summary>destination[j] = sigmoid(x[j]); in place when both are the same span.</summary>
    /// <exception cref="ArgumentException">The lengths differ, or the spans partly overlap.</exception>
    public static void Sigmoid(ReadOnlySpan<double> x, Span<double> destination) =>
        ElementwiseKernel.Map<Sigmoid>(x, destination);

    /// <summary>sigmoid of every entry.</summary>
    public static Vec Sigmoid(Vec x) => Map<Sigmoid>(x);

    /// <summary>log sigmoid(x) = -softplus(-x), in [-infinity, 0].</summary>
    public static double LogSigmoid(double x) => ElementwiseKernel.Scalar<LogSigmoid>(x);

    /// <summary>destination[j] = log sigmoid(x[j]); in place when both are the same span.</summary>
    /// <exception cref="ArgumentException">The lengths differ, or the spans partly overlap.</exception>
    public static void LogSigmoid(ReadOnlySpan<double> x, Span<double> destination) =>
        ElementwiseKernel.Map<LogSigmoid>(x, destination);

    /// <summary>log sigmoid of every entry.</summary>
    public static Vec LogSigmoid(Vec x) => Map<LogSigmoid>(x);

    private static Vec Map<TFunction>(Vec x) where TFunction : IVectorFunction
    {
        ArgumentNullException.ThrowIfNull(x);
        return Vec.Create(x.Length, d => ElementwiseKernel.Map<TFunction>(x.Span, d));
    }

    /// <summary>sum_i exp(x_i - m) for x_i &lt;= m, m finite: every term lies in [0, 1].</summary>
    private static double SumExpShifted(ReadOnlySpan<double> x, double m)
    {
        var width = Vector<double>.Count;
        var shift = new Vector<double>(m);
        var sum = Vector<double>.Zero;
        ref var start = ref MemoryMarshal.GetReference(x);
        var body = x.Length - x.Length % width;
        for (var j = 0; j < body; j += width)
            sum += Vector.Exp(Vector.LoadUnsafe(ref start, (nuint)j) - shift);

        if (body < x.Length)
        {
            // exp(-inf - m) = 0: the padding adds nothing.
            Span<double> tail = stackalloc double[width];
            tail.Fill(double.NegativeInfinity);
            x[body..].CopyTo(tail);
            sum += Vector.Exp(new Vector<double>(tail) - shift);
        }

        return Vector.Sum(sum);
    }
}
