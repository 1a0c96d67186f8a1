namespace Ebm.Functional.Exact;

/// <summary>Kernel mode: log Z with the mean and variance of the energy.</summary>
internal readonly struct RbmWithMoments : IRbmKernelMode
{
    public static bool WithMoments => true;
}
