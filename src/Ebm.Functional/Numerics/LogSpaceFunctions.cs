using System.Numerics;
using System.Runtime.CompilerServices;

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

    /// <summary>
    /// log(1 + e) for e in [0, 1] (or NaN) by Goldberg's correction: with u = fl(1 + e),
    /// log1p(e) = log(u) e / (u - 1), and e itself when u rounds to 1.
    /// </summary>
    /// <remarks>Goldberg (1991), "What every computer scientist should know about floating-point
    /// arithmetic", Theorem 4: a few ulps when log is correctly rounded.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Log1pOfSmall(Vector<double> e)
    {
        var u = Vector<double>.One + e;
        var corrected = Vector.Log(u) * e / (u - Vector<double>.One);
        return Vector.ConditionalSelect(Vector.Equals(u, Vector<double>.One), e, corrected);
    }
}
