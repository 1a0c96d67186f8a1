using LanguageExt.Common;

namespace Ebm.Functional.Shell.Execution;

/// <summary>Errors of running blocks of work (codes 3801-3849).</summary>
public static class ExecutionErrors
{
    /// <summary>Code of <see cref="UnknownWork"/>.</summary>
    public const int UnknownWorkCode = 3801;

    /// <summary>Code of <see cref="WorkFailed"/>.</summary>
    public const int WorkFailedCode = 3802;

    /// <summary>Code of <see cref="BadMessage"/>.</summary>
    public const int BadMessageCode = 3803;

    /// <summary>Work of a kind the worker does not know.</summary>
    /// <param name="name">The kind asked for.</param>
    /// <param name="known">The kinds the worker knows.</param>
    public static Error UnknownWork(string name, IEnumerable<string> known) =>
        Error.New(UnknownWorkCode, $"no work called \"{name}\" here; known: {string.Join(", ", known)}");

    /// <summary>Work that threw instead of returning its result or an error.</summary>
    /// <param name="name">The work's name.</param>
    /// <param name="reason">The exception's message.</param>
    public static Error WorkFailed(string name, string reason) =>
        Error.New(WorkFailedCode, $"{name}: the work failed: {reason}");

    /// <summary>An input or result that does not decode.</summary>
    /// <param name="what">What was being read.</param>
    /// <param name="reason">Why it does not decode.</param>
    public static Error BadMessage(string what, string reason) =>
        Error.New(BadMessageCode, $"{what}: not a valid message: {reason}");
}
