using Ebm.Tests.Shared;

namespace Ebm.Cli.Tests;

/// <summary>Runs the showcase in-process with its figures written into a temporary folder, removed afterwards.</summary>
public static class ShowcaseRun
{
    /// <summary>Runs <c>ebm ARGS --out TEMP/figures</c>.</summary>
    public static CliOutcome Invoke(params string[] args)
    {
        using var temp = new TempDirectory();
        return CliRun.Invoke([.. args, "--out", temp.Path("figures")]);
    }
}
