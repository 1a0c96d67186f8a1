using Ebm.Functional.Numerics;
using Ebm.Functional.Estimation;

namespace Ebm.Functional.Estimators;

/// <summary>
/// The Meng and Wong (1996) fixed-point iteration of the optimal bridge, in log space, for weighted or
/// unweighted samples, and the Frühwirth-Schnatter (2004) relative mean-squared error.
/// </summary>
/// <remarks>
/// With l = log q1 - log q2 (the log ratio of the unnormalised densities), draws x1 ~ p1 and x2 ~ p2, and
/// a(l, r) = log(s1 e^l + s2 r), one step is
/// log r' = log E_2[exp(l2 - a(l2, r))] - log E_1[exp(-a(l1, r))], each expectation a log-sum-exp over the
/// draws with their log masses (log 1/N for plain samples), a(l, r) evaluated as logaddexp(log s1 + l, log s2 + log r)
/// so that no exponential overflows (as in Gronau et al. 2017's bridgesampling package).
/// <para>The fixed point is the root of h(log r) = log(s2 r E_1[1 / (s1 e^l + s2 r)]) - log(s2 E_2[e^l / (s1 e^l + s2 r)]),
/// which increases strictly with r (the first term increases, the second decreases), so the root is unique and
/// bisection finds it; one step of the iteration is log r' = log r - h(log r). When the proposal and the target
/// draws hardly overlap the iteration overshoots and oscillates about the root, closing in by about 1% of the gap
/// per step (a 64 x 20 RBM bridged with the uniform proposal was still 14 nats off after 1000 steps);
/// <see cref="Solve"/> then brackets the root and bisects.</para>
/// </remarks>
internal static class BridgeIteration
{
    /// <summary>The result of the iteration, with the relative change of r at the last step.</summary>
    public readonly record struct Outcome(double LogRatio, int Iterations, bool Converged, double LastChange);

    /// <summary>Iterates from <paramref name="start"/> until the relative change of r is below the tolerance.</summary>
    public static Outcome Iterate(
        ReadOnlySpan<double> l1, ReadOnlySpan<double> logMass1, ReadOnlySpan<double> l2, ReadOnlySpan<double> logMass2,
        double s1, double s2, double start, double tolerance, int maxIterations)
    {
        var (logS1, logS2) = (Math.Log(s1), Math.Log(s2));
        var terms1 = new double[l1.Length];
        var terms2 = new double[l2.Length];
        var logRatio = start;
        var change = double.NaN;
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            var (up, down) = LogSums(l1, logMass1, l2, logMass2, logS1, logS2 + logRatio, terms1, terms2);
            var next = up - down;
            change = Math.Abs(Math.Exp(next - logRatio) - 1.0);
            logRatio = next;
            if (change < tolerance) return new Outcome(logRatio, iteration, true, change);
        }

        return new Outcome(logRatio, maxIterations, false, change);
    }

    /// <summary>
    /// The fixed point: <see cref="Iterate"/> for up to <paramref name="maxIterations"/> steps, then, if it has not
    /// converged, bisection of h on log r from a bracket grown around the last iterate until |delta log r| is below the
    /// tolerance. Not converged only when no bracket is found (h not finite).
    /// </summary>
    public static Outcome Solve(
        ReadOnlySpan<double> l1, ReadOnlySpan<double> logMass1, ReadOnlySpan<double> l2, ReadOnlySpan<double> logMass2,
        double s1, double s2, double start, double tolerance, int maxIterations)
    {
        var iterated = Iterate(l1, logMass1, l2, logMass2, s1, s2, start, tolerance, maxIterations);
        if (iterated.Converged) return iterated;
        var (logS1, logS2) = (Math.Log(s1), Math.Log(s2));
        var terms1 = new double[l1.Length];
        var terms2 = new double[l2.Length];
        double H(double logRatio, ReadOnlySpan<double> l1, ReadOnlySpan<double> logMass1, ReadOnlySpan<double> l2, ReadOnlySpan<double> logMass2)
        {
            var (up, down) = LogSums(l1, logMass1, l2, logMass2, logS1, logS2 + logRatio, terms1, terms2);
            return logRatio + down - up;
        }

        var (low, high, width) = (iterated.LogRatio, iterated.LogRatio, 1.0);
        var failed = new Outcome(iterated.LogRatio, maxIterations, false, iterated.LastChange);
        for (var grow = 0; grow < MaxBracketDoublings && !(H(low, l1, logMass1, l2, logMass2) < 0); grow++, width *= 2) low -= width;
        for (var grow = 0; grow < MaxBracketDoublings && !(H(high, l1, logMass1, l2, logMass2) > 0); grow++, width *= 2) high += width;
        if (!(H(low, l1, logMass1, l2, logMass2) < 0 && H(high, l1, logMass1, l2, logMass2) > 0)) return failed;
        var bisections = 0;
        while (high - low > tolerance && bisections < MaxBisections)
        {
            var middle = 0.5 * (low + high);
            if (middle <= low || middle >= high) break;
            if (H(middle, l1, logMass1, l2, logMass2) < 0) low = middle;
            else high = middle;
            bisections++;
        }

        return new Outcome(0.5 * (low + high), maxIterations + bisections, true, high - low);
    }

    /// <summary>
    /// The two sums of the fixed point at log(s2 r) = <paramref name="logS2r"/>, in log space with the draws' log masses:
    /// log E_2[e^l / (s1 e^l + s2 r)] (up) and log E_1[1 / (s1 e^l + s2 r)] (down); one step of the iteration is
    /// log r' = up - down. The terms are written into the scratch arrays <paramref name="terms1"/> and <paramref name="terms2"/>.
    /// </summary>
    private static (double Up, double Down) LogSums(
        ReadOnlySpan<double> l1, ReadOnlySpan<double> logMass1, ReadOnlySpan<double> l2, ReadOnlySpan<double> logMass2,
        double logS1, double logS2r, double[] terms1, double[] terms2)
    {
        for (var j = 0; j < l2.Length; j++) terms2[j] = logMass2[j] + l2[j] - LogAddExp(logS1 + l2[j], logS2r);
        for (var i = 0; i < l1.Length; i++) terms1[i] = logMass1[i] - LogAddExp(logS1 + l1[i], logS2r);
        return (LogSpace.LogSumExp(terms2), LogSpace.LogSumExp(terms1));
    }

    /// <summary>How often a bracket side may double before the root is declared unreachable.</summary>
    private const int MaxBracketDoublings = 64;

    /// <summary>Bisections at most (double precision is exhausted well before).</summary>
    private const int MaxBisections = 200;

    /// <summary>
    /// RE^2 = Var_2(f1) / (N2 E_2[f1]^2) + Var_1(f2) / (N1eff E_1[f2]^2) with f1 = p1 / (s1 p1 + s2 p2) on the p2 draws and
    /// f2 = p2 / (s1 p1 + s2 p2) on the p1 draws, p1 and p2 normalised with the estimated ratio (Frühwirth-Schnatter 2004,
    /// eq. for the relative mean-squared error; the autocorrelation of the p1 draws enters as N1 / N1eff).
    /// </summary>
    public static double RelativeSquaredError(ReadOnlySpan<double> l1, ReadOnlySpan<double> l2, double s1, double s2, double logRatio, double effective1)
    {
        var (logS1, logS2) = (Math.Log(s1), Math.Log(s2));
        var f1 = new double[l2.Length];
        for (var j = 0; j < l2.Length; j++) f1[j] = l2[j] - logRatio - LogAddExp(logS1 + l2[j] - logRatio, logS2);
        var f2 = new double[l1.Length];
        for (var i = 0; i < l1.Length; i++) f2[i] = -LogAddExp(logS1 + l1[i] - logRatio, logS2);
        var term1 = SquaredRelativeError(f1);
        var term2 = SquaredRelativeError(f2) * l1.Length / effective1;
        return term1 + term2;
    }

    /// <summary>
    /// The effective sizes of the two sums of the fixed point at <paramref name="logRatio"/>: the Kish ESS (sum a)^2 / sum a^2
    /// of the terms a_j = e^l2_j / (s1 e^l2_j + s2 r) over the p2 draws and of b_i = 1 / (s1 e^l1_i + s2 r) over the p1 draws
    /// (times N1eff / N1 for correlated draws), the smaller of the two, and the largest normalised term of either sum.
    /// A sum carried by a handful of terms is the bridge's weight degeneracy.
    /// </summary>
    public static (double Ess, double MaxNormalisedTerm) Ess(ReadOnlySpan<double> l1, ReadOnlySpan<double> l2, double s1, double s2, double logRatio, double effective1)
    {
        var (logS1, logS2r) = (Math.Log(s1), Math.Log(s2) + logRatio);
        var terms2 = new double[l2.Length];
        for (var j = 0; j < l2.Length; j++) terms2[j] = l2[j] - LogAddExp(logS1 + l2[j], logS2r);
        var terms1 = new double[l1.Length];
        for (var i = 0; i < l1.Length; i++) terms1[i] = -LogAddExp(logS1 + l1[i], logS2r);
        var (side2, side1) = (WeightSummary.Of(terms2), WeightSummary.Of(terms1));
        return (Math.Min(side2.Ess, side1.Ess * effective1 / l1.Length), Math.Max(side2.MaxNormalisedWeight, side1.MaxNormalisedWeight));
    }

    /// <summary>log(e^a + e^b) without overflow; -infinity when both are.</summary>
    public static double LogAddExp(double a, double b)
    {
        var max = Math.Max(a, b);
        if (double.IsNegativeInfinity(max)) return max;
        return max + Math.Log(Math.Exp(a - max) + Math.Exp(b - max));
    }

    // Var(w) / (N mean(w)^2) with ddof 1, from log values (WeightSummary's delta-method error, squared).
    private static double SquaredRelativeError(double[] logValues)
    {
        var se = WeightSummary.Of(logValues).StandardError;
        return se * se;
    }
}
