namespace Ebm.Cli.Tests;

/// <summary>What one in-process run of <c>ebm</c> returned and printed.</summary>
public sealed record CliOutcome(int Code, string Out, string Err)
{
    /// <summary>A stack frame line as .NET prints them; never shown to users unless EBM_DEBUG=1.</summary>
    public bool HasStackTrace => Out.Contains("   at ", StringComparison.Ordinal) || Err.Contains("   at ", StringComparison.Ordinal);
}
