using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Mcmc.Tempering;

/// <summary>Ladders of inverse temperatures for parallel tempering: a geometric proposal and an adaptive correction.</summary>
public static class Ladder
{
    /// <summary>
    /// Floor on a pair's rejection rate in <see cref="Adapt"/>, so the cumulative rejection is strictly
    /// increasing and its inverse well defined even where swaps were never rejected.
    /// </summary>
    public const double MinimumRejection = 1e-6;

    /// <summary>
    /// count betas from betaMin to betaMax in geometric progression, beta_k = betaMin (betaMax/betaMin)^(k/(count-1)):
    /// equal ratios, which give roughly equal swap rates when the heat capacity is constant (the energy
    /// spread then scales like 1/beta).
    /// </summary>
    public static Fin<Arr<double>> Geometric(double betaMin, double betaMax, int count)
    {
        if (!double.IsFinite(betaMin) || betaMin <= 0) return FinFail<Arr<double>>(TemperingErrors.InvalidLadder("betaMin", $"{betaMin} must be finite and > 0"));
        if (!double.IsFinite(betaMax) || betaMax <= betaMin) return FinFail<Arr<double>>(TemperingErrors.InvalidLadder("betaMax", $"{betaMax} must be finite and > betaMin = {betaMin}"));
        if (count < 2) return FinFail<Arr<double>>(TemperingErrors.InvalidLadder("count", $"{count} must be at least 2"));
        var logMin = Math.Log(betaMin);
        var logSpan = Math.Log(betaMax) - logMin;
        var betas = new double[count];
        for (var k = 0; k < count; k++) betas[k] = Math.Exp(logMin + logSpan * k / (count - 1));
        betas[0] = betaMin;
        betas[^1] = betaMax;
        return FinSucc(new Arr<double>(betas));
    }

    /// <summary>
    /// Moves the inner rungs toward equal swap rates, keeping both ends: the rule of Syed, Bouchard-Côté,
    /// Deligiannidis and Doucet (2022, J. R. Stat. Soc. B 84, 321), an equal-spacing of the estimated
    /// communication barrier.
    /// </summary>
    /// <remarks>
    /// With rejection rates r_j = max(1 - a_j, <see cref="MinimumRejection"/>) of the pairs (j, j+1) and the
    /// cumulative barrier Λ(beta_k) = sum_{j&lt;k} r_j, interpolated linearly between rungs, the new rung k
    /// is Λ^{-1}(k Λ(beta_{R-1}) / (R-1)): every pair of the new ladder then carries the same share of the
    /// barrier, so its expected rejection is equal to first order. Worked example: betas (0.1, 0.5, 1) with
    /// rates (0.2, 0.8) give r = (0.8, 0.2), Λ = (0, 0.8, 1), target 0.5 for the middle rung, reached at
    /// 0.1 + 0.4 x 0.5/0.8 = 0.35. Iterate with fresh rates: the rule is a fixed-point iteration.
    /// </remarks>
    /// <param name="betas">The current ladder (at least two strictly increasing finite betas &gt;= 0).</param>
    /// <param name="swapRates">R-1 mean swap acceptance rates in [0, 1], e.g. <see cref="TemperingInfo{TInfo}.MeanSwapRates"/> averaged over steps.</param>
    public static Fin<Arr<double>> Adapt(IReadOnlyList<double> betas, IReadOnlyList<double> swapRates)
    {
        var valid = Validate(betas);
        if (valid.IsFail) return valid.Map(_ => Arr<double>.Empty);
        if (swapRates.Count != betas.Count - 1)
            return FinFail<Arr<double>>(TemperingErrors.InvalidLadder("swapRates", $"{swapRates.Count} rates for {betas.Count - 1} pairs"));
        for (var j = 0; j < swapRates.Count; j++)
            if (!(swapRates[j] >= 0 && swapRates[j] <= 1))
                return FinFail<Arr<double>>(TemperingErrors.InvalidLadder($"swapRates[{j}]", $"{swapRates[j]} is not in [0, 1]"));

        var rungs = betas.Count;
        var barrier = new double[rungs];
        for (var j = 0; j < rungs - 1; j++) barrier[j + 1] = barrier[j] + Math.Max(1.0 - swapRates[j], MinimumRejection);
        var adapted = new double[rungs];
        adapted[0] = betas[0];
        adapted[^1] = betas[^1];
        var segment = 0;
        for (var k = 1; k < rungs - 1; k++)
        {
            var target = barrier[^1] * k / (rungs - 1);
            while (barrier[segment + 1] < target) segment++;
            var fraction = (target - barrier[segment]) / (barrier[segment + 1] - barrier[segment]);
            adapted[k] = betas[segment] + fraction * (betas[segment + 1] - betas[segment]);
        }

        return FinSucc(new Arr<double>(adapted));
    }

    /// <summary>Succeeds for at least two strictly increasing finite betas &gt;= 0.</summary>
    public static Fin<Unit> Validate(IReadOnlyList<double> betas)
    {
        if (betas.Count < 2) return FinFail<Unit>(TemperingErrors.InvalidLadder("betas", $"{betas.Count} rungs; parallel tempering needs at least 2"));
        for (var k = 0; k < betas.Count; k++)
        {
            if (!double.IsFinite(betas[k]) || betas[k] < 0)
                return FinFail<Unit>(TemperingErrors.InvalidLadder($"betas[{k}]", $"{betas[k]} must be finite and >= 0"));
            if (k > 0 && !(betas[k] > betas[k - 1]))
                return FinFail<Unit>(TemperingErrors.InvalidLadder($"betas[{k}]", $"{betas[k]} must be greater than betas[{k - 1}] = {betas[k - 1]}"));
        }

        return FinSucc(unit);
    }
}
