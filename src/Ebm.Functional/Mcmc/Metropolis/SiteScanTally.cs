using Ebm.Functional.Numerics;

namespace Ebm.Functional.Mcmc.Metropolis;

/// <summary>What one single-site step counted, per chain: mean flip probability, fraction flipped, NaN rejections.</summary>
internal readonly record struct SiteScanTally(Vec AcceptanceRates, Vec FlipFractions, Vec NanRejections)
{
    /// <summary>NaN rejections over every chain.</summary>
    public int TotalNanRejections
    {
        get
        {
            var total = 0.0;
            foreach (var count in NanRejections.Span) total += count;
            return (int)total;
        }
    }
}
