using Ebm.Functional.Errors;
using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Diagnostics;

/// <summary>Validation of a chains-by-draws matrix and the plain statistics the diagnostics share.</summary>
internal static class DrawsCheck
{
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

    /// <summary>Arithmetic mean.</summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values) sum += v;
        return sum / values.Length;
    }

    /// <summary>Unbiased sample variance (divisor n - 1), two-pass so that a large common offset does not cancel.</summary>
    public static double Variance(ReadOnlySpan<double> values)
    {
        var mean = Mean(values);
        var sum = 0.0;
        foreach (var v in values) sum += (v - mean) * (v - mean);
        return sum / (values.Length - 1);
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
        return sorted[low] + (h - low) * (sorted[low + 1] - sorted[low]);
    }
}
