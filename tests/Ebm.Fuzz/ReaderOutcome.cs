using LanguageExt;
using LanguageExt.Common;

namespace Ebm.Fuzz;

/// <summary>
/// The contract of a reader on any input: a value, or expected errors (bad input) whose codes belong to the
/// reader's catalogue and whose messages are single lines. Anything else throws <see cref="FuzzFinding"/>;
/// an exception from the reader itself simply propagates, which afl-fuzz also records as a crash.
/// </summary>
public static class ReaderOutcome
{
    /// <summary>Checks <paramref name="outcome"/> and returns its value, if any.</summary>
    public static Option<T> Check<T>(Fin<T> outcome, IReadOnlyCollection<int> codes, string reader) =>
        outcome.Match(
            Succ: value => Prelude.Some(value),
            Fail: error =>
            {
                foreach (var e in Flatten(error))
                {
                    if (!e.IsExpected) throw new FuzzFinding($"{reader}: an unexpected error (code {e.Code}): {e.Message}");
                    if (!codes.Contains(e.Code)) throw new FuzzFinding($"{reader}: error code {e.Code} is not in the reader's catalogue: {e.Message}");
                    if (e.Message.Length == 0 || e.Message.Contains('\n') || e.Message.Contains('\r'))
                        throw new FuzzFinding($"{reader}: an error message that is not one line: \"{e.Message}\"");
                }

                return Option<T>.None;
            });

    private static IEnumerable<Error> Flatten(Error error) => error is ManyErrors many ? many.Errors.SelectMany(Flatten) : [error];
}
