using LanguageExt;

namespace Ebm.Functional.Shell.Execution;

/// <summary>
/// The sibling of <see cref="IExecutor"/> for stateful work: it opens one block per input (<see cref="IStatefulWorkKind"/>)
/// on its machines, hands the open blocks to a driver that steps them, and closes them at the end.
/// </summary>
/// <remarks>
/// A driver is a deterministic function of the blocks' replies, and a block's replies are a pure function of its input and
/// the requests it was sent; so when a machine holding blocks is lost, an executor may open every block again on the
/// machines that remain and run the driver again from the start, and the result does not change.
/// </remarks>
public interface IBlockExecutor
{
    /// <summary>
    /// Opens a block of <paramref name="kind"/> per input, runs <paramref name="drive"/> on them, closes them, and returns
    /// the driver's result, or the first failure (a block's own error, or the executor's when it could not keep the blocks).
    /// </summary>
    /// <param name="kind">The stateful work's name.</param>
    /// <param name="inputs">One encoded input per block.</param>
    /// <param name="drive">Steps the open blocks to the run's result; called again from the start after a lost machine.</param>
    Fin<T> Run<T>(string kind, IReadOnlyList<string> inputs, Func<IBlockSession, Fin<T>> drive);
}
