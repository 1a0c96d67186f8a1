using System.CommandLine;
using System.CommandLine.Parsing;

namespace Ebm.Cli.Options;

/// <summary>
/// Declares every real-valued option of <c>ebm</c>: parsed by <see cref="NumberSyntax.TryReal"/> (invariant culture,
/// <see cref="System.Globalization.NumberStyles.Float"/>, finite), an error naming the option otherwise.
/// </summary>
/// <remarks>
/// Never declare a <c>System.CommandLine.Option&lt;double&gt;</c> directly: its default conversion accepts
/// thousands separators ("0,44" is 44). A test walks the command tree and checks every numeric option.
/// </remarks>
internal static class RealOption
{
    /// <summary>A real option with a default value.</summary>
    public static System.CommandLine.Option<double> Create(string name, string description, double defaultValue, string helpName, params string[] aliases) =>
        new(name, aliases)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => Parse(name, result) ?? defaultValue,
            HelpName = helpName,
        };

    /// <summary>A real option without a default: null when it is not given.</summary>
    public static System.CommandLine.Option<double?> Optional(string name, string description, string helpName, params string[] aliases) =>
        new(name, aliases)
        {
            Description = description,
            CustomParser = result => Parse(name, result),
            HelpName = helpName,
        };

    private static double? Parse(string name, ArgumentResult result)
    {
        if (result.Tokens.Count == 0) return null;
        var text = result.Tokens[^1].Value;
        if (NumberSyntax.TryReal(text, out var value, out var problem)) return value;
        result.AddError($"{name}: {problem}");
        return null;
    }
}
