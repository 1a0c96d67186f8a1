using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Diagnostics;

/// <summary>
/// Monte Carlo standard error (MCSE) of the mean of C chains x T draws: the standard deviation of the estimate
/// x̄ across repetitions of the whole run.
/// </summary>
/// <remarks>
/// <para><see cref="OfMean"/>: MCSE = sd / √ESS_basic, sd the standard deviation of all S draws pooled (divisor
/// S - 1) and ESS_basic from <see cref="EffectiveSampleSize.Basic"/> (Vehtari et al. 2021; as in Stan and posterior).</para>
/// <para><see cref="BatchMeans(Mat, int)"/>: each chain is cut into a = ⌊T/b⌋ consecutive batches of b draws (a trailing
/// remainder is dropped); with K = C·a batch means Y_k and their mean Ȳ, MCSE = √(Σ_k (Y_k - Ȳ)² / (K(K - 1))).
/// Batches much longer than τ are nearly independent, so this is consistent when b → ∞ and a → ∞; b = ⌊√T⌋ is
/// the usual default (Flegal and Jones 2010, Annals of Statistics 38(2)). Chains that disagree inflate the
/// spread of the batch means, as they should. Batches shorter than a few τ underestimate the MCSE.</para>
/// </remarks>
public static class MonteCarloStandardError
{
    /// <summary>MCSE of the mean from the basic ESS; the draws' requirements are those of the ESS.</summary>
    public static Fin<double> OfMean(Mat draws) =>
        EffectiveSampleSize.Basic(draws).Map(ess => FromBasicEss(draws, ess));

    /// <summary><see cref="OfMean"/> given the basic ESS of the same draws (so a summary computes that ESS once).</summary>
    internal static double FromBasicEss(Mat draws, double basicEss) => SdOverRoot(draws.Span, basicEss);

    /// <summary>Batch-means MCSE with the default batch size b = ⌊√T⌋.</summary>
    public static Fin<double> BatchMeans(Mat draws) => BatchMeans(draws, (int)Math.Floor(Math.Sqrt(draws.Columns)));

    /// <summary>Batch-means MCSE with batches of <paramref name="batchSize"/> draws; needs at least two batches in all.</summary>
    public static Fin<double> BatchMeans(Mat draws, int batchSize)
    {
        if (batchSize < 1)
            return FinFail<double>(DiagnosticsErrors.InvalidArgument("batchSize", batchSize.ToString(), "must be at least 1"));
        return DrawsCheck.Validate(draws, "batch-means MCSE", 1, batchSize).Bind(valid =>
        {
            var batchesPerChain = valid.Columns / batchSize;
            var batchCount = valid.Rows * batchesPerChain;
            if (batchCount < 2)
                return FinFail<double>(DiagnosticsErrors.TooFewDraws("batch-means MCSE (two batches in all)", valid.Columns, 2 * batchSize));
            var means = new double[batchCount];
            for (var c = 0; c < valid.Rows; c++)
                for (var k = 0; k < batchesPerChain; k++)
                    means[c * batchesPerChain + k] = DrawsCheck.Mean(valid.Row(c).Slice(k * batchSize, batchSize));
            return FinSucc(SdOverRoot(means, batchCount));
        });
    }

    /// <summary>√(s² / count) computed on the scaled variance, so it is finite whenever the result is (draws near 1e306).</summary>
    private static double SdOverRoot(ReadOnlySpan<double> values, double count)
    {
        var (scaled, exponent) = DrawsCheck.ScaledVariance(values);
        return Math.ScaleB(Math.Sqrt(scaled / count), exponent);
    }
}
