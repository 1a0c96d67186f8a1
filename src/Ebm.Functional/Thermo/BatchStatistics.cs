using Ebm.Functional.Diagnostics;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Thermo;

/// <summary>
/// Means of chains x sweeps traces and their Monte Carlo standard errors by batch means
/// (<see cref="MonteCarloStandardError.BatchMeans(Mat)"/>, batches of ⌊√T⌋ sweeps), applied to a quantity's
/// influence function so that nonlinear quantities (C, chi, U_4, log Z by integration) get a first-order (delta
/// method) error that keeps the autocorrelation in time and the correlation between rungs that exchanges create.
/// </summary>
internal static class BatchStatistics
{
    /// <summary>The mean of every entry.</summary>
    public static double Mean(Mat trace)
    {
        var sum = 0.0;
        foreach (var x in trace.Span) sum += x;
        return sum / trace.Span.Length;
    }

    /// <summary>The batch-means standard error of the mean of <paramref name="trace"/> (finite entries, at least 64 sweeps).</summary>
    public static double Error(Mat trace) => MonteCarloStandardError.BatchMeans(trace).IfFail(double.NaN);

    /// <summary>The trace f(x) entry by entry.</summary>
    public static Mat Map(Mat trace, Func<double, double> f) => Mat.Create(trace.Rows, trace.Columns, d =>
    {
        var x = trace.Span;
        for (var i = 0; i < d.Length; i++) d[i] = f(x[i]);
    });

    /// <summary>Σ_k weights[k] f_k(traces[k]), entry by entry: the influence of a quantity built from several rungs.</summary>
    public static Mat Combine(IReadOnlyList<Mat> traces, IReadOnlyList<Func<double, double>> terms) => Mat.Create(traces[0].Rows, traces[0].Columns, d =>
    {
        for (var k = 0; k < traces.Count; k++)
        {
            var x = traces[k].Span;
            var f = terms[k];
            for (var i = 0; i < d.Length; i++) d[i] += f(x[i]);
        }
    });

    /// <summary>True when every entry of every trace is finite.</summary>
    public static bool AllFinite(IEnumerable<Mat> traces) => traces.All(t =>
    {
        foreach (var x in t.Span)
            if (!double.IsFinite(x)) return false;
        return true;
    });
}
