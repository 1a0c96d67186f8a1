using System.Text.RegularExpressions;

namespace Ebm.Functional.Tests.Architecture;

/// <summary>
/// The README's C# examples handle errors as values, as the library does: a <c>Fin</c> or <c>Validation</c> is
/// matched with <c>Match(Succ: ..., Fail: ...)</c>, bound or composed with <c>from ... in ... select</c>, never
/// unwrapped with <c>Match(x => x, e => throw ...)</c>, so no example throws.
/// </summary>
public sealed partial class ReadmeExampleTests
{
    [Fact]
    public void No_readme_example_throws()
    {
        var readme = File.ReadAllText(Repository.PathOf("README.md"));

        var found = Throws(readme);

        Assert.True(CodeBlock().Matches(readme).Count > 10, "the README's ```csharp blocks were not found");
        Assert.True(found.Count == 0, "README examples that throw (handle the error as a value instead):\n" + string.Join("\n", found));
    }

    [Fact]
    public void A_planted_throwing_example_is_found_and_prose_is_not()
    {
        var text = "A member that throws is reported.\n\n```csharp\nvar ok = 1;\nvar m = Create(1).Match(m => m, e => throw new ArgumentException(e.Head.Message));\n```\n";

        Assert.Equal(["line 5: var m = Create(1).Match(m => m, e => throw new ArgumentException(e.Head.Message));"], Throws(text));
    }

    private static List<string> Throws(string readme)
    {
        var lines = readme.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var found = new List<string>();
        var inCode = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("```", StringComparison.Ordinal)) inCode = lines[i].Trim() == "```csharp";
            else if (inCode && ThrowWord().IsMatch(lines[i])) found.Add($"line {i + 1}: {lines[i]}");
        }

        return found;
    }

    [GeneratedRegex(@"\bthrow\b")]
    private static partial Regex ThrowWord();

    [GeneratedRegex(@"^```csharp$", RegexOptions.Multiline)]
    private static partial Regex CodeBlock();
}
