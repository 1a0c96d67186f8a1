using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.Execution;

/// <summary>
/// A kind of block work: a pure function from an input to a result (or an error), named so that a worker can find it,
/// with codecs that carry both across machines. Registered in a <see cref="WorkCatalog"/> on every worker.
/// </summary>
/// <typeparam name="TInput">What a block is given.</typeparam>
/// <typeparam name="TResult">What a block gives back.</typeparam>
/// <param name="Name">The name the work travels under.</param>
/// <param name="Run">The work; it reports its own fraction done to the progress when one is given.</param>
/// <param name="Input">The input's codec.</param>
/// <param name="Result">The result's codec.</param>
public sealed record WorkKind<TInput, TResult>(
    string Name,
    Func<TInput, IProgress<double>?, Fin<TResult>> Run,
    WorkCodec<TInput> Input,
    WorkCodec<TResult> Result) : IWorkKind
{
    /// <summary>
    /// True when a block runs on one thread (a Wang-Landau walker): an executor may then run as many blocks at once on a
    /// machine as it has cores. False (the default) for blocks that use every core themselves.
    /// </summary>
    public bool SingleThreaded { get; init; }

    /// <inheritdoc />
    public Fin<string> RunEncoded(string input) =>
        Input.Read(input).Bind(value => Safely(() => Run(value, null))).Map(Result.Write);

    /// <summary>The work's result, an exception it throws turned into an error value naming the work.</summary>
    private Fin<TResult> Safely(Func<Fin<TResult>> work)
    {
        try
        {
            return work();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return FinFail<TResult>(ExecutionErrors.WorkFailed(Name, e.Message));
        }
    }
}
