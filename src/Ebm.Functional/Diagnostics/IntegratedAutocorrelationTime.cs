using Ebm.Functional.Numerics;
using LanguageExt;

namespace Ebm.Functional.Diagnostics;

/// <summary>
/// Integrated autocorrelation time τ = 1 + 2 Σ_{t≥1} ρ_t: the number of steps a chain needs per independent draw,
/// so that Var(mean of S draws) ≈ τ σ² / S (Sokal 1997, "Monte Carlo methods in statistical mechanics", §3).
/// </summary>
/// <remarks>
/// Estimated as τ̂ = S / ESS with the Geyer-truncated estimator of <see cref="EffectiveSampleSize"/>, so it shares
/// its requirements and its floor τ̂ ≥ 1/log₁₀ S. An AR(1) chain x_{t+1} = φ x_t + ε_t has ρ_t = φ^t and
/// τ = (1 + φ)/(1 - φ); independent draws have τ = 1 and antithetic chains τ &lt; 1.
/// </remarks>
public static class IntegratedAutocorrelationTime
{
    /// <summary>τ̂ = S / basic ESS over split chains, S = C·2⌊T/2⌋ the draws the split keeps.</summary>
    public static Fin<double> OfDraws(Mat draws) =>
        EffectiveSampleSize.Basic(draws).Map(ess => FromBasicEss(draws, ess));

    /// <summary><see cref="OfDraws"/> given the basic ESS of the same draws.</summary>
    internal static double FromBasicEss(Mat draws, double basicEss) => draws.Rows * 2 * (draws.Columns / 2) / basicEss;

    /// <summary>τ̂ = n / ESS of one chain of n ≥ 6 draws, not split (for a chain known to be stationary).</summary>
    public static Fin<double> OfChain(ReadOnlySpan<double> chain)
    {
        var length = chain.Length;
        return EffectiveSampleSize.OfChains(Mat.From(1, length, chain)).Map(ess => length / ess);
    }
}
