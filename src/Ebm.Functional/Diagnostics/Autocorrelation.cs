using System.Numerics;
using Ebm.Functional.Numerics;
using LanguageExt;
using MathNet.Numerics.IntegralTransforms;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Diagnostics;

/// <summary>
/// Autocovariance and autocorrelation of one chain, and the multi-chain autocorrelation that the effective sample
/// size sums (Vehtari, Gelman, Simpson, Carpenter and Bürkner 2021, Bayesian Analysis 16(2), eq. 10).
/// </summary>
/// <remarks>
/// <para>One chain x₀..x_{n-1} with mean x̄: γ̂_t = (1/n) Σ_{i=0}^{n-1-t} (x_i - x̄)(x_{i+t} - x̄) and
/// ρ̂_t = γ̂_t / γ̂_0. The divisor is n at every lag (the "biased" estimator Geyer 1992 recommends: it keeps the
/// sequence positive semi-definite). Computed by a zero-padded FFT (MathNet.Numerics <c>Fourier</c>, padded to a
/// power of two ≥ 2n so the circular correlation equals the linear one): O(n log n), equal to the direct sum to
/// round-off.</para>
/// <para>M chains of n draws each, with W = (1/M) Σ_m s²_m the mean within-chain variance (s²_m = γ̂_{0,m}·n/(n - 1))
/// and var⁺ = ((n - 1)/n) W + B/n, B/n = the sample variance of the chain means (zero when M = 1):
/// ρ̂_0 = 1 and ρ̂_t = 1 - (W - (1/M) Σ_m γ̂_{t,m}) / var⁺ for t ≥ 1 (the formula at t = 0 would give
/// 1 - (W - (n-1)W/n)/var⁺, slightly below 1, by its mixed divisors). The lag-t term averages the chains' autocovariances with divisor n,
/// as Stan and posterior do (the paper writes s²_m ρ̂_{t,m}, which differs by the factor n/(n - 1)). Because var⁺
/// includes the between-chain variance, chains that disagree make ρ̂_t large and the ESS small.</para>
/// <para>The draws are scaled by a power of two (exact, and ρ̂ does not depend on the scale) before the transform, so
/// draws near ±1e308 give finite autocorrelations.</para>
/// </remarks>
public static class Autocorrelation
{
    /// <summary>Autocorrelations ρ̂_0..ρ̂_maxLag of one chain (ρ̂_0 = 1).</summary>
    /// <returns>An error when the chain has fewer than two draws, a non-finite draw, is constant, or maxLag is outside 0..n-1.</returns>
    /// <example>The alternating chain +1, -1, ..., of even length n has ρ̂_t = (-1)^t (n - t)/n.</example>
    public static Fin<Vec> OfChain(ReadOnlySpan<double> chain, int maxLag)
    {
        var draws = Mat.From(1, chain.Length, chain);
        return DrawsCheck.Validate(draws, "autocorrelation", 1, 2).Bind(valid =>
        {
            if (maxLag < 0 || maxLag >= valid.Columns)
                return FinFail<Vec>(DiagnosticsErrors.InvalidArgument("maxLag", maxLag.ToString(), $"must lie in 0..{valid.Columns - 1}"));
            if (DrawsCheck.IsConstant(valid.Span)) return FinFail<Vec>(DiagnosticsErrors.ConstantDraws("autocorrelation"));
            var covariance = Autocovariance(DrawsCheck.Normalised(valid).Span);
            return FinSucc(Vec.Create(maxLag + 1, rho =>
            {
                for (var t = 0; t <= maxLag; t++) rho[t] = covariance[t] / covariance[0];
            }));
        });
    }

    /// <summary>The multi-chain autocorrelation ρ̂_t, t = 0..n-1, of the rows of <paramref name="chains"/> (not split here).</summary>
    /// <returns>An error when there are fewer than two draws per chain, a non-finite draw, or all draws are equal.</returns>
    public static Fin<Vec> Combined(Mat chains) =>
        DrawsCheck.Validate(chains, "combined autocorrelation", 1, 2).Bind(valid =>
            DrawsCheck.IsConstant(valid.Span)
                ? FinFail<Vec>(DiagnosticsErrors.ConstantDraws("combined autocorrelation"))
                : FinSucc(CombinedUnchecked(valid)));

    /// <summary><see cref="Combined"/> for validated, non-constant input.</summary>
    internal static Vec CombinedUnchecked(Mat draws)
    {
        var chains = DrawsCheck.Normalised(draws);
        var n = chains.Columns;
        var m = chains.Rows;
        var meanCovariance = new double[n];
        var chainMeans = new double[m];
        // one spectrum buffer serves every chain: a buffer per chain would allocate 3.3x the draws, twice, per ESS
        var spectrum = new Complex[Padded(n)];
        for (var c = 0; c < m; c++)
        {
            var row = chains.Row(c);
            chainMeans[c] = DrawsCheck.Mean(row);
            PowerTransform(row, spectrum);
            for (var t = 0; t < n; t++) meanCovariance[t] += spectrum[t].Real / spectrum.Length / n / m;
        }
        var within = meanCovariance[0] * n / (n - 1);
        var variancePlus = within * (n - 1) / n + (m > 1 ? DrawsCheck.Variance(chainMeans) : 0.0);
        return Vec.Create(n, rho =>
        {
            rho[0] = 1.0;
            for (var t = 1; t < n; t++) rho[t] = 1.0 - (within - meanCovariance[t]) / variancePlus;
        });
    }

    /// <summary>γ̂_t for t = 0..n-1 with divisor n, by a zero-padded FFT.</summary>
    internal static double[] Autocovariance(ReadOnlySpan<double> chain)
    {
        var n = chain.Length;
        var spectrum = new Complex[Padded(n)];
        PowerTransform(chain, spectrum);
        var covariance = new double[n];
        for (var t = 0; t < n; t++) covariance[t] = spectrum[t].Real / spectrum.Length / n;
        return covariance;
    }

    /// <summary>A power of two ≥ 2n, so the circular correlation of the padded chain equals the linear one.</summary>
    private static int Padded(int n) => (int)BitOperations.RoundUpToPowerOf2((uint)(2 * n));

    /// <summary>
    /// Overwrites <paramref name="spectrum"/> (length <see cref="Padded"/>(n)) with the inverse FFT of |FFT(x - x̄)|² of the
    /// zero-padded chain: entry t holds padded·n·γ̂_t.
    /// </summary>
    private static void PowerTransform(ReadOnlySpan<double> chain, Complex[] spectrum)
    {
        var mean = DrawsCheck.Mean(chain);
        System.Array.Clear(spectrum);
        for (var i = 0; i < chain.Length; i++) spectrum[i] = new Complex(chain[i] - mean, 0.0);
        Fourier.Forward(spectrum, FourierOptions.NoScaling);
        for (var k = 0; k < spectrum.Length; k++) spectrum[k] = new Complex(spectrum[k].Real * spectrum[k].Real + spectrum[k].Imaginary * spectrum[k].Imaginary, 0.0);
        Fourier.Inverse(spectrum, FourierOptions.NoScaling);
    }
}
