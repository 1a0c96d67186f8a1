namespace Ebm.Cli.Tests;

/// <summary>
/// Files whose bytes are not text (invalid UTF-8, an escaped half of a UTF-16 surrogate pair) are bad input:
/// exit code 2 and one "ebm: error: FILE: ..." line giving the line and position, never an internal error.
/// </summary>
public sealed class UndecodableInputTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    public static TheoryData<string, byte[], string> UndecodableModels() => new()
    {
        // 0xFF never occurs in UTF-8; inside a string value, at line 2, byte 14 of the line.
        { "invalid-byte-in-value", Concat(Utf8("{\"kind\": \"ring\",\n  \"radius\": \""), [0xFF], Utf8("\"}")), "not valid UTF-8 at line 2, position 14" },
        // A lead byte whose continuation is missing, in a key.
        { "truncated-sequence-in-key", Concat(Utf8("{\"kind\":\"ring\",\""), [0xC3, 0x28], Utf8("\":1}")), "not valid UTF-8 at line 1, position 17" },
        // An encoded surrogate (CESU-8) is not UTF-8 either.
        { "encoded-surrogate", Concat(Utf8("{\"kind\":\""), [0xED, 0xA0, 0x80], Utf8("\"}")), "not valid UTF-8 at line 1, position 10" },
        { "utf16-file", [0xFF, 0xFE, (byte)'{', 0, (byte)'}', 0], "UTF-16" },
        { "lone-high-surrogate-in-kind", Utf8("{\"kind\":\"\\ud800\"}"), "line 1, position 10: the escape \\ud800" },
        { "lone-low-surrogate-in-key", Utf8("{\"kind\":\"ring\",\n\"r\\uDC00\":1}"), "line 2, position 3: the escape \\uDC00" },
        { "reversed-pair-in-value", Utf8("{\"kind\":\"ising\",\"rows\":4,\"columns\":4,\"boundary\":\"\\udc00\\ud800\"}"), "the escape \\udc00" },
    };

    [Theory]
    [MemberData(nameof(UndecodableModels))]
    public void A_model_file_that_is_not_text_is_exit_code_2_naming_the_file_and_the_position(string name, byte[] content, string expected)
    {
        var path = _files.WriteBytes($"{name}.json", content);
        foreach (var run in new[] { CliRun.Invoke("logz", path), CliRun.Invoke("thermo", path, "--beta", "1"), CliRun.Invoke("sample", path, "--sampler", "gibbs") })
        {
            Assert.Equal(2, run.Code);
            Assert.Equal("", run.Out);
            var lines = run.Err.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
            Assert.Single(lines);
            Assert.StartsWith($"ebm: error: {path}: ", lines[0]);
            Assert.Contains(expected, lines[0]);
            Assert.False(run.HasStackTrace);
        }
    }

    [Fact]
    public void A_model_file_that_is_not_text_is_reported_as_the_reference_model_too()
    {
        var reference = _files.WriteBytes("reference.json", Concat(Utf8("{\"kind\":\"gaussian\",\"mean\":[0],\"precision\":[[1]],\"x\":\""), [0x80], Utf8("\"}")));
        var run = CliRun.Invoke("logz", CliRun.Example("gaussian-2d.json"), "--versus", reference);
        Assert.Equal(2, run.Code);
        Assert.StartsWith($"ebm: error: {reference}: not valid UTF-8 at line 1, position 54", run.Err);
    }

    [Fact]
    public void A_data_file_that_is_not_text_is_exit_code_2_naming_the_file_and_the_position()
    {
        var data = _files.WriteBytes("data.txt", Concat(Utf8("1 0 1\n0 "), [0xFE], Utf8(" 1\n")));
        var run = CliRun.Invoke("logz", CliRun.Example("bernoulli-rbm-3x2.json"), "--method", "ais", "--data", data, "--steps", "10");
        Assert.Equal(2, run.Code);
        Assert.Equal($"ebm: error: {data}: not valid UTF-8 at line 2, position 3 (byte 0xFE)", run.Err.TrimEnd());
    }

    [Fact]
    public void A_schedule_file_that_is_not_text_is_exit_code_2_naming_the_option_the_file_and_the_position()
    {
        var schedule = _files.WriteBytes("schedule.txt", Concat(Utf8("0 0.5\n"), [0xC0, 0x80], Utf8(" 1\n")));
        var run = CliRun.Invoke("logz", CliRun.Example("boltzmann-machine-3.json"), "--method", "ais", "--schedule", schedule);
        Assert.Equal(2, run.Code);
        Assert.Equal($"ebm: error: --schedule: {schedule}: not valid UTF-8 at line 2, position 1 (byte 0xC0)", run.Err.TrimEnd());
    }

    [Fact]
    public void A_value_echoed_in_a_message_stays_on_one_line()
    {
        var path = _files.WriteBytes("control.json", Utf8("{\"kind\":\"ising\",\"rows\":4,\"columns\":4,\"bound\\nary\\u0007\":\"open\\r\\nx\"}"));
        var run = CliRun.Invoke("logz", path);
        Assert.Equal(2, run.Code);
        var lines = run.Err.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.Contains("\"bound\\nary\\u0007\"", lines[0]);
    }
}
