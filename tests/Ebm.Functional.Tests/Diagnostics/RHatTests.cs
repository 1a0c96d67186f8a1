using Ebm.Functional.Diagnostics;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Tests.Diagnostics;

/// <summary>R-hat against hand-computed between/within variances and against its sampling distribution on iid draws.</summary>
public class RHatTests
{
    private static double Value(LanguageExt.Fin<double> result) => result.Match(v => v, e => throw new Xunit.Sdk.XunitException(e.Message));

    [Fact]
    public void GelmanRubinOfTwoChainsOfFourMatchesTheHandComputation()
    {
        // A = 0 2 1 3 (mean 1.5, s² = (2.25 + .25 + .25 + 2.25)/3 = 5/3), B = A + 2 (mean 3.5, s² = 5/3).
        // W = 5/3; var(chain means) = 2 so B = n·2 = 8; var⁺ = (3/4)(5/3) + 8/4 = 13/4; R̂ = √((13/4)/(5/3)) = √(39/20).
        var draws = Mat.FromRows([[0, 2, 1, 3], [2, 4, 3, 5]]);
        Assert.Equal(Math.Sqrt(39.0 / 20.0), Value(RHat.GelmanRubin(draws)), 14);
    }

    [Fact]
    public void SplitRHatOfTwoChainsOfFourMatchesTheHandComputation()
    {
        // Halves [0 2] [1 3] [2 4] [3 5], n = 2: means 1 2 3 4, each s² = 2, so W = 2; var(means) = 5/3, B = 10/3;
        // var⁺ = (1/2)·2 + 5/3 = 8/3; R̂ = √((8/3)/2) = √(4/3).
        var draws = Mat.FromRows([[0, 2, 1, 3], [2, 4, 3, 5]]);
        Assert.Equal(Math.Sqrt(4.0 / 3.0), Value(RHat.Split(draws)), 14);
    }

    [Fact]
    public void GelmanRubinExampleInTheDocumentation()
    {
        Assert.Equal(Math.Sqrt(8.0 / 3.0), Value(RHat.GelmanRubin(Mat.FromRows([[1, 2, 3], [3, 4, 5]]))), 14);
    }

    [Fact]
    public void BulkRHatIsTheSplitRHatOfTheBlomScores()
    {
        // One chain 1 2 3 4 → ranks 1..4, S = 4: z = Φ⁻¹((r - 3/8)/4.25) = -a, -b, b, a with a = 1.0491313979639711,
        // b = 0.29930691046566704 (Python statistics.NormalDist). Halves [-a -b], [b a]: means ∓(a+b)/2,
        // s² = (a-b)²/2 each = W; var(means) = (a+b)²/2; var⁺ = W/2 + (a+b)²/2; R̂ = √(1/2 + (a+b)²/(a-b)²).
        const double a = 1.0491313979639711, b = 0.29930691046566704;
        var expected = Math.Sqrt(0.5 + (a + b) * (a + b) / ((a - b) * (a - b)));
        Assert.Equal(expected, Value(RHat.Bulk(Mat.FromRows([[1, 2, 3, 4]]))), 12);
        Assert.Equal(expected, Value(RHat.Bulk(Mat.FromRows([[-10, 0, 5, 1000]]))), 12);
    }

    /// <summary>
    /// 4 chains x 25,000 iid N(0, 1), n = 12,500 per half chain. R̂² = (n-1)/n + (B/W)/n with B/W ≈ χ²₇/7, so
    /// R̂ ≤ √(1 + 4/n) unless B/W &gt; 5, probability P(χ²₇ &gt; 35) ≈ 1.2e-5 per R-hat; and R̂ ≥ √((n-1)/n) always.
    /// </summary>
    [Fact]
    public void IidChainsHaveRHatWithinItsSamplingBound()
    {
        var draws = DiagnosticsTestData.Ar1(seed: 11, chains: 4, draws: 25_000, phi: 0.0);
        const double n = 12_500;
        foreach (var rHat in new[] { RHat.Split(draws), RHat.Bulk(draws), RHat.Folded(draws), RHat.RankNormalised(draws) })
        {
            var value = Value(rHat);
            Assert.InRange(value, Math.Sqrt((n - 1) / n) - 1e-15, Math.Sqrt(1 + 4 / n));
        }
    }

    /// <summary>
    /// Chain means 0, 0, 0, 1 (unit variance, T = 2,000): 8 half chains, 6 with mean 0 and 2 with mean 1, so var(means)
    /// ≈ (6·0.25² + 2·0.75²)/7 = 3/14 and R̂ ≈ √(1 + 3/14) ≈ 1.10; each half-chain mean has sd 1/√1000 ≈ 0.03.
    /// </summary>
    [Fact]
    public void ChainsWithDifferentMeansHaveRHatWellAboveTheThreshold()
    {
        var draws = Mat.Create(4, 2000, d =>
        {
            var iid = DiagnosticsTestData.Ar1(seed: 12, chains: 4, draws: 2000, phi: 0.0);
            iid.Span.CopyTo(d);
            for (var t = 0; t < 2000; t++) d[3 * 2000 + t] += 1.0;
        });
        Assert.InRange(Value(RHat.Split(draws)), 1.05, 1.16);
        Assert.InRange(Value(RHat.RankNormalised(draws)), 1.05, 1.16);
    }

    /// <summary>
    /// Same centre, spreads 1 and 3: the bulk R̂ stays within its iid bound √(1 + 20/n) (B/W ≤ 11, n = 1000) while
    /// the folded R̂ sees |x| differ by a factor 3 between chains and exceeds 1.1.
    /// </summary>
    [Fact]
    public void FoldingDetectsChainsThatDifferOnlyInSpread()
    {
        var draws = DiagnosticsTestData.ScaleRows(DiagnosticsTestData.Ar1(seed: 13, chains: 4, draws: 2000, phi: 0.0), 1, 1, 3, 3);
        Assert.True(Value(RHat.Bulk(draws)) < Math.Sqrt(1 + 20.0 / 1000));
        Assert.True(Value(RHat.Folded(draws)) > 1.1);
        Assert.Equal(Value(RHat.Folded(draws)), Value(RHat.RankNormalised(draws)));
    }

    [Fact]
    public void ConstantDrawsAreAnErrorAndFrozenChainsAtDifferentValuesGiveInfinity()
    {
        var constant = Mat.FromRows([[2, 2, 2, 2], [2, 2, 2, 2]]);
        Assert.Equal(DiagnosticsErrors.ConstantDrawsCode, RHat.Split(constant).Match(_ => 0, e => e.Code));
        Assert.Equal(DiagnosticsErrors.ConstantDrawsCode, RHat.RankNormalised(constant).Match(_ => 0, e => e.Code));
        var frozen = Mat.FromRows([[1, 1, 1, 1], [2, 2, 2, 2]]);
        Assert.Equal(double.PositiveInfinity, Value(RHat.Split(frozen)));
        Assert.Equal(double.PositiveInfinity, Value(RHat.Bulk(frozen)));
    }

    [Fact]
    public void FoldedDrawsThatAreAllEqualLeaveTheBulkRHat()
    {
        // ±1 around median 0: |x - 0| = 1 everywhere, so only the bulk term is defined.
        var draws = Mat.FromRows([[1, -1, 1, -1, -1, 1], [-1, 1, -1, 1, 1, -1]]);
        Assert.Equal(Value(RHat.Bulk(draws)), Value(RHat.RankNormalised(draws)));
    }

    [Fact]
    public void BadInputIsReportedWithItsCode()
    {
        Assert.Equal(DiagnosticsErrors.TooFewChainsCode, RHat.GelmanRubin(Mat.FromRows([[1, 2, 3]])).Match(_ => 0, e => e.Code));
        Assert.Equal(DiagnosticsErrors.TooFewDrawsCode, RHat.Split(Mat.FromRows([[1, 2, 3]])).Match(_ => 0, e => e.Code));
        var nan = RHat.Split(Mat.FromRows([[1, 2, 3, 4], [1, double.NaN, 3, 4]]));
        Assert.Equal(DiagnosticsErrors.NonFiniteDrawCode, nan.Match(_ => 0, e => e.Code));
        Assert.Contains("chain 1, draw 1", nan.Match(_ => "", e => e.Message));
    }
}
