using Ebm.Functional.Numerics;
using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Diagnostics;

/// <summary>Acceptance rates of Metropolis-type steps and swap rates of parallel tempering, as plain means.</summary>
/// <remarks>
/// The mean of the acceptance probabilities min(1, r) has the same expectation as the mean of the accept flags and
/// a smaller variance (it averages out the uniform draw), so prefer it when the kernel reports it.
/// </remarks>
public static class AcceptanceSummary
{
    /// <summary>Mean of per-step acceptance probabilities, each in [0, 1].</summary>
    public static Fin<double> MeanProbability(ReadOnlySpan<double> probabilities)
    {
        if (probabilities.IsEmpty) return FinFail<double>(DiagnosticsErrors.TooFewDraws("acceptance rate", 0, 1));
        for (var i = 0; i < probabilities.Length; i++)
            if (!(probabilities[i] >= 0.0 && probabilities[i] <= 1.0))
                return FinFail<double>(DiagnosticsErrors.InvalidArgument($"probabilities[{i}]", probabilities[i].ToString("R"), "must lie in [0, 1]"));
        return FinSucc(DrawsCheck.Mean(probabilities));
    }

    /// <summary>Fraction of accepted steps.</summary>
    public static Fin<double> Rate(ReadOnlySpan<bool> accepted)
    {
        if (accepted.IsEmpty) return FinFail<double>(DiagnosticsErrors.TooFewDraws("acceptance rate", 0, 1));
        var count = 0;
        foreach (var a in accepted) if (a) count++;
        return FinSucc((double)count / accepted.Length);
    }

    /// <summary>
    /// Swap rate of each adjacent pair (k, k + 1) of a temperature ladder: accepts[k] / attempts[k]. Every pair must
    /// have been attempted; an even/odd scheme attempts each pair every second sweep, so run at least two sweeps.
    /// </summary>
    public static Fin<Vec> SwapRates(ReadOnlySpan<long> attempts, ReadOnlySpan<long> accepts)
    {
        if (attempts.Length != accepts.Length)
            return FinFail<Vec>(DiagnosticsErrors.InvalidArgument("accepts", $"{accepts.Length} pairs", $"must match the {attempts.Length} pairs of attempts"));
        for (var k = 0; k < attempts.Length; k++)
            if (attempts[k] < 1 || accepts[k] < 0 || accepts[k] > attempts[k])
                return FinFail<Vec>(DiagnosticsErrors.InvalidArgument($"pair {k}", $"{accepts[k]} accepts of {attempts[k]} attempts", "needs at least one attempt and 0 <= accepts <= attempts"));
        var rates = new double[attempts.Length];
        for (var k = 0; k < rates.Length; k++) rates[k] = (double)accepts[k] / attempts[k];
        return FinSucc(Vec.From(rates));
    }
}
