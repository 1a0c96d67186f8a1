using System.Text.Json;

namespace Ebm.Cli.Tests;

/// <summary>What one in-process run of <c>ebm</c> returned and printed.</summary>
public sealed record CliOutcome(int Code, string Out, string Err)
{
    /// <summary>A stack frame line as .NET prints them; never shown to users unless EBM_DEBUG=1.</summary>
    public bool HasStackTrace => Out.Contains("   at ", StringComparison.Ordinal) || Err.Contains("   at ", StringComparison.Ordinal);

    /// <summary>The JSON document the run printed, once the run is seen to have succeeded without a stack trace.</summary>
    public JsonElement Json()
    {
        Assert.True(Code == 0, $"exit code {Code}: {Err}");
        Assert.False(HasStackTrace, Err);
        using var document = JsonDocument.Parse(Out);
        return document.RootElement.Clone();
    }
}
