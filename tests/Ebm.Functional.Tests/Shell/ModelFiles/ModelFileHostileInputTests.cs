using System.Text;
using Ebm.Functional.Shell.Io;
using Ebm.Functional.Shell.ModelFiles;

namespace Ebm.Functional.Tests.Shell.ModelFiles;

/// <summary>
/// Model files whose bytes are not text, or whose content is built to produce unreadable or enormous
/// messages, give expected errors of one readable line each.
/// </summary>
public sealed class ModelFileHostileInputTests
{
    private static byte[] Bytes(params object[] parts) =>
        parts.SelectMany(p => p is string s ? Encoding.UTF8.GetBytes(s) : (byte[])p).ToArray();

    public static TheoryData<byte[], int, string> NotText() => new()
    {
        { Bytes("{\"kind\":\"ring\",\n \"radius\": \"", new byte[] { 0xFF }, "\"}"), TextErrors.NotUtf8Code, "not valid UTF-8 at line 2, position 13 (byte 0xFF)" },
        { Bytes("{\"kind\":\"ring\"", new byte[] { 0xE2, 0x82 }), TextErrors.NotUtf8Code, "not valid UTF-8 at line 1, position 15 (byte 0xE2)" },
        { Bytes("{\"kind\":\"ring\",\"", new byte[] { 0xF4, 0x90, 0x80, 0x80 }, "\":1}"), TextErrors.NotUtf8Code, "position 17 (byte 0xF4)" },
        { Bytes(new byte[] { 0xEF, 0xBB, 0xBF }, "{\"kind\":\"", new byte[] { 0xC0, 0xAF }, "\"}"), TextErrors.NotUtf8Code, "line 1, position 10 (byte 0xC0)" },
        { Bytes(new byte[] { 0xFE, 0xFF, 0, (byte)'{' }), TextErrors.NotUtf8Code, "starts with a UTF-16 byte-order mark: save it as UTF-8" },
        { Bytes("{\"kind\":\"ring\",\"radius\":\"\\uD800\\u0041\"}"), ModelFileErrors.NotTextCode, "line 1, position 26: the escape \\uD800 is half of a UTF-16 surrogate pair" },
        { Bytes("{\"kind\":\"ring\",\"radius\":\"ok \\\\ud800\", \"scale\":\"\\udfff\"}"), ModelFileErrors.NotTextCode, "the escape \\udfff" },
        { Bytes("{\"kind\":\"ring\",\"radius\":\"\\ud83d\\ude00\"}"), ModelFileErrors.WrongTypeCode, "radius: expected a number, got the string \"\\ud83d\\ude00\"" },
    };

    [Theory]
    [MemberData(nameof(NotText))]
    public void Bytes_that_are_not_text_are_an_expected_error_with_the_line_and_position(byte[] file, int code, string expected)
    {
        var error = ModelFile.Parse(file).Match(_ => throw new InvalidOperationException("expected a failure"), e => e);
        Assert.True(error.IsExpected);
        Assert.Equal(code, error.Code);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_string_holding_a_lone_surrogate_is_refused_by_its_position()
    {
        var messages = ModelFileErrorTests.Messages(ModelFile.Parse("{\"kind\":\"ring\",\n\"radius\":\"\ud800\"}"));
        Assert.Equal(["not text at line 2, position 11: the character U+D800 is half of a UTF-16 surrogate pair, not a character"], messages);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_not_json()
    {
        var depth = ModelFile.MaxNesting + 1;
        var messages = ModelFileErrorTests.Messages(ModelFile.Parse($$"""{"kind":"ring","radius":{{new string('[', depth)}}{{new string(']', depth)}}}"""));
        Assert.Contains("maximum configured depth of 64", Assert.Single(messages));
    }

    [Fact]
    public void Control_characters_in_an_unknown_kind_or_key_are_escaped_onto_one_line()
    {
        var messages = ModelFileErrorTests.Messages(ModelFile.Parse("{\"kind\":\"ri\\nng\\u001b[31m\"}"));
        Assert.Equal("kind: unknown kind \"ri\\nng\\u001b[31m\"; expected one of bernoulli-rbm, gaussian-bernoulli-rbm, ising, boltzmann-machine, " +
                     "gaussian, double-well, ring, gaussian-mixture-2d, mlp, mlp-classifier, potts, clock", Assert.Single(messages));
        var duplicate = ModelFileErrorTests.Messages(ModelFile.Parse("{\"kind\":\"ring\",\"a\\r\":1,\"a\\r\":2}"));
        Assert.Contains("a\\r: given more than once", duplicate);
    }

    [Fact]
    public void A_long_value_is_shortened_without_splitting_a_surrogate_pair()
    {
        var value = "a" + string.Concat(Enumerable.Repeat("\U0001F600", 40));
        var message = Assert.Single(ModelFileErrorTests.Messages(ModelFile.Parse($$"""{"kind":"ring","radius":"{{value}}"}""")));
        Assert.EndsWith("...", message);
        Assert.True(IsWellFormed(message), message);
    }

    [Fact]
    public void Thousands_of_duplicate_and_unknown_keys_give_a_short_report()
    {
        var keys = string.Join(",", Enumerable.Range(0, 5000).Select(i => $"\"key{i}\":1,\"key{i}\":2"));
        var messages = ModelFileErrorTests.Messages(ModelFile.Parse($$"""{"kind":"ring",{{keys}}}"""));
        Assert.Equal(10, messages.Count(m => m.EndsWith("given more than once", StringComparison.Ordinal)));
        var unknown = Assert.Single(messages, m => m.StartsWith("unknown key", StringComparison.Ordinal));
        Assert.Contains("and 4990 more", unknown);
        Assert.True(unknown.Length < 400, unknown);
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }

        return true;
    }
}
