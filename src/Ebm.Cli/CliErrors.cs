using LanguageExt.Common;

namespace Ebm.Cli;

/// <summary>The catalogue of errors in command-line values; each message starts with the option.</summary>
public static class CliErrors
{
    /// <summary>Code of <see cref="InvalidOption"/>.</summary>
    public const int InvalidOptionCode = 4001;

    /// <summary>An option value the command cannot use.</summary>
    public static Error InvalidOption(string option, string problem) => Error.New(InvalidOptionCode, $"{option}: {problem}");
}
