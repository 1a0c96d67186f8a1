using LanguageExt;

namespace Ebm.Functional.Shell.Execution;

/// <summary>
/// Where the blocks of a run — particles, replicas, shards — are computed: on this machine (<see cref="LocalExecutor"/>)
/// or on the workers of a cluster. A block is a pure function of its input, so every executor returns the same values;
/// they differ only in where the work happens.
/// </summary>
public interface IExecutor
{
    /// <summary>What runs the work, for reports ("local", or the cluster and its workers).</summary>
    string Description { get; }

    /// <summary>
    /// Runs <paramref name="kind"/> on every input and returns the results in the inputs' order, or the first failure
    /// in that order (a block's own error, or the executor's when it could not run a block at all).
    /// </summary>
    /// <param name="kind">The work.</param>
    /// <param name="inputs">One input per block.</param>
    /// <param name="progress">The fraction of the blocks done, if given.</param>
    Fin<IReadOnlyList<TResult>> Map<TInput, TResult>(WorkKind<TInput, TResult> kind, IReadOnlyList<TInput> inputs, IProgress<double>? progress = null);
}
