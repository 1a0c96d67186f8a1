using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Diagnostics;

/// <summary>
/// The convergence summary of C chains x T draws of one scalar quantity: mean, sd, MCSE of the mean, bulk and tail
/// ESS, rank-normalised split R-hat and integrated autocorrelation time (Vehtari et al. 2021).
/// </summary>
/// <param name="Chains">C, the number of chains.</param>
/// <param name="DrawsPerChain">T, the number of draws in each chain.</param>
/// <param name="Mean">Mean of all C·T draws.</param>
/// <param name="StandardDeviation">Standard deviation of all draws pooled (divisor C·T - 1).</param>
/// <param name="McseMean">sd / √(basic ESS) (<see cref="MonteCarloStandardError.OfMean"/>); None when the draws are constant.</param>
/// <param name="BulkEss">ESS of rank-normalised split chains (<see cref="EffectiveSampleSize.Bulk"/>); None when constant.</param>
/// <param name="TailEss">min ESS of the 5% and 95% quantile indicators (<see cref="EffectiveSampleSize.Tail"/>); None when undefined.</param>
/// <param name="RHat">max(bulk, folded) rank-normalised split R-hat (<see cref="Diagnostics.RHat.RankNormalised"/>); None when constant.</param>
/// <param name="AutocorrelationTime">τ̂ = S / basic ESS (<see cref="IntegratedAutocorrelationTime.OfDraws"/>); None when constant.</param>
/// <remarks>
/// Constant draws (a chain frozen in a ground state, say) have a mean and an sd of 0 but no ESS, R-hat or τ:
/// those fields are None rather than NaN, and <see cref="Warnings"/> says so.
/// </remarks>
public sealed record ChainSummary(
    int Chains,
    int DrawsPerChain,
    double Mean,
    double StandardDeviation,
    Option<double> McseMean,
    Option<double> BulkEss,
    Option<double> TailEss,
    Option<double> RHat,
    Option<double> AutocorrelationTime)
{
    /// <summary>R-hat above this means the chains have not mixed (Vehtari et al. 2021).</summary>
    public const double RHatThreshold = 1.01;

    /// <summary>Bulk and tail ESS below this many per chain are too small to trust R-hat and the MCSE (Vehtari et al. 2021).</summary>
    public const double MinimumEssPerChain = 100.0;

    /// <summary>Draws per chain below which ESS, R-hat, MCSE and τ are None (and <see cref="Warnings"/> says why).</summary>
    public const int MinimumDrawsForDiagnostics = 2 * EffectiveSampleSize.MinimumDrawsPerChain;

    /// <summary>All diagnostics of the draws; fails on fewer than 12 draws per chain or a non-finite draw.</summary>
    /// <example>
    /// <code>
    /// var summary = ChainSummary.Summarise(energies);   // energies: C x T Mat, one chain per row
    /// summary.Match(s => s.Warnings().Iter(Console.WriteLine), e => Console.Error.WriteLine(e.Message));
    /// </code>
    /// </example>
    public static Fin<ChainSummary> Summarise(Mat draws) =>
        DrawsCheck.Validate(draws, "chain summary", 1, 1).Map(valid =>
        {
            // the MCSE and τ share one basic ESS, the costliest part of both (an FFT per half chain)
            var basicEss = EffectiveSampleSize.Basic(valid).ToOption();
            return new ChainSummary(
                valid.Rows,
                valid.Columns,
                DrawsCheck.Mean(valid.Span),
                DrawsCheck.StandardDeviation(valid.Span),
                basicEss.Map(ess => MonteCarloStandardError.FromBasicEss(valid, ess)),
                EffectiveSampleSize.Bulk(valid).ToOption(),
                EffectiveSampleSize.Tail(valid).ToOption(),
                Diagnostics.RHat.RankNormalised(valid).ToOption(),
                basicEss.Map(ess => IntegratedAutocorrelationTime.FromBasicEss(valid, ess)));
        });

    /// <summary>Plain-language warnings: R-hat above <see cref="RHatThreshold"/>, ESS below <see cref="MinimumEssPerChain"/> per chain, undefined values.</summary>
    public Seq<string> Warnings() => ScalarWarnings.Build(Seq1(new ScalarSummary("", this)));
}
