using Ebm.Functional.Diagnostics;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Tests.Diagnostics;

/// <summary>MCSE, acceptance and swap rates, and the chain summary.</summary>
public class SummaryTests
{
    private static double Value(LanguageExt.Fin<double> result) => result.Match(v => v, e => throw new Xunit.Sdk.XunitException(e.Message));

    [Fact]
    public void BatchMeansOfAHandExample()
    {
        // Batches of 2: means 1.5, 3.5, 5.5 (the 7 is a dropped remainder); sample variance 4, MCSE = √(4/3).
        Assert.Equal(Math.Sqrt(4.0 / 3.0), Value(MonteCarloStandardError.BatchMeans(Mat.FromRows([[1, 2, 3, 4, 5, 6, 7]]), 2)), 14);
        Assert.Equal(DiagnosticsErrors.TooFewDrawsCode, MonteCarloStandardError.BatchMeans(Mat.FromRows([[1, 2, 3]]), 2).Match(_ => 0, e => e.Code));
    }

    /// <summary>
    /// AR(1), φ = 0.5, 4 x 50,000 draws: the exact MCSE is √(σ² τ / N) with σ² = 1/(1 - φ²) = 4/3 and τ = 3.
    /// ESS-based: relative error half that of τ̂ (4.5 sd of Sokal's bound, M = 40: 6.4%). Batch means, b = 223,
    /// K = 896 batches: relative sd 1/√(2(K - 1)) = 2.4% (4.5 sd: 10.6%) plus a bias -2Σtρ_t/(bτ) = -0.6%.
    /// </summary>
    [Fact]
    public void Ar1McseMatchesTheExactAsymptoticValue()
    {
        var draws = DiagnosticsTestData.Ar1(seed: 41, chains: 4, draws: 50_000, phi: 0.5);
        var exact = Math.Sqrt(4.0 / 3.0 * 3.0 / 200_000);
        Assert.InRange(Value(MonteCarloStandardError.OfMean(draws)) / exact, 1 - 0.065, 1 + 0.065);
        Assert.InRange(Value(MonteCarloStandardError.BatchMeans(draws)) / exact, 1 - 0.113, 1 + 0.107);
    }

    [Fact]
    public void AcceptanceAndSwapRatesAreMeans()
    {
        Assert.Equal(0.5, Value(AcceptanceSummary.MeanProbability([0.25, 0.75, 1.0, 0.0])));
        Assert.Equal(0.75, Value(AcceptanceSummary.Rate([true, true, false, true])));
        var swaps = AcceptanceSummary.SwapRates([4L, 10L], [1L, 7L]).Match(v => v, e => throw new Xunit.Sdk.XunitException(e.Message));
        Assert.Equal(Vec.Of(0.25, 0.7), swaps);
        Assert.Equal(DiagnosticsErrors.InvalidArgumentCode, AcceptanceSummary.MeanProbability([0.5, double.NaN]).Match(_ => 0, e => e.Code));
        Assert.Equal(DiagnosticsErrors.InvalidArgumentCode, AcceptanceSummary.SwapRates([0L], [0L]).Match(_ => 0, e => e.Code));
        Assert.Equal(DiagnosticsErrors.TooFewDrawsCode, AcceptanceSummary.Rate([]).Match(_ => 0, e => e.Code));
    }

    [Fact]
    public void SummaryCollectsTheDiagnosticsAndWarnsOnlyWhenItShould()
    {
        var good = DiagnosticsTestData.Ar1(seed: 42, chains: 4, draws: 2000, phi: 0.0);
        var summary = ChainSummary.Summarise(good).Match(s => s, e => throw new Xunit.Sdk.XunitException(e.Message));
        Assert.Equal((4, 2000), (summary.Chains, summary.DrawsPerChain));
        Assert.Equal(good.Span.ToArray().Average(), summary.Mean, 12);
        Assert.Equal(Value(EffectiveSampleSize.Bulk(good)), summary.BulkEss.IfNone(double.NaN));
        Assert.Equal(Value(RHat.RankNormalised(good)), summary.RHat.IfNone(double.NaN));
        Assert.Empty(summary.Warnings());

        var stuck = DiagnosticsTestData.Ar1(seed: 43, chains: 4, draws: 2000, phi: 0.995);
        Assert.Contains(ChainSummary.Summarise(stuck).Match(s => s.Warnings(), _ => default), w => w.StartsWith("R-hat"));
    }

    [Fact]
    public void ConstantDrawsGiveNoneRatherThanNaN()
    {
        var summary = ChainSummary.Summarise(Mat.Create(2, 20, d => d.Fill(-3.0))).Match(s => s, e => throw new Xunit.Sdk.XunitException(e.Message));
        Assert.Equal((-3.0, 0.0), (summary.Mean, summary.StandardDeviation));
        Assert.True(summary.RHat.IsNone && summary.BulkEss.IsNone && summary.TailEss.IsNone && summary.McseMean.IsNone);
        Assert.Equal(3, summary.Warnings().Count);
    }
}
