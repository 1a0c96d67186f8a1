using LanguageExt.Common;

namespace Ebm.Cli.Output;

/// <summary>The catalogue of errors in command-line values (codes 4001-4099); each message starts with the option, or states the cost of a refused run.</summary>
internal static class CliErrors
{
    /// <summary>Code of <see cref="InvalidOption"/>.</summary>
    public const int InvalidOptionCode = 4001;

    /// <summary>Code of <see cref="OverBudget"/>.</summary>
    public const int OverBudgetCode = 4002;

    /// <summary>A run whose stated cost is over the budget and was not forced (--force).</summary>
    public static Error OverBudget(string problem) => Error.New(OverBudgetCode, problem);

    /// <summary>An option value the command cannot use.</summary>
    public static Error InvalidOption(string option, string problem) => Error.New(InvalidOptionCode, $"{option}: {problem}");
}
