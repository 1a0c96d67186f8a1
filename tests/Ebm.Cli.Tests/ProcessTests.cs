using System.Text.Json;

namespace Ebm.Cli.Tests;

/// <summary>The built <c>ebm</c> program, run as a separate process the way a user runs it.</summary>
public sealed class ProcessTests
{
    private static CliOutcome Run(params string[] args) => EbmProcess.Run(AppContext.BaseDirectory, args);

    [Fact]
    public void The_built_program_computes_log_z_and_reports_bad_input_with_exit_code_2()
    {
        var good = Run("logz", Path.Combine("Examples", "gaussian-2d.json"), "--json");
        Assert.Equal(0, good.Code);
        using var json = JsonDocument.Parse(good.Out);
        Assert.Equal(Math.Log(2 * Math.PI) - 0.5 * Math.Log(1.75), json.RootElement.GetProperty("logZ").GetDouble(), 1e-12);

        var bad = Run("logz", "no-such-model.json");
        Assert.Equal(2, bad.Code);
        Assert.Equal("ebm: error: no-such-model.json: file not found", bad.Err.Trim());
        Assert.Equal("", bad.Out);
    }
}
