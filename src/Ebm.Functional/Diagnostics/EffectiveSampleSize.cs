using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Diagnostics;

/// <summary>
/// Effective sample size (ESS) of C chains x T draws of one scalar quantity: basic (split chains), bulk (rank
/// normalised split chains) and tail (5% and 95% quantile indicators), after Vehtari, Gelman, Simpson, Carpenter
/// and Bürkner (2021), Bayesian Analysis 16(2), §3.2 and §4.3, with Geyer's (1992, Statistical Science 7(4))
/// initial monotone sequence truncating the autocorrelation sum.
/// </summary>
/// <remarks>
/// <para>ESS = S / τ̂ with S = M·n draws in M (split) chains of n, and τ̂ the integrated autocorrelation time
/// τ = 1 + 2 Σ_{t≥1} ρ_t estimated from the multi-chain ρ̂_t of <see cref="Autocorrelation.Combined"/>:</para>
/// <para>1. Initial positive sequence: the pair sums P_k = ρ̂_{2k} + ρ̂_{2k+1} are taken for k = 0, 1, ... while the
/// previous pair was positive, using lags up to n - 3 at most (the last few lags are too noisy); the first non-positive pair stops the sum
/// (its index 2K is the truncation lag). 2. Initial monotone sequence: each P_k larger than P_{k-1} is lowered to
/// P_{k-1}. 3. τ̂ = -1 + 2 Σ_{t&lt;2K} ρ̂_t + max(ρ̂_{2K}, 0), the last term the half-weighted even lag of the
/// stopping pair that Stan and posterior add to reduce the variance for antithetic chains. 4. τ̂ is floored at
/// 1/log₁₀ S, so the ESS never exceeds S·log₁₀ S.</para>
/// <para>Requirements: at least 6 draws per (split) chain, so 12 per chain for the split versions, finite draws,
/// and draws that are not all equal; otherwise an error from <see cref="DiagnosticsErrors"/>. The ESS is ≤ S·log₁₀ S
/// and can exceed S for antithetic chains (negative odd-lag autocorrelation).</para>
/// <para>Read it as the number of independent draws that would estimate the quantity as precisely; Vehtari et al.
/// recommend bulk and tail ESS of at least 100 per chain before trusting R-hat and the MCSE.</para>
/// </remarks>
public static class EffectiveSampleSize
{
    /// <summary>Fewest draws per chain for the unsplit estimator: two lag pairs beyond lag 0..1 must exist.</summary>
    public const int MinimumDrawsPerChain = 6;

    /// <summary>ESS of the mean: the estimator on split chains of the raw draws.</summary>
    public static Fin<double> Basic(Mat draws) =>
        ValidateSplit(draws, "basic ESS").Bind(valid => OfChains(SplitChains.Apply(valid), "basic ESS"));

    /// <summary>Bulk ESS: the estimator on rank-normalised split chains; invariant under increasing transforms.</summary>
    public static Fin<double> Bulk(Mat draws) =>
        ValidateSplit(draws, "bulk ESS").Bind(valid =>
            DrawsCheck.IsConstant(valid.Span)
                ? FinFail<double>(DiagnosticsErrors.ConstantDraws("bulk ESS"))
                : OfChains(RankNormalisation.ZScores(SplitChains.Apply(valid)), "bulk ESS"));

    /// <summary>
    /// Tail ESS: min of the ESS of the indicators I(x ≤ q̂_0.05) and I(x ≤ q̂_0.95) on split chains, q̂ the pooled
    /// type-7 quantile. An indicator that is constant (a quantile at the maximum of a discrete quantity) carries no
    /// information and is left out; when both are constant the result is the <see cref="DiagnosticsErrors.ConstantDraws"/> error.
    /// </summary>
    public static Fin<double> Tail(Mat draws) =>
        ValidateSplit(draws, "tail ESS").Bind(valid =>
        {
            var lower = Quantile(valid, 0.05);
            var upper = Quantile(valid, 0.95);
            return (lower.IsSucc, upper.IsSucc) switch
            {
                (true, true) => FinSucc(Math.Min((double)lower, (double)upper)),
                (true, false) => lower,
                (false, true) => upper,
                _ => FinFail<double>(DiagnosticsErrors.ConstantDraws("tail ESS")),
            };
        });

    /// <summary>ESS of the quantile q̂_p: the estimator on split chains of the indicator I(x ≤ q̂_p).</summary>
    public static Fin<double> Quantile(Mat draws, double probability)
    {
        if (!(probability >= 0.0 && probability <= 1.0))
            return FinFail<double>(DiagnosticsErrors.InvalidArgument("probability", probability.ToString("R"), "must lie in [0, 1]"));
        return ValidateSplit(draws, "quantile ESS").Bind(valid =>
        {
            var threshold = DrawsCheck.Quantile(valid.Span, probability);
            var indicator = Mat.Create(valid.Rows, valid.Columns, d =>
            {
                var x = valid.Span;
                for (var i = 0; i < d.Length; i++) d[i] = x[i] <= threshold ? 1.0 : 0.0;
            });
            return OfChains(SplitChains.Apply(indicator), "quantile ESS");
        });
    }

    /// <summary>The estimator on the rows as given (no splitting, no transform): the building block of the others.</summary>
    public static Fin<double> OfChains(Mat chains) =>
        DrawsCheck.Validate(chains, "ESS", 1, MinimumDrawsPerChain).Bind(valid => OfChains(valid, "ESS"));

    private static Fin<Mat> ValidateSplit(Mat draws, string diagnostic) =>
        DrawsCheck.Validate(draws, diagnostic, 1, 2 * MinimumDrawsPerChain);

    private static Fin<double> OfChains(Mat chains, string diagnostic) =>
        DrawsCheck.IsConstant(chains.Span)
            ? FinFail<double>(DiagnosticsErrors.ConstantDraws(diagnostic))
            : FinSucc(chains.Span.Length / IntegratedTime(Autocorrelation.CombinedUnchecked(chains), chains.Span.Length));

    /// <summary>τ̂ from the multi-chain ρ̂_t by Geyer's initial monotone sequence, floored at 1/log₁₀ S.</summary>
    internal static double IntegratedTime(Vec combined, int totalDraws)
    {
        var n = combined.Length;
        var rho = new double[n];
        rho[0] = 1.0;
        rho[1] = combined[1];
        var even = 1.0;
        var odd = combined[1];
        var t = 0;
        while (t < n - 5 && even + odd > 0.0)
        {
            t += 2;
            even = combined[t];
            odd = combined[t + 1];
            if (even + odd >= 0.0)
            {
                rho[t] = even;
                rho[t + 1] = odd;
            }
        }
        var truncation = t;
        if (even > 0.0) rho[truncation] = even;
        for (var k = 2; k <= truncation - 2; k += 2)
        {
            var previousPair = rho[k - 2] + rho[k - 1];
            if (rho[k] + rho[k + 1] > previousPair)
            {
                rho[k] = previousPair / 2.0;
                rho[k + 1] = previousPair / 2.0;
            }
        }
        var sum = 0.0;
        for (var i = 0; i < truncation; i++) sum += rho[i];
        var tau = -1.0 + 2.0 * sum + rho[truncation];
        return Math.Max(tau, 1.0 / Math.Log10(totalDraws));
    }
}
