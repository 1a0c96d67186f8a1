namespace Ebm.Functional.Exact;

/// <summary>Kernel mode: log Z only.</summary>
internal readonly struct RbmLogPartitionOnly : IRbmKernelMode
{
    public static bool WithMoments => false;
}
