namespace Ebm.Functional.Exact;

/// <summary>
/// Chooses at JIT time whether the RBM layer-sum kernel also accumulates the energy moments, so the
/// log-Z-only loop carries none of their cost.
/// </summary>
internal interface IRbmKernelMode
{
    /// <summary>True to accumulate sum a sigma and sum a^2 sigma (1 - sigma).</summary>
    static abstract bool WithMoments { get; }
}
