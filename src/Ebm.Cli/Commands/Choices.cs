using System.CommandLine;

namespace Ebm.Cli.Commands;

/// <summary>Restricts a string option to a set of words, with an error that names the option and lists the words.</summary>
internal static class Choices
{
    public static Option<string> OneOf(this Option<string> option, params string[] words)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!words.Contains(value, StringComparer.Ordinal))
                result.AddError($"{option.Name}: \"{value}\" is not one of {string.Join(", ", words)}");
        });
        option.CompletionSources.Add(words);
        return option;
    }
}
