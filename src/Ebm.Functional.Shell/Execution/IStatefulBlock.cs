using LanguageExt;

namespace Ebm.Functional.Shell.Execution;

/// <summary>
/// One block of stateful work as a worker holds it (<see cref="IStatefulWorkKind"/>): its state stays in the worker's
/// memory between requests, so a run that steps many times sends only what changes (the particles of an SMC block stay
/// where they are; only log densities, plans and the particles that change block travel).
/// </summary>
public interface IStatefulBlock
{
    /// <summary>Handles one encoded request, updating the block's state, and answers with the encoded reply; every failure is an error value.</summary>
    /// <param name="request">The encoded request.</param>
    Fin<string> Handle(string request);
}
