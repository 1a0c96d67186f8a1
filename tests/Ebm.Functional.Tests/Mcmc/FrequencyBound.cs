namespace Ebm.Functional.Tests.Mcmc;

/// <summary>
/// Bernstein's inequality for the empirical frequency f of an event of probability p in n independent
/// trials: P(|f - p| &gt;= t) &lt;= 2 exp(-n t^2 / (2 (p(1-p) + t/3))). Valid for every p, including the
/// tiny ones where a normal approximation would be too narrow.
/// </summary>
internal static class FrequencyBound
{
    /// <summary>The t with failure probability <paramref name="delta"/>: the positive root of n t^2 - (2L/3) t - 2 L p(1-p) = 0, L = ln(2/delta).</summary>
    public static double Bernstein(double p, int n, double delta)
    {
        var log = Math.Log(2.0 / delta);
        var variance = p * (1.0 - p);
        return (2.0 * log / 3.0 + Math.Sqrt(4.0 * log * log / 9.0 + 8.0 * n * log * variance)) / (2.0 * n);
    }
}
