using Ebm.Functional.Mcmc;
using Ebm.Functional.Models;
using Ebm.Functional.Numerics;
using Ebm.Functional.Prng;

namespace Ebm.Functional.Tests.Mcmc;

/// <summary>
/// Shared pieces of the continuous-kernel tests: exact Gaussian draws to start chains in stationarity,
/// per-chain moment estimates, and the bound that compares their average with an exact value.
/// </summary>
/// <remarks>
/// Chains started from exact draws of the target are stationary from step 0 and independent of each
/// other (distinct keys), so each chain's time average is one independent, identically distributed
/// batch: the Monte Carlo standard error of the grand mean is sd(batch means) / sqrt(C) exactly, with
/// no autocorrelation estimate. The bound is |grand mean - exact| &lt;= Z sd / sqrt(C); with C = 64 the
/// statistic is Student t with 63 degrees of freedom, P(|t| &gt; 4.5) = 3e-5 per check.
/// </remarks>
internal static class ContinuousTestSupport
{
    /// <summary>Multiple of the standard error allowed: delta = 3e-5 per check (t, 63 degrees of freedom).</summary>
    public const double Z = 4.5;

    public static GaussianModel Gaussian(Vec mean, Mat precision) => (GaussianModel)GaussianModel.Create(mean, precision);

    /// <summary>C exact draws of exp(-beta E) for a Gaussian: x = mu + L^-T z / sqrt(beta) with P = L L^T.</summary>
    public static Mat ExactDraws(RngKey key, GaussianModel model, double beta, int chains)
    {
        var d = model.Dimension;
        var l = model.CholeskyFactor;
        return Mat.Create(chains, d, rows =>
        {
            for (var c = 0; c < chains; c++)
            {
                var y = new double[d];
                for (var i = d - 1; i >= 0; i--)
                {
                    var s = key.FoldIn(c).NormalAt(i) / Math.Sqrt(beta);
                    for (var k = i + 1; k < d; k++) s -= l[k, i] * y[k];
                    y[i] = s / l[i, i];
                }

                for (var i = 0; i < d; i++) rows[c * d + i] = model.Mean[i] + y[i];
            }
        });
    }

    /// <summary>
    /// Runs the chains and returns, per chain, the time averages of each statistic; statistic k of a
    /// point x is <paramref name="statistics"/>[k](x).
    /// </summary>
    public static double[][] ChainAverages<TInfo>(
        RngKey key, ContinuousChains start, KernelStep<ContinuousChains, TInfo> step, int burnIn, int steps,
        IReadOnlyList<Func<ReadOnlySpan<double>, double>> statistics)
    {
        var (runKey, burnKey) = key.Split();
        var state = Loop.Run(burnKey, start, burnIn, step);
        var sums = new double[start.Chains][];
        for (var c = 0; c < sums.Length; c++) sums[c] = new double[statistics.Count];
        for (var t = 0; t < steps; t++)
        {
            (state, _) = step(runKey.FoldIn(t), state);
            for (var c = 0; c < state.Chains; c++)
            for (var k = 0; k < statistics.Count; k++)
                sums[c][k] += statistics[k](state.Positions.Row(c));
        }

        return sums.Select(row => row.Select(s => s / steps).ToArray()).ToArray();
    }

    /// <summary>Grand mean over chains of statistic k and its standard error sd / sqrt(C).</summary>
    public static (double Mean, double StandardError) Pooled(double[][] chainAverages, int k)
    {
        var values = chainAverages.Select(row => row[k]).ToArray();
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
        return (mean, Math.Sqrt(variance / values.Length));
    }

    /// <summary>Asserts |grand mean - exact| &lt;= Z standard errors, naming the statistic on failure.</summary>
    public static void AssertMatches(double[][] chainAverages, int k, double exact, string what)
    {
        var (mean, se) = Pooled(chainAverages, k);
        Assert.True(Math.Abs(mean - exact) <= Z * se,
            $"{what}: estimate {mean:R}, exact {exact:R}, standard error {se:R}, allowed {Z * se:R}");
    }
}
