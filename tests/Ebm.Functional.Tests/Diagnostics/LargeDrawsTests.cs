using Ebm.Functional.Diagnostics;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Tests.Diagnostics;

/// <summary>
/// Finite draws near the top of the double range (1e306 to 1.7e308) give finite summaries: the hand-computed mean,
/// sd and MCSE, and R-hat, ESS and autocorrelations equal to those of the same draws scaled down by a power of two.
/// </summary>
public class LargeDrawsTests
{
    private static double Value(LanguageExt.Fin<double> result) => result.Match(v => v, e => throw new Xunit.Sdk.XunitException(e.Message));

    private static Mat Scaled(Mat draws, double factor) => Mat.Create(draws.Rows, draws.Columns, d =>
    {
        for (var i = 0; i < d.Length; i++) d[i] = draws.Span[i] * factor;
    });

    [Fact]
    public void The_mean_and_sd_of_draws_near_1e306_are_the_hand_computed_values()
    {
        // 4 chains x 500 draws alternating 1e306, 3e306: the plain sum (4e309) overflows. Mean 2e306; every
        // deviation is ±1e306, so s² = 2000·1e612/1999 (beyond the double range) and sd = 1e306·√(2000/1999).
        // Recursive summation of n = 2000 terms errs by at most (n - 1)·2^-53 relative (Higham 2002, §4.2): 2.2e-13.
        var draws = Mat.Create(4, 500, d =>
        {
            for (var i = 0; i < d.Length; i++) d[i] = i % 2 == 0 ? 1e306 : 3e306;
        });
        var summary = ChainSummary.Summarise(draws).Match(s => s, e => throw new Xunit.Sdk.XunitException(e.Message));
        const double relative = 2000 * 1.1102230246251565e-16;
        Assert.Equal(2e306, summary.Mean, 2e306 * relative);
        Assert.Equal(1e306 * Math.Sqrt(2000.0 / 1999.0), summary.StandardDeviation, 1e306 * 2 * relative);
        Assert.True(summary.McseMean.Map(double.IsFinite).IfNone(false), "the MCSE is finite");
    }

    [Fact]
    public void Hand_examples_keep_their_values_at_the_top_of_the_range()
    {
        const double big = 1e306;
        // Gelman-Rubin example of the documentation x 1e306: R̂ = √(8/3); its variances (~1e612) are not doubles.
        Assert.Equal(Math.Sqrt(8.0 / 3.0), Value(RHat.GelmanRubin(Mat.FromRows([[1 * big, 2 * big, 3 * big], [3 * big, 4 * big, 5 * big]]))), 14);
        // Batch means of 2: 1.5, 3.5, 5.5 (x 2^1000) with sample variance 4 (x 2^2000): MCSE = √(4/3)·2^1000.
        var unit = Math.ScaleB(1.0, 1000);
        Assert.Equal(Math.Sqrt(4.0 / 3.0) * unit, Value(MonteCarloStandardError.BatchMeans(Mat.FromRows([[1 * unit, 2 * unit, 3 * unit, 4 * unit, 5 * unit, 6 * unit, 7 * unit]]), 2)), 1e-14 * unit);
        // Alternating ±1.5e308 (gaps of 3e308 overflow): ρ̂_t = (-1)^t (n - t)/n; the median of the pooled draws is 0.
        const int n = 64;
        var alternating = Enumerable.Range(0, n).Select(i => i % 2 == 0 ? 1.5e308 : -1.5e308).ToArray();
        var rho = Autocorrelation.OfChain(alternating, n - 1).Match(v => v, e => throw new Xunit.Sdk.XunitException(e.Message));
        for (var t = 0; t < n; t++) Assert.Equal((t % 2 == 0 ? 1 : -1) * (n - t) / (double)n, rho[t], 13);
        Assert.Equal(0.0, DrawsCheck.Quantile(alternating, 0.5));
    }

    /// <summary>Multiplying every draw by 2^1000 is exact, so every summary scales exactly and the ratios keep their bits.</summary>
    [Fact]
    public void Summaries_of_draws_scaled_by_a_power_of_two_scale_exactly()
    {
        var draws = DiagnosticsTestData.Ar1(seed: 7, chains: 4, draws: 400, phi: 0.6, mean: 3.0);
        var factor = Math.ScaleB(1.0, 1000);
        var small = ChainSummary.Summarise(draws).Match(s => s, e => throw new Xunit.Sdk.XunitException(e.Message));
        var large = ChainSummary.Summarise(Scaled(draws, factor)).Match(s => s, e => throw new Xunit.Sdk.XunitException(e.Message));
        Assert.Equal(small.Mean * factor, large.Mean);
        Assert.Equal(small.StandardDeviation * factor, large.StandardDeviation);
        Assert.Equal(small.McseMean.Map(m => m * factor), large.McseMean);
        Assert.Equal(small.RHat, large.RHat);
        Assert.Equal(small.BulkEss, large.BulkEss);
        Assert.Equal(small.TailEss, large.TailEss);
        Assert.Equal(small.AutocorrelationTime, large.AutocorrelationTime);
        Assert.Equal(Value(RHat.Split(draws)), Value(RHat.Split(Scaled(draws, factor))));
        Assert.Equal(Value(EffectiveSampleSize.Basic(draws)), Value(EffectiveSampleSize.Basic(Scaled(draws, factor))));
        // the variance itself (about 1.6·2^2000) is beyond the double range; its square root is not
        Assert.Equal(double.PositiveInfinity, DrawsCheck.Variance(Scaled(draws, factor).Span));
    }

    [Fact]
    public void Tiny_draws_scale_exactly_too()
    {
        var draws = DiagnosticsTestData.Ar1(seed: 8, chains: 2, draws: 100, phi: 0.3);
        var factor = Math.ScaleB(1.0, -1000);
        Assert.Equal(Value(RHat.Split(draws)), Value(RHat.Split(Scaled(draws, factor))));
        Assert.Equal(DrawsCheck.StandardDeviation(draws.Span) * factor, DrawsCheck.StandardDeviation(Scaled(draws, factor).Span));
    }
}
