using Ebm.Functional.Diagnostics;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Tests.Diagnostics;

/// <summary>
/// ESS and τ: Geyer's truncation on hand-made autocorrelation sequences, and the estimates on AR(1) chains whose
/// τ = (1 + φ)/(1 - φ) is exact. Tolerances use Sokal's (1997, eq. 3.19) variance of a windowed τ̂,
/// Var(τ̂)/τ² ≈ 2(2M + 1)/N for a window of M lags; the Geyer window is random, and the bound takes M = 40 for φ = 0.5
/// (ρ_40 = 1e-12, far past where the pair sums turn negative) and M = 20 for iid draws. Each check allows 4.5 sd
/// (two-sided probability of a false failure below 1e-5 under normality).
/// </summary>
public class EffectiveSampleSizeTests
{
    private static double Value(LanguageExt.Fin<double> result) => result.Match(v => v, e => throw new Xunit.Sdk.XunitException(e.Message));

    private static double RelativeBound(int window, int totalDraws) => 4.5 * Math.Sqrt(2.0 * (2 * window + 1) / totalDraws);

    [Fact]
    public void GeyerTruncationStopsAtTheFirstNegativePair()
    {
        // Pairs 1.5, 0.5, 0.45, then -0.4 stops at lag 6: τ = -1 + 2(1 + .5 + .3 + .2 + .25 + .2) = 3.9.
        var rho = Vec.Of(1, 0.5, 0.3, 0.2, 0.25, 0.2, -0.3, -0.1, 0, 0);
        Assert.Equal(3.9, EffectiveSampleSize.IntegratedTime(rho, 100), 14);
    }

    [Fact]
    public void GeyerMonotoneSequenceLowersARisingPair()
    {
        // Pairs 1.5, 0.3, 0.5: the third is lowered to 0.3, split 0.15 + 0.15: τ = -1 + 2(1 + .5 + .2 + .1 + .15 + .15) = 3.2.
        var rho = Vec.Of(1, 0.5, 0.2, 0.1, 0.3, 0.2, -0.3, -0.1, 0, 0);
        Assert.Equal(3.2, EffectiveSampleSize.IntegratedTime(rho, 100), 14);
    }

    [Fact]
    public void APositiveEvenLagOfTheStoppingPairCountsOnce()
    {
        // Pair at lag 4 is 0.1 - 0.2 < 0 (stop), its even term 0.1 > 0 is added once: τ = -1 + 2(1 + .5 + .3 + .2) + .1 = 3.1.
        var rho = Vec.Of(1, 0.5, 0.3, 0.2, 0.1, -0.2, 0, 0, 0, 0);
        Assert.Equal(3.1, EffectiveSampleSize.IntegratedTime(rho, 100), 14);
    }

    [Fact]
    public void TauIsFlooredAtOneOverLog10OfTheSampleSize()
    {
        // ρ_1 = -1: the first pair is 0, τ = -1 + 1 = 0, floored at 1/log10(100) = 0.5, so ESS ≤ S log10 S.
        var rho = Vec.Of(1, -1, 0, 0, 0, 0, 0, 0);
        Assert.Equal(0.5, EffectiveSampleSize.IntegratedTime(rho, 100), 14);
    }

    [Fact]
    public void Ar1ChainsHaveTheirKnownAutocorrelationTime()
    {
        const double phi = 0.5, tau = 3.0; // (1 + φ)/(1 - φ)
        var draws = DiagnosticsTestData.Ar1(seed: 31, chains: 4, draws: 50_000, phi: phi);
        var bound = RelativeBound(40, 200_000);
        Assert.InRange(Value(IntegratedAutocorrelationTime.OfDraws(draws)), tau * (1 - bound), tau * (1 + bound));
        Assert.InRange(Value(EffectiveSampleSize.Basic(draws)), 200_000 / tau / (1 + bound), 200_000 / tau / (1 - bound));
        // A rank normalisation of Gaussian draws is nearly the identity, so the bulk ESS estimates the same τ.
        Assert.InRange(Value(EffectiveSampleSize.Bulk(draws)), 200_000 / tau / (1 + bound), 200_000 / tau / (1 - bound));
    }

    [Fact]
    public void OneLongAr1ChainHasItsKnownAutocorrelationTime()
    {
        const double phi = 0.8, tau = 9.0;
        var chain = DiagnosticsTestData.Ar1(seed: 32, chains: 1, draws: 200_000, phi: phi).Row(0);
        // ρ_t = 0.8^t falls below the noise 1/√N ≈ 0.002 by t ≈ 28; M = 80 bounds the window.
        var bound = RelativeBound(80, 200_000);
        Assert.InRange(Value(IntegratedAutocorrelationTime.OfChain(chain)), tau * (1 - bound), tau * (1 + bound));
    }

    [Fact]
    public void IidDrawsHaveAnEssNearTheirNumber()
    {
        var draws = DiagnosticsTestData.Ar1(seed: 33, chains: 4, draws: 25_000, phi: 0.0);
        var bound = RelativeBound(20, 100_000);
        foreach (var ess in new[] { EffectiveSampleSize.Basic(draws), EffectiveSampleSize.Bulk(draws), EffectiveSampleSize.Tail(draws) })
            Assert.InRange(Value(ess), 100_000 / (1 + bound), 100_000 / (1 - bound));
    }

    [Fact]
    public void TailEssOfBinaryDrawsUsesTheInformativeQuantileOnly()
    {
        // 0/1 draws with P(1) = 1/2: q̂_0.95 = 1, so I(x ≤ 1) is constant and only the 5% indicator I(x ≤ 0) counts.
        var draws = Mat.Create(2, 40, d => { for (var i = 0; i < d.Length; i++) d[i] = (i * 7 / 3) % 2; });
        Assert.Equal(Value(EffectiveSampleSize.Quantile(draws, 0.05)), Value(EffectiveSampleSize.Tail(draws)));
        Assert.Equal(DiagnosticsErrors.ConstantDrawsCode, EffectiveSampleSize.Quantile(draws, 0.95).Match(_ => 0, e => e.Code));
    }

    [Fact]
    public void BadInputIsReportedWithItsCode()
    {
        Assert.Equal(DiagnosticsErrors.TooFewDrawsCode, EffectiveSampleSize.Basic(Mat.FromRows([[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]])).Match(_ => 0, e => e.Code));
        Assert.Equal(DiagnosticsErrors.ConstantDrawsCode, EffectiveSampleSize.Bulk(Mat.Create(2, 12, d => d.Fill(1.5))).Match(_ => 0, e => e.Code));
        Assert.Equal(DiagnosticsErrors.InvalidArgumentCode, EffectiveSampleSize.Quantile(Mat.Create(1, 12, d => { for (var i = 0; i < 12; i++) d[i] = i; }), 1.5).Match(_ => 0, e => e.Code));
    }
}
