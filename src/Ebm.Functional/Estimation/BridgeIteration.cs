using Ebm.Functional.Numerics;

namespace Ebm.Functional.Estimation;

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
/// </remarks>
internal static class BridgeIteration
{
    /// <summary>The result of the iteration.</summary>
    public readonly record struct Outcome(double LogRatio, int Iterations, bool Converged);

    /// <summary>Iterates from <paramref name="start"/> until the relative change of r is below the tolerance.</summary>
    public static Outcome Iterate(
        ReadOnlySpan<double> l1, ReadOnlySpan<double> logMass1, ReadOnlySpan<double> l2, ReadOnlySpan<double> logMass2,
        double s1, double s2, double start, double tolerance, int maxIterations)
    {
        var (logS1, logS2) = (Math.Log(s1), Math.Log(s2));
        var terms1 = new double[l1.Length];
        var terms2 = new double[l2.Length];
        var logRatio = start;
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            var logS2r = logS2 + logRatio;
            for (var j = 0; j < l2.Length; j++) terms2[j] = logMass2[j] + l2[j] - LogAddExp(logS1 + l2[j], logS2r);
            for (var i = 0; i < l1.Length; i++) terms1[i] = logMass1[i] - LogAddExp(logS1 + l1[i], logS2r);
            var next = LogSpace.LogSumExp(terms2) - LogSpace.LogSumExp(terms1);
            var change = Math.Abs(Math.Exp(next - logRatio) - 1.0);
            logRatio = next;
            if (change < tolerance) return new Outcome(logRatio, iteration, true);
        }

        return new Outcome(logRatio, maxIterations, false);
    }

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
