using Ebm.Functional.Numerics;
using LanguageExt;

namespace Ebm.Functional.Mcmc.Tempering;

/// <summary>Diagnostics of one parallel-tempering step.</summary>
/// <typeparam name="TInfo">The local kernel's info.</typeparam>
/// <param name="AcceptanceRates">
/// Per chain, the mean swap acceptance probability over the step's R-1 swap attempts (one per adjacent
/// pair). The local kernels' own rates are in <paramref name="LocalInfos"/>.
/// </param>
/// <param name="SwapProbabilities">
/// C x: the acceptance probability min(1, exp((beta_r - beta_{r+1})(E_r - E_{r+1}))) of the swap
/// attempted between rungs r and r+1 in chain c (0 for a NaN exponent). Its mean over chains and steps
/// estimates the pair's swap rate, the input of <see cref="Ladder.Adapt"/>.
/// </param>
/// <param name="SwapsAccepted">C x: 1 where the swap was carried out, else 0.</param>
/// <param name="NanRejections">Swaps rejected because the exponent was NaN, over all chains and pairs.</param>
/// <param name="LocalInfos">LocalInfos[r]: the info of the local kernel at rung r.</param>
public sealed record TemperingInfo<TInfo>(Vec AcceptanceRates, Mat SwapProbabilities, Mat SwapsAccepted, int NanRejections, Seq<TInfo> LocalInfos)
    : IAcceptanceInfo
{
    /// <summary>The swap probability of each adjacent pair averaged over chains: R-1 rates.</summary>
    public Vec MeanSwapRates => Vec.Create(SwapProbabilities.Columns, d =>
    {
        for (var c = 0; c < SwapProbabilities.Rows; c++)
        for (var p = 0; p < d.Length; p++)
            d[p] += SwapProbabilities[c, p] / SwapProbabilities.Rows;
    });
}
