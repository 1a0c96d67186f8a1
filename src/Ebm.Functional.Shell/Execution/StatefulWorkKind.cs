using LanguageExt;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Shell.Execution;

/// <summary>A kind of stateful work (<see cref="IStatefulWorkKind"/>) from a function that opens a block from its decoded input.</summary>
/// <typeparam name="TInput">What a block is opened with.</typeparam>
/// <param name="Name">The name the work travels under.</param>
/// <param name="OpenBlock">Opens a block, with its encoded opening reply.</param>
/// <param name="Input">The input's codec.</param>
public sealed record StatefulWorkKind<TInput>(string Name, Func<TInput, Fin<(IStatefulBlock Block, string Reply)>> OpenBlock, WorkCodec<TInput> Input)
    : IStatefulWorkKind
{
    /// <inheritdoc />
    public Fin<(IStatefulBlock Block, string Reply)> Open(string input)
    {
        try
        {
            return Input.Read(input).Bind(OpenBlock).Map(opened => (Guarded(opened.Block), opened.Reply));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return FinFail<(IStatefulBlock, string)>(ExecutionErrors.WorkFailed(Name, e.Message));
        }
    }

    /// <inheritdoc />
    public Fin<string> RunEncoded(string input) => Open(input).Map(opened => opened.Reply);

    private IStatefulBlock Guarded(IStatefulBlock block) => new GuardedBlock(Name, block);

    /// <summary>A block whose exceptions become error values naming the work, as <see cref="WorkKind{TInput,TResult}"/> does.</summary>
    private sealed class GuardedBlock(string name, IStatefulBlock inner) : IStatefulBlock
    {
        public Fin<string> Handle(string request)
        {
            try
            {
                return inner.Handle(request);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return FinFail<string>(ExecutionErrors.WorkFailed(name, e.Message));
            }
        }
    }
}
