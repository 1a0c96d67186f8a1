using LanguageExt;

namespace Ebm.Functional.Shell.Execution;

/// <summary>
/// A kind of work whose blocks keep their state between requests (<see cref="IStatefulBlock"/>), registered in a
/// <see cref="WorkCatalog"/> beside the one-shot kinds. <see cref="IWorkKind.RunEncoded"/> opens a block and answers with
/// its opening reply (a check that the input opens), then forgets it.
/// </summary>
public interface IStatefulWorkKind : IWorkKind
{
    /// <summary>Opens one block from its encoded input, with the block's opening reply.</summary>
    /// <param name="input">The encoded input.</param>
    Fin<(IStatefulBlock Block, string Reply)> Open(string input);
}
