using System.CommandLine;
using System.CommandLine.Parsing;
using System.Numerics;

namespace Ebm.Cli.Options;

/// <summary>
/// Declares every whole-number option of <c>ebm</c> (counts, seeds): parsed by <see cref="NumberSyntax.TryWhole{T}"/>
/// (invariant culture, digits only), an error naming the option otherwise.
/// </summary>
/// <remarks>
/// System.CommandLine's own conversion also refuses "1,000" and "1e3", but with a message that names a .NET type
/// ("as expected type 'System.Int32'") rather than what to write; declaring counts here keeps the rule and the
/// message the same for every option.
/// </remarks>
internal static class WholeOption
{
    /// <summary>A whole-number option of type <typeparamref name="T"/> with a default value.</summary>
    public static System.CommandLine.Option<T> Create<T>(string name, string description, T defaultValue, string helpName, params string[] aliases)
        where T : struct, IBinaryInteger<T>, IMinMaxValue<T> =>
        new(name, aliases)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => Parse<T>(name, result) ?? defaultValue,
            HelpName = helpName,
        };

    private static T? Parse<T>(string name, ArgumentResult result)
        where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
    {
        if (result.Tokens.Count == 0) return null;
        var text = result.Tokens[^1].Value;
        if (NumberSyntax.TryWhole<T>(text, out var value, out var problem)) return value;
        result.AddError($"{name}: {problem}");
        return null;
    }
}
