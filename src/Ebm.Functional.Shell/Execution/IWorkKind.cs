using LanguageExt;

namespace Ebm.Functional.Shell.Execution;

/// <summary>A kind of work as a worker sees it: a name, and text in, text out (<see cref="WorkKind{TInput, TResult}"/>).</summary>
public interface IWorkKind
{
    /// <summary>The name the work travels under; the same on every machine.</summary>
    string Name { get; }

    /// <summary>Reads the encoded input, runs the work, and encodes its result; every failure is an error value.</summary>
    /// <param name="input">The encoded input.</param>
    Fin<string> RunEncoded(string input);
}
