namespace Ebm.Functional.Cluster;

/// <summary>
/// A worker's entry point for one stateful block (<see cref="Shell.Execution.IStatefulWorkKind"/>): the grain keyed by the
/// run and the block, activated on the worker chosen for it, keeps the block in memory from <see cref="Open"/> to
/// <see cref="Close"/>.
/// </summary>
[Alias("ebm.block-grain")]
public interface IBlockGrain : IGrainWithStringKey
{
    /// <summary>Opens the block from its input and answers with its opening reply, its error, or a refusal.</summary>
    /// <param name="envelope">The block's kind and input.</param>
    [Alias("open")]
    Task<WorkReply> Open(WorkEnvelope envelope);

    /// <summary>Hands the open block one request and answers with its reply or error; a block that is not open answers <see cref="ClusterErrors.BlockLost"/>.</summary>
    /// <param name="request">The encoded request.</param>
    [Alias("call")]
    Task<WorkReply> Call(string request);

    /// <summary>Forgets the block and deactivates.</summary>
    [Alias("close")]
    Task Close();
}
