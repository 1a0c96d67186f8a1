namespace Ebm.Functional.Cluster;

/// <summary>A worker's entry point for one block: each block gets a fresh grain, placed on the worker chosen for it.</summary>
[Alias("ebm.work-grain")]
public interface IWorkGrain : IGrainWithGuidKey
{
    /// <summary>Runs the block and answers with its result, its error, or a refusal.</summary>
    /// <param name="envelope">The block.</param>
    [Alias("run")]
    Task<WorkReply> Run(WorkEnvelope envelope);

    /// <summary>The number of cores of the worker's machine (how many one-thread blocks it runs at once).</summary>
    [Alias("cores")]
    Task<int> Cores();
}
