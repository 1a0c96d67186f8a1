using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Diagnostics;

/// <summary>Validation of a chains-by-draws matrix and the plain statistics the diagnostics share.</summary>
internal static class DrawsCheck
{
    /// <summary>2^-1022, the smallest positive normal double.</summary>
    private const double SmallestNormal = 2.2250738585072014E-308;

    /// <summary>The draws, or the first problem: too few chains, too few draws per chain, a non-finite value.</summary>
    public static Fin<Mat> Validate(Mat draws, string diagnostic, int minimumChains, int minimumDraws)
    {
        if (draws.Rows < minimumChains) return FinFail<Mat>(DiagnosticsErrors.TooFewChains(diagnostic, draws.Rows, minimumChains));
        if (draws.Columns < minimumDraws) return FinFail<Mat>(DiagnosticsErrors.TooFewDraws(diagnostic, draws.Columns, minimumDraws));
        var values = draws.Span;
        for (var i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                return FinFail<Mat>(DiagnosticsErrors.NonFiniteDraw(i / draws.Columns, i % draws.Columns, values[i]));
        return FinSucc(draws);
    }

    /// <summary>True when every value equals the first.</summary>
    public static bool IsConstant(ReadOnlySpan<double> values)
    {
        for (var i = 1; i < values.Length; i++)
            if (values[i] != values[0]) return false;
        return true;
    }

    /// <summary>
    /// Arithmetic mean, finite for any finite values: the values are scaled by a power of two 2^-e that brings
    /// max |x| into [1, 2) before summing, so no partial sum can overflow (a mean of values near 1e306 is
    /// representable, their plain sum is not). Scaling by a power of two is exact, so wherever the plain sum
    /// did not overflow the result has the same bits as Σx / n.
    /// </summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        var exponent = ScaleExponent(values);
        var inverse = Math.ScaleB(1.0, -exponent);
        var sum = 0.0;
        foreach (var v in values) sum += v * inverse;
        return Math.ScaleB(sum / values.Length, exponent);
    }

    /// <summary>
    /// Unbiased sample variance (divisor n - 1), two-pass so that a large common offset does not cancel, and
    /// scaled as <see cref="Mean"/> is; +∞ only when the variance itself exceeds the largest double.
    /// </summary>
    public static double Variance(ReadOnlySpan<double> values)
    {
        var (scaled, exponent) = ScaledVariance(values);
        return Math.ScaleB(scaled, 2 * exponent);
    }

    /// <summary>Standard deviation √<see cref="Variance"/>, finite for finite values even where the variance is not (sd of values near 1e306).</summary>
    public static double StandardDeviation(ReadOnlySpan<double> values)
    {
        var (scaled, exponent) = ScaledVariance(values);
        return Math.ScaleB(Math.Sqrt(scaled), exponent);
    }

    /// <summary>
    /// The variance as v·2^(2e): v computed from the values scaled by 2^-e (so |x - x̄|·2^-e &lt; 4 and v &lt; 16n/(n-1)),
    /// e the scale of the values. √v·2^e is then the standard deviation, with no overflow on the way.
    /// </summary>
    public static (double Scaled, int Exponent) ScaledVariance(ReadOnlySpan<double> values)
    {
        var exponent = ScaleExponent(values);
        var inverse = Math.ScaleB(1.0, -exponent);
        var mean = Mean(values) * inverse;
        var sum = 0.0;
        foreach (var v in values)
        {
            var deviation = v * inverse - mean;
            sum += deviation * deviation;
        }
        return (sum / (values.Length - 1), exponent);
    }

    /// <summary>
    /// The draws scaled by a power of two so that max |x| lies in [1, 2), for the diagnostics that are ratios of
    /// variances (R-hat, autocorrelation, ESS): they do not change with the scale, and the scaling is exact, so
    /// the result has the same bits as on the raw draws wherever those did not overflow or underflow. Returns the
    /// input itself when its squares and their sums cannot leave the range of a double (|e| ≤ 400).
    /// </summary>
    public static Mat Normalised(Mat draws)
    {
        var exponent = ScaleExponent(draws.Span);
        if (Math.Abs(exponent) <= 400) return draws;
        var inverse = Math.ScaleB(1.0, -exponent);
        return Mat.Create(draws.Rows, draws.Columns, d =>
        {
            var x = draws.Span;
            for (var i = 0; i < d.Length; i++) d[i] = x[i] * inverse;
        });
    }

    /// <summary>
    /// e with max |x| in [2^e, 2^(e+1)), or 0 when every value is 0 or max |x| is subnormal (nothing to gain);
    /// -e is at most 1022, so 2^-e is a normal double.
    /// </summary>
    private static int ScaleExponent(ReadOnlySpan<double> values)
    {
        var largest = 0.0;
        foreach (var v in values) largest = Math.Max(largest, Math.Abs(v));
        return double.IsFinite(largest) && largest >= SmallestNormal ? Math.ILogB(largest) : 0;
    }

    /// <summary>
    /// Quantile by linear interpolation between order statistics (Hyndman and Fan 1996, type 7, the default of R
    /// and NumPy): with sorted x and h = (S - 1) p, q = x[⌊h⌋] + (h - ⌊h⌋)(x[⌊h⌋ + 1] - x[⌊h⌋]).
    /// </summary>
    public static double Quantile(ReadOnlySpan<double> values, double probability)
    {
        var sorted = values.ToArray();
        System.Array.Sort(sorted);
        var h = (sorted.Length - 1) * probability;
        var low = (int)Math.Floor(h);
        if (low >= sorted.Length - 1) return sorted[^1];
        var fraction = h - low;
        var gap = sorted[low + 1] - sorted[low];
        // the gap of two finite values near ±1.8e308 can overflow; half of each cannot
        return double.IsFinite(gap)
            ? sorted[low] + fraction * gap
            : 2.0 * (sorted[low] / 2.0 + fraction * (sorted[low + 1] / 2.0 - sorted[low] / 2.0));
    }
}
