using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.Execution;

/// <summary>
/// Runs the blocks on this machine, one after another in order; each block uses the machine's threads itself (its own
/// parallelism setting), so one block at a time keeps every core busy without oversubscribing them.
/// </summary>
public sealed class LocalExecutor : IExecutor
{
    /// <summary>The executor every command uses unless it is told to run on a cluster.</summary>
    public static LocalExecutor Instance { get; } = new();

    /// <inheritdoc />
    public string Description => "local";

    /// <inheritdoc />
    public Fin<IReadOnlyList<TResult>> Map<TInput, TResult>(WorkKind<TInput, TResult> kind, IReadOnlyList<TInput> inputs, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(inputs);
        var results = new TResult[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var done = i;
            var part = progress is null ? null : new Part(progress, done, inputs.Count);
            var result = kind.Run(inputs[i], part);
            if (result.IsFail) return result.Map(_ => (IReadOnlyList<TResult>)results);
            results[i] = result.ThrowIfFail();
            progress?.Report((i + 1.0) / inputs.Count);
        }

        return FinSucc<IReadOnlyList<TResult>>(results);
    }

    /// <summary>Block <c>index</c>'s own fraction done as a fraction of the whole run.</summary>
    private sealed class Part(IProgress<double> whole, int index, int count) : IProgress<double>
    {
        public void Report(double value) => whole.Report((index + Math.Clamp(value, 0.0, 1.0)) / count);
    }
}
