using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Diagnostics;

/// <summary>
/// Potential scale reduction factor R-hat of C chains x T draws: Gelman and Rubin (1992), split chains (Gelman et
/// al. 2013, BDA3 §11.4), and the rank-normalised, folded version of Vehtari, Gelman, Simpson, Carpenter and
/// Bürkner (2021), Bayesian Analysis 16(2), §4.
/// </summary>
/// <remarks>
/// <para>For M chains of n draws with chain means x̄_m, grand mean x̄ and chain variances s²_m (divisor n - 1):
/// B = n/(M - 1) Σ_m (x̄_m - x̄)², W = (1/M) Σ_m s²_m, var⁺ = ((n - 1)/n) W + B/n and R̂ = √(var⁺ / W).
/// R̂ ≥ √((n - 1)/n) always, and R̂ → 1 as the chains mix; R̂ &gt; 1.01 means the chains do not yet agree
/// (Vehtari et al. 2021 recommend 1.01 and at least four chains).</para>
/// <para>Split versions apply the formula to the 2C half-chains of <see cref="SplitChains"/>, so one chain already
/// gives an R-hat (its two halves must agree) and a trend within a chain is detected; they need T ≥ 4.</para>
/// <para>Undefined cases: all draws equal → <see cref="DiagnosticsErrors.ConstantDraws"/> error (0/0). Chains each
/// constant but at different values (W = 0 &lt; B) → +∞, which reads correctly as "not converged".</para>
/// <para>R̂ is a ratio of variances, so it does not change when every draw is multiplied by a power of two; the
/// draws are scaled that way before the variances are summed, so draws near 1e306 (whose squares overflow) or
/// 1e-300 (whose squares underflow) give the R̂ of moderate ones, bit for bit.</para>
/// </remarks>
public static class RHat
{
    /// <summary>Fewest draws per chain for the split versions: each half needs two draws for a variance.</summary>
    public const int MinimumDrawsForSplit = 4;

    /// <summary>The original Gelman-Rubin R̂ on the chains as given (no splitting); needs C ≥ 2 and T ≥ 2.</summary>
    /// <example>Rows [1, 2, 3] and [3, 4, 5]: B = 6, W = 1, var⁺ = 2/3 + 2 = 8/3, R̂ = √(8/3) ≈ 1.633.</example>
    public static Fin<double> GelmanRubin(Mat draws) =>
        DrawsCheck.Validate(draws, "Gelman-Rubin R-hat", 2, 2).Bind(valid => OfChains(valid, "Gelman-Rubin R-hat"));

    /// <summary>Classic split R̂: the Gelman-Rubin formula on the raw draws of the split chains.</summary>
    public static Fin<double> Split(Mat draws) =>
        ValidateSplit(draws, "split R-hat").Bind(valid => OfChains(SplitChains.Apply(valid), "split R-hat"));

    /// <summary>Bulk R̂: the formula on rank-normalised split chains; invariant under strictly increasing transforms.</summary>
    public static Fin<double> Bulk(Mat draws) =>
        ValidateSplit(draws, "bulk R-hat").Bind(valid => NonConstant(valid, "bulk R-hat"))
            .Bind(valid => OfChains(RankNormalisation.ZScores(SplitChains.Apply(valid)), "bulk R-hat"));

    /// <summary>Folded R̂: the bulk R̂ of |x - median(x)|, sensitive to chains that differ in spread.</summary>
    public static Fin<double> Folded(Mat draws) =>
        ValidateSplit(draws, "folded R-hat").Bind(valid => Bulk(RankNormalisation.Fold(DrawsCheck.Normalised(valid))).Match(
            Succ: FinSucc,
            Fail: error => FinFail<double>(error.Code == DiagnosticsErrors.ConstantDrawsCode ? DiagnosticsErrors.ConstantDraws("folded R-hat") : error)));

    /// <summary>
    /// The rank-normalised split R̂ of Vehtari et al. (2021): max(bulk R̂, folded R̂). When the folded draws are all
    /// equal (e.g. draws of ±a around a median 0) the folded term carries no information and the bulk R̂ alone is returned.
    /// </summary>
    public static Fin<double> RankNormalised(Mat draws) =>
        Bulk(draws).Bind(bulk => Folded(draws).Match(
            Succ: folded => FinSucc(Math.Max(bulk, folded)),
            Fail: error => error.Code == DiagnosticsErrors.ConstantDrawsCode ? FinSucc(bulk) : FinFail<double>(error)));

    private static Fin<Mat> ValidateSplit(Mat draws, string diagnostic) =>
        DrawsCheck.Validate(draws, diagnostic, 1, MinimumDrawsForSplit);

    private static Fin<Mat> NonConstant(Mat draws, string diagnostic) =>
        DrawsCheck.IsConstant(draws.Span) ? FinFail<Mat>(DiagnosticsErrors.ConstantDraws(diagnostic)) : FinSucc(draws);

    private static Fin<double> OfChains(Mat chains, string diagnostic) =>
        NonConstant(chains, diagnostic).Map(DrawsCheck.Normalised).Map(valid =>
        {
            var n = valid.Columns;
            var means = new double[valid.Rows];
            var within = 0.0;
            for (var m = 0; m < valid.Rows; m++)
            {
                means[m] = DrawsCheck.Mean(valid.Row(m));
                within += DrawsCheck.Variance(valid.Row(m)) / valid.Rows;
            }
            var betweenOverN = DrawsCheck.Variance(means);
            if (within == 0.0) return double.PositiveInfinity;
            return Math.Sqrt(((n - 1.0) / n * within + betweenOverN) / within);
        });
}
