using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

namespace Ebm.Functional.Testing;

/// <summary>
/// The outcome of <see cref="OneStepFrequencies"/>: Pearson's chi-square statistic of the observed next states
/// against a transition row, the critical value at the stated false-rejection probability, and the worst state.
/// </summary>
/// <param name="Draws">The number of one-step draws n.</param>
/// <param name="Counts">How often each next state was drawn, indexed like the row.</param>
/// <param name="Statistic">Pearson's X^2 = sum (O - E)^2 / E over the cells (states with E &lt; 5 pooled).</param>
/// <param name="DegreesOfFreedom">Cells after pooling, minus 1.</param>
/// <param name="CriticalValue">The 1 - delta quantile of chi-square on <paramref name="DegreesOfFreedom"/>.</param>
/// <param name="Delta">The probability that a correct kernel fails the test (in the chi-square limit).</param>
/// <param name="Holds">Whether X^2 is at most the critical value and no state of probability 0 was drawn.</param>
/// <param name="WorstState">The state of the largest contribution (O - E)^2 / E, or the impossible state drawn.</param>
/// <param name="Message">One readable line with the statistic, the critical value, delta, n and the worst state.</param>
public sealed record FrequencyTest(
    int Draws, Seq<long> Counts, double Statistic, int DegreesOfFreedom, double CriticalValue, double Delta, bool Holds, int? WorstState, string Message)
{
    /// <summary>Success, or the <see cref="Message"/> as the error.</summary>
    public Fin<Unit> ToFin() => Holds ? FinSucc(unit) : FinFail<Unit>(Error.New(TestingErrors.LawFailsCode, Message));

    /// <inheritdoc />
    public override string ToString() => Message;
}
