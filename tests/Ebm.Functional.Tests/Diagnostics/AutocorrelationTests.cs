using Ebm.Functional.Diagnostics;
using Ebm.Functional.Numerics;

namespace Ebm.Functional.Tests.Diagnostics;

/// <summary>Autocorrelations against closed forms and the direct lag sum.</summary>
public class AutocorrelationTests
{
    private static Vec Value(LanguageExt.Fin<Vec> result) => result.Match(v => v, e => throw new Xunit.Sdk.XunitException(e.Message));

    [Fact]
    public void AlternatingSignsHaveTheExactFiniteSampleAutocorrelation()
    {
        // x = +1, -1, ... (n even): mean 0, γ̂_t = (1/n) Σ_{i<n-t} (-1)^i (-1)^{i+t} = (-1)^t (n - t)/n, γ̂_0 = 1.
        const int n = 64;
        var x = Enumerable.Range(0, n).Select(i => i % 2 == 0 ? 1.0 : -1.0).ToArray();
        var rho = Value(Autocorrelation.OfChain(x, n - 1));
        for (var t = 0; t < n; t++) Assert.Equal((t % 2 == 0 ? 1 : -1) * (n - t) / (double)n, rho[t], 13);
    }

    [Fact]
    public void FftAgreesWithTheDirectLagSumToRoundOff()
    {
        var x = DiagnosticsTestData.Ar1(seed: 21, chains: 1, draws: 1001, phi: 0.7, mean: 5.0).Row(0).ToArray();
        var mean = x.Average();
        double Direct(int t) => Enumerable.Range(0, x.Length - t).Sum(i => (x[i] - mean) * (x[i + t] - mean)) / x.Length;
        var rho = Value(Autocorrelation.OfChain(x, 200));
        var gamma0 = Direct(0);
        for (var t = 0; t <= 200; t++) Assert.True(Math.Abs(rho[t] - Direct(t) / gamma0) < 1e-12, $"lag {t}");
    }

    [Fact]
    public void CombinedAutocorrelationOfTwoShiftedAlternatingChainsMatchesTheHandComputation()
    {
        // Chains 1 -1 1 -1 and 2 0 2 0 (n = 4): each centred chain is ±1 alternating, γ̂ = 1, -3/4, 1/2, -1/4.
        // W = γ̂_0·4/3 = 4/3; chain means 0 and 1, var = 1/2; var⁺ = (3/4)(4/3) + 1/2 = 3/2.
        // ρ̂_t = 1 - (4/3 - γ̂_t)/(3/2): -7/18, 4/9, -1/18 for t = 1, 2, 3; ρ̂_0 = 1 by definition.
        var rho = Value(Autocorrelation.Combined(Mat.FromRows([[1, -1, 1, -1], [2, 0, 2, 0]])));
        Assert.Equal(1.0, rho[0]);
        Assert.Equal(-7.0 / 18.0, rho[1], 14);
        Assert.Equal(4.0 / 9.0, rho[2], 14);
        Assert.Equal(-1.0 / 18.0, rho[3], 14);
    }

    [Fact]
    public void ConstantOrShortOrBadLagIsAnError()
    {
        Assert.Equal(DiagnosticsErrors.ConstantDrawsCode, Autocorrelation.OfChain([3.0, 3.0, 3.0], 1).Match(_ => 0, e => e.Code));
        Assert.Equal(DiagnosticsErrors.TooFewDrawsCode, Autocorrelation.OfChain([3.0], 0).Match(_ => 0, e => e.Code));
        Assert.Equal(DiagnosticsErrors.InvalidArgumentCode, Autocorrelation.OfChain([1.0, 2.0, 3.0], 3).Match(_ => 0, e => e.Code));
        Assert.Equal(DiagnosticsErrors.ConstantDrawsCode, Autocorrelation.Combined(Mat.FromRows([[1, 1], [1, 1]])).Match(_ => 0, e => e.Code));
    }
}
