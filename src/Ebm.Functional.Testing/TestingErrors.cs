using LanguageExt.Common;

namespace Ebm.Functional.Testing;

/// <summary>The catalogue of errors from the exact checks (codes 9001-9099): inputs an exact matrix or a test cannot be built from.</summary>
public static class TestingErrors
{
    /// <summary>Code of <see cref="TooLarge"/>.</summary>
    public const int TooLargeCode = 9001;

    /// <summary>Code of <see cref="InvalidBeta"/>.</summary>
    public const int InvalidBetaCode = 9002;

    /// <summary>Code of <see cref="NotApplicable"/>.</summary>
    public const int NotApplicableCode = 9003;

    /// <summary>Code of <see cref="InvalidInput"/>.</summary>
    public const int InvalidInputCode = 9004;

    /// <summary>Code of the error a failed <see cref="MarkovCheck"/> or <see cref="FrequencyTest"/> becomes.</summary>
    public const int LawFailsCode = 9005;

    /// <summary>A model whose state space is too large to enumerate into a dense matrix.</summary>
    public static Error TooLarge(string what, string size, string limit) =>
        Error.New(TooLargeCode, $"{what} of {size} is too large for an exact transition matrix ({limit}); check the kernel on a tiny instance");

    /// <summary>An inverse temperature that is not finite and nonnegative.</summary>
    public static Error InvalidBeta(double beta) => Error.New(InvalidBetaCode, $"beta: {beta} is not valid: it must be finite and >= 0");

    /// <summary>A kernel asked of a model it does not sample.</summary>
    public static Error NotApplicable(string kernel, string model, string why) =>
        Error.New(NotApplicableCode, $"{kernel} does not apply to {model}: {why}");

    /// <summary>Any other input that cannot be used: a named field and what is wrong with it.</summary>
    public static Error InvalidInput(string field, string problem) => Error.New(InvalidInputCode, $"{field}: {problem}");
}
