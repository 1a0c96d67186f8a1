namespace Ebm.Functional.Estimators;

/// <summary>Quadrature weights c_k with integral ≈ sum_k c_k f(t_k), so independent errors propagate as sqrt(sum c_k^2 se_k^2).</summary>
internal static class IntegrationWeights
{
    /// <summary>Weights of <paramref name="rule"/> on the strictly increasing points (two or more; three or more for Simpson).</summary>
    public static double[] Of(ReadOnlySpan<double> t, IntegrationRule rule) =>
        rule == IntegrationRule.Simpson ? Simpson(t) : Trapezoid(t);

    /// <summary>c_0 = h_0 / 2, c_k = (h_{k-1} + h_k) / 2, c_K = h_{K-1} / 2.</summary>
    public static double[] Trapezoid(ReadOnlySpan<double> t)
    {
        var c = new double[t.Length];
        for (var k = 0; k + 1 < t.Length; k++)
        {
            var h = t[k + 1] - t[k];
            c[k] += h / 2;
            c[k + 1] += h / 2;
        }

        return c;
    }

    /// <summary>
    /// Composite Simpson for irregular spacing: on each pair (h0, h1) the weights (h0 + h1)/6 times
    /// (2 - h1/h0, (h0 + h1)^2 / (h0 h1), 2 - h0/h1); with an odd number N of intervals the last one adds
    /// (2h^2 + 3h h')/(6(h' + h)) f_N + (h^2 + 3h h')/(6h') f_{N-1} - h^3/(6h'(h' + h)) f_{N-2}, h = h_{N-1}, h' = h_{N-2}
    /// (the integral of the quadratic through the last three points). On a uniform grid with N even this is h/3 (1, 4, 2, ..., 4, 1).
    /// </summary>
    public static double[] Simpson(ReadOnlySpan<double> t)
    {
        var n = t.Length - 1;
        var c = new double[t.Length];
        var pairs = n / 2;
        for (var p = 0; p < pairs; p++)
        {
            var i = 2 * p;
            var (h0, h1) = (t[i + 1] - t[i], t[i + 2] - t[i + 1]);
            var s = (h0 + h1) / 6;
            c[i] += s * (2 - h1 / h0);
            c[i + 1] += s * (h0 + h1) * (h0 + h1) / (h0 * h1);
            c[i + 2] += s * (2 - h0 / h1);
        }

        if (n % 2 == 1)
        {
            var (h, previous) = (t[n] - t[n - 1], t[n - 1] - t[n - 2]);
            c[n] += (2 * h * h + 3 * h * previous) / (6 * (previous + h));
            c[n - 1] += (h * h + 3 * h * previous) / (6 * previous);
            c[n - 2] -= h * h * h / (6 * previous * (previous + h));
        }

        return c;
    }
}
