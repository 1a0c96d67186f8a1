using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Testing;

/// <summary>
/// The outcome of one law of <see cref="MarkovChecks"/>: whether it holds within the tolerance, the worst deviation
/// found, the states where it was found, and a message naming them with the numbers.
/// </summary>
/// <param name="Law">The law checked: "stochastic", "stationary", "reversible" or "primitive".</param>
/// <param name="Holds">Whether the law holds (within <paramref name="Tolerance"/> for the numeric laws).</param>
/// <param name="WorstDeviation">The largest violation found (0 for primitivity, NaN when the input could not be checked).</param>
/// <param name="Tolerance">The absolute tolerance the law was checked with.</param>
/// <param name="From">The row state of the worst violation, when the law names one.</param>
/// <param name="To">The column state of the worst violation, when the law names one.</param>
/// <param name="Message">One readable line: the law, the worst states and their numbers, or why the input could not be checked.</param>
public sealed record MarkovCheck(string Law, bool Holds, double WorstDeviation, double Tolerance, int? From, int? To, string Message)
{
    /// <summary>Success, or the <see cref="Message"/> as the error: for composing checks with other fallible work.</summary>
    public Fin<Unit> ToFin() => Holds ? FinSucc(unit) : FinFail<Unit>(Error.New(TestingErrors.LawFailsCode, Message));

    /// <inheritdoc />
    public override string ToString() => Message;
}
