using LanguageExt;

namespace Ebm.Functional.Shell.Execution;

/// <summary>
/// The open blocks of one stateful run (<see cref="IBlockExecutor"/>): each block lives on one machine and keeps its state
/// between calls; the run talks to them only through requests and replies.
/// </summary>
public interface IBlockSession
{
    /// <summary>The number of blocks.</summary>
    int Blocks { get; }

    /// <summary>
    /// Sends request b to block b (none to the blocks whose request is null), all at once, and returns the replies in block
    /// order (null where none was sent), or the first failure: a block's own error, or the loss of a block's machine.
    /// </summary>
    /// <param name="requests">One encoded request or null per block.</param>
    Fin<IReadOnlyList<string?>> Call(IReadOnlyList<string?> requests);
}
