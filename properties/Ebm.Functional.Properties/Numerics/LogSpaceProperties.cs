using Ebm.Functional.Numerics;
using FsCheck.Xunit;

namespace Ebm.Functional.Properties.Numerics;

/// <summary>
/// Identities of the log-space functions. Inputs are dyadic (integers over 16) so that shifts are exact;
/// tolerances are a few units of double rounding (epsilon = 2^-52) of the quantities involved.
/// </summary>
public class LogSpaceProperties
{
    private const double Epsilon = 2.220446049250313e-16;

    private static double[] Dyadic(int[] values) => values.Select(v => (v % 20_000) / 16.0).ToArray();

    [Property(MaxTest = 300)]
    public bool LogSumExpIsShiftInvariant(int[] values, short shift)
    {
        var x = Dyadic(values);
        var c = shift / 8.0;
        var shifted = x.Select(v => v + c).ToArray();
        var lhs = LogSpace.LogSumExp(shifted);
        var rhs = LogSpace.LogSumExp(x) + c;
        if (x.Length == 0) return double.IsNegativeInfinity(lhs) && double.IsNegativeInfinity(rhs);
        return Math.Abs(lhs - rhs) <= 4 * Epsilon * (Math.Abs(lhs) + Math.Abs(c) + Math.Log(x.Length) + 1);
    }

    [Property(MaxTest = 300)]
    public bool LogSumExpLiesBetweenTheMaximumAndTheMaximumPlusLogN(int[] values)
    {
        var x = Dyadic(values);
        if (x.Length == 0) return double.IsNegativeInfinity(LogSpace.LogSumExp(x));
        var max = x.Max();
        var lse = LogSpace.LogSumExp(x);
        var upper = max + Math.Log(x.Length);
        return lse >= max && lse <= upper + 4 * Epsilon * Math.Abs(upper) + 4 * Epsilon;
    }

    [Property(MaxTest = 300)]
    public bool LogMeanExpIsLogSumExpLessLogN(int[] values)
    {
        var x = Dyadic(values);
        return x.Length == 0 || LogSpace.LogMeanExp(x).Equals(LogSpace.LogSumExp(x) - Math.Log(x.Length));
    }

    [Property(MaxTest = 500)]
    public bool SoftplusOfXLessSoftplusOfMinusXIsX(int value)
    {
        var x = value / 1024.0;
        var difference = LogSpace.Softplus(x) - LogSpace.Softplus(-x);
        return Math.Abs(difference - x) <= 8 * Epsilon * (LogSpace.Softplus(x) + LogSpace.Softplus(-x));
    }

    [Property(MaxTest = 500)]
    public bool SoftplusIsAtLeastTheRampAndFinite(int value)
    {
        var x = value / 1024.0;
        var s = LogSpace.Softplus(x);
        return double.IsFinite(s) && s >= Math.Max(x, 0);
    }

    [Property(MaxTest = 500)]
    public bool SigmoidOfXPlusSigmoidOfMinusXIsOne(int value)
    {
        var x = value / 1024.0;
        return Math.Abs(LogSpace.Sigmoid(x) + LogSpace.Sigmoid(-x) - 1) <= 4 * Epsilon;
    }

    [Property(MaxTest = 500)]
    public bool LogSigmoidIsMinusSoftplusOfMinusX(int value)
    {
        var x = value / 1024.0;
        return LogSpace.LogSigmoid(x).Equals(-LogSpace.Softplus(-x));
    }

    [Property(MaxTest = 500)]
    public bool SigmoidIsTheExponentialOfLogSigmoid(short value)
    {
        var x = value / 256.0;
        var sigmoid = LogSpace.Sigmoid(x);
        return Math.Abs(sigmoid - Math.Exp(LogSpace.LogSigmoid(x))) <= 8 * Epsilon * sigmoid;
    }

    [Property(MaxTest = 200)]
    public bool SpanKernelsAgreeWithTheScalarFunctions(int[] values)
    {
        var x = Dyadic(values);
        var softplus = new double[x.Length];
        var sigmoid = new double[x.Length];
        var logSigmoid = new double[x.Length];
        LogSpace.Softplus(x, softplus);
        LogSpace.Sigmoid(x, sigmoid);
        LogSpace.LogSigmoid(x, logSigmoid);
        return softplus.SequenceEqual(x.Select(LogSpace.Softplus))
               && sigmoid.SequenceEqual(x.Select(LogSpace.Sigmoid))
               && logSigmoid.SequenceEqual(x.Select(LogSpace.LogSigmoid));
    }

    [Property(MaxTest = 200)]
    public bool SoftplusSumIsTheSumOfSoftplusWithinTwoNUlps(int[] values)
    {
        var x = Dyadic(values);
        var reference = x.Sum(LogSpace.Softplus);
        var bound = (2.0 * x.Length + 4) * Epsilon * (1 + reference);
        return Math.Abs(LogSpace.SoftplusSum(x) - reference) <= bound;
    }
}
